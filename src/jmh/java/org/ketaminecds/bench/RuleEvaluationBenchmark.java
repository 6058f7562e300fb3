package org.ketaminecds.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ketaminecds.advice.Advice;
import org.ketaminecds.advice.ClinicalAdvisor;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.facts.fhir.DraftOrderReader;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.rules.Evaluation;
import org.ketaminecds.rules.RuleEvaluator;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.terminology.Terminology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rules on the facts of a chart ({@code rulesOnFacts}), and the whole evaluation of an already
 * parsed chart: facts, rules and cards ({@code parsedChartToCards}), the figure to compare with the
 * CQL engine's 0.39 ms (small) and 5.6 ms (heavy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleEvaluationBenchmark {

  @Param({"small", "heavy"})
  public String chart;

  private RuleSet ruleSet;
  private RuleEvaluator evaluator;
  private ClinicalAdvisor advisor;
  private PatientRecord record;
  private List<Object> facts;

  @Setup
  public void setUp() {
    Terminology terminology = new Terminology();
    ChartFacts chartFacts = new ChartFacts(terminology);
    evaluator = new RuleEvaluator();
    advisor = new ClinicalAdvisor(chartFacts, new DraftOrderReader(terminology), evaluator);
    ruleSet = BenchRules.compile();
    record = ParsedCharts.parse(BenchCharts.chart(chart));
    facts = new ArrayList<>(chartFacts.extract(record, BenchCharts.today()));
    facts.add(new HookContext("patient-view", BenchCharts.today()));
  }

  @Benchmark
  public Evaluation rulesOnFacts() {
    return evaluator.evaluate(ruleSet, facts);
  }

  @Benchmark
  public Advice parsedChartToCards() {
    return advisor.advise(ruleSet, "patient-view", record, List.of(), BenchCharts.today());
  }
}
