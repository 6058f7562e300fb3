package org.ketaminecds.authoring;

import ca.uhn.fhir.context.FhirContext;
import org.ketaminecds.advice.ClinicalAdvisor;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.facts.fhir.DraftOrderReader;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleEvaluator;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.scenarios.ScenarioRunner;
import org.ketaminecds.terminology.Terminology;
import org.ketaminecds.web.ComputeHelpers;

/**
 * The composition root of the decision path: chart and draft orders to facts, rules, cards, and the
 * check of a rules folder (compile, then every scenario through that same path). The service's
 * Spring configuration ({@link DecisionPathConfiguration}), the {@code rules check} command, the
 * build's verification of the released rules and the tests all build it here, so that what the
 * command and the build check is wired exactly as what answers the EHR.
 *
 * <p>Plain Java: the command runs without Spring. What it is given (the FHIR context, the value
 * sets, the compiler with its precompiled rules) is what differs between the service, which
 * prepares those at start-up, and a tool, which takes the released ones.
 */
public final class DecisionPath {

  private final Terminology terminology;
  private final RuleCompiler compiler;
  private final ChartFacts chartFacts;
  private final DraftOrderReader draftOrders;
  private final RuleEvaluator evaluator;
  private final ClinicalAdvisor advisor;
  private final ScenarioReader scenarioReader;
  private final ScenarioRunner scenarioRunner;
  private final RuleSetCheck check;

  /** A path whose calls do all their work on their own thread (tools, tests). */
  public DecisionPath(FhirContext fhirContext, Terminology terminology, RuleCompiler compiler) {
    this(fhirContext, terminology, compiler, ComputeHelpers.none());
  }

  /**
   * @param helpers threads that extract a large chart's facts beside the call's own (the service's)
   */
  public DecisionPath(
      FhirContext fhirContext,
      Terminology terminology,
      RuleCompiler compiler,
      ComputeHelpers helpers) {
    this.terminology = terminology;
    this.compiler = compiler;
    this.chartFacts = new ChartFacts(terminology, helpers);
    this.draftOrders = new DraftOrderReader(terminology);
    this.evaluator = new RuleEvaluator();
    this.advisor = new ClinicalAdvisor(chartFacts, draftOrders, evaluator);
    this.scenarioReader = new ScenarioReader(fhirContext);
    this.scenarioRunner = new ScenarioRunner(advisor);
    this.check = new RuleSetCheck(compiler, scenarioReader, scenarioRunner, terminology);
  }

  /**
   * The path of a tool (the {@code rules check} command, the build, tests): HAPI's shared R4
   * context, the value sets released in the jar, a compiler that finds the build's kjars as it
   * needs them.
   */
  public static DecisionPath released() {
    return new DecisionPath(FhirContext.forR4Cached(), new Terminology(), new RuleCompiler());
  }

  public Terminology terminology() {
    return terminology;
  }

  public RuleCompiler compiler() {
    return compiler;
  }

  public ChartFacts chartFacts() {
    return chartFacts;
  }

  public DraftOrderReader draftOrders() {
    return draftOrders;
  }

  public RuleEvaluator evaluator() {
    return evaluator;
  }

  public ClinicalAdvisor advisor() {
    return advisor;
  }

  public ScenarioReader scenarioReader() {
    return scenarioReader;
  }

  public ScenarioRunner scenarioRunner() {
    return scenarioRunner;
  }

  public RuleSetCheck check() {
    return check;
  }
}
