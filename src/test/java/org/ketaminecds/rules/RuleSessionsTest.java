package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.ClinicalStatus;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;
import org.ketaminecds.facts.PatientInfo;
import org.ketaminecds.facts.TreatmentResistance;
import org.ketaminecds.rules.RuleSessions.CallSession;

/**
 * The sessions of a rule set keep its reference facts (parameters, dose table) between calls and
 * delete each call's facts when it ends. What must hold: every call sees the reference facts, no
 * call sees another call's facts or conclusions (one after the other on the same session, or in
 * parallel), a call that fails leaves no dirty session behind, a rule set never runs with another
 * rule set's parameters, and a rule that fires on the reference facts alone still fires in every
 * call.
 */
class RuleSessionsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final RuleCompiler compiler = new RuleCompiler();
  static RuleSource released;
  static RuleSet rules;

  final RuleEvaluator evaluator = new RuleEvaluator();

  @BeforeAll
  static void compileRules() {
    released = RuleSourceReader.fromFolder(Path.of("rules"));
    rules = compiler.compile(released);
  }

  @AfterAll
  static void releaseRules() {
    compiler.release(rules);
  }

  static Diagnosis diagnosis(String id, String category) {
    return new Diagnosis(
        category,
        id,
        "http://hl7.org/fhir/sid/icd-10-cm",
        "X00",
        category,
        ClinicalStatus.ACTIVE,
        true,
        TODAY.minusDays(400),
        null,
        null);
  }

  /** A patient with an aneurysm ordering ketamine: a critical finding and its evidence. */
  static List<Object> aneurysmOnOrder(String id) {
    return List.of(
        new PatientInfo(40, "female"),
        diagnosis("dep-" + id, "depressive-disorder"),
        diagnosis("an-" + id, "aneurysm-or-avm"),
        new KetamineOrder("MedicationRequest/" + id, "ketamine"),
        new HookContext("order-sign", TODAY));
  }

  static void assertHoldsOnlyReferenceFacts(RuleSet ruleSet) {
    CallSession session = ruleSet.sessions().take();
    try {
      assertThat(session.keepsReferenceFacts()).isTrue();
      List<Object> held = new ArrayList<>(session.kieSession().getObjects());
      assertThat(held).containsExactlyInAnyOrderElementsOf(ruleSet.sessions().referenceFacts());
    } finally {
      ruleSet.sessions().release(session, true);
    }
  }

  static RuleSource withFiles(RuleSource source, String... pathsAndTexts) {
    var files = new TreeMap<>(source.files());
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return new RuleSource(source.origin() + " (test)", files);
  }

  @Test
  void everyCallSeesTheParametersAndTheWholeDoseTable() {
    for (int call = 0; call < 3; call++) {
      Evaluation evaluation = evaluator.evaluate(rules, aneurysmOnOrder("p" + call));

      assertThat(evaluation.factsOf(Parameters.class)).containsExactly(rules.parameters());
      assertThat(evaluation.factsOf(MinimumDose.class))
          .containsExactlyInAnyOrderElementsOf(rules.minimumDoses());
    }
  }

  @Test
  void aCallSeesNothingOfThePreviousCallOnTheSameSession() {
    Evaluation first = evaluator.evaluate(rules, aneurysmOnOrder("first"));
    assertThat(first.findings()).isNotEmpty();
    assertHoldsOnlyReferenceFacts(rules);

    // Sequential calls take the session the previous call gave back.
    Evaluation second = evaluator.evaluate(rules, List.of(new HookContext("patient-view", TODAY)));

    assertThat(second.findings()).isEmpty();
    assertThat(second.firedRules()).isEmpty();
    var expected = new ArrayList<Object>(rules.sessions().referenceFacts());
    expected.add(new HookContext("patient-view", TODAY));
    assertThat(second.facts()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aCallTooLargeToDeleteIsFollowedByACleanSession() {
    var facts = new ArrayList<Object>(aneurysmOnOrder("large"));
    for (int i = 0; facts.size() <= RuleEvaluator.DELETE_AT_MOST; i++) {
      facts.add(diagnosis("extra-" + i, "aneurysm-or-avm"));
    }
    Evaluation large = evaluator.evaluate(rules, facts);
    assertThat(large.findings()).hasSizeGreaterThan(RuleEvaluator.DELETE_AT_MOST / 2);

    assertHoldsOnlyReferenceFacts(rules);
    Evaluation next = evaluator.evaluate(rules, List.of(new HookContext("patient-view", TODAY)));
    assertThat(next.findings()).isEmpty();
    assertThat(next.factsOf(Diagnosis.class)).isEmpty();
    assertThat(next.factsOf(MinimumDose.class)).hasSameSizeAs(rules.minimumDoses());
  }

  @Test
  void theRulesThatFiredAreThoseOfTheCallAlone() {
    Evaluation first = evaluator.evaluate(rules, aneurysmOnOrder("a"));
    Evaluation again = evaluator.evaluate(rules, aneurysmOnOrder("a"));

    assertThat(again.firedRules()).isNotEmpty().containsExactlyElementsOf(first.firedRules());
    assertThat(again.findings()).containsExactlyInAnyOrderElementsOf(first.findings());
  }

  @Test
  void concludedFactsStayAsTheyWereWhenTheSessionIsCleared() {
    var trial = TrdRulesTest.trial("t1", "36437", "sertraline", TODAY.minusDays(300), 60, 100.0);
    var other = TrdRulesTest.trial("t2", "2556", "citalopram", TODAY.minusDays(200), 60, 40.0);
    Evaluation evaluation =
        evaluator.evaluate(
            rules,
            List.of(
                diagnosis("d1", "depressive-disorder"),
                trial,
                other,
                new HookContext("patient-view", TODAY)));

    // Deleting the trials from the session after the call must not empty the agents the card
    // lists (the rules hand over the set their accumulate keeps).
    assertThat(evaluation.factsOf(TreatmentResistance.class))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.failedAgents()).containsExactlyInAnyOrder("sertraline", "citalopram"));
  }

  @Test
  void parallelCallsSeeOnlyTheirOwnFacts() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var calls = new ArrayList<Callable<Boolean>>();
      for (int i = 0; i < 200; i++) {
        String id = "p" + i;
        calls.add(
            () -> {
              Evaluation evaluation = evaluator.evaluate(rules, aneurysmOnOrder(id));
              return evaluation.factsOf(Diagnosis.class).stream()
                      .allMatch(d -> d.conditionId().endsWith("-" + id))
                  && evaluation.factsOf(KetamineOrder.class).size() == 1
                  && evaluation.factsOf(Parameters.class).size() == 1
                  && evaluation.findings().stream()
                      .anyMatch(f -> f.topic().equals("ci-vascular-aneurysm-or-avm"));
            });
      }
      for (Future<Boolean> result : pool.invokeAll(calls)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertHoldsOnlyReferenceFacts(rules);
  }

  @Test
  void aCallWhoseRuleThrowsLeavesNoDirtySession() {
    RuleSet failing =
        compiler.compile(
            withFiles(
                released,
                "test/throws.drl",
                """
                package rules.test;
                import org.ketaminecds.facts.PatientInfo;
                rule "Throws for a patient aged 999"
                when
                  PatientInfo( ageYears == 999 )
                then
                  throw new IllegalStateException( "a rule failed" );
                end
                """));
    try {
      var facts = new ArrayList<Object>(aneurysmOnOrder("x"));
      facts.add(new PatientInfo(999, "male"));
      assertThatThrownBy(() -> evaluator.evaluate(failing, facts))
          .hasStackTraceContaining("a rule failed");

      assertHoldsOnlyReferenceFacts(failing);
      Evaluation next =
          evaluator.evaluate(failing, List.of(new HookContext("patient-view", TODAY)));
      assertThat(next.findings()).isEmpty();
      assertThat(next.factsOf(PatientInfo.class)).isEmpty();
      assertThat(next.factsOf(Diagnosis.class)).isEmpty();
    } finally {
      compiler.release(failing);
    }
  }

  @Test
  void aRuleSetWithOtherParametersNeverGetsTheseSessions() {
    String parameters = released.files().get(ParametersReader.FILE);
    RuleSet shorter =
        compiler.compile(
            withFiles(
                released,
                ParametersReader.FILE,
                parameters.replace("min-trial-days: 42", "min-trial-days: 28")));
    try {
      // Same DRL, so the same compiled rule packages, but parameters of its own.
      assertThat(shorter.compiledUnits()).isEqualTo(rules.compiledUnits());
      assertThat(shorter.sessions()).isNotSameAs(rules.sessions());
      for (int call = 0; call < 3; call++) {
        List<Object> facts = List.of(new HookContext("patient-view", TODAY));
        assertThat(evaluator.evaluate(shorter, facts).factsOf(Parameters.class))
            .singleElement()
            .extracting(Parameters::minTrialDays)
            .isEqualTo(28);
        assertThat(evaluator.evaluate(rules, facts).factsOf(Parameters.class))
            .singleElement()
            .extracting(Parameters::minTrialDays)
            .isEqualTo(42);
      }
    } finally {
      compiler.release(shorter);
    }
  }

  @Test
  void aRuleOnTheReferenceFactsAloneFiresInEveryCall() {
    RuleSet onParameters =
        compiler.compile(
            withFiles(
                released,
                "test/on-parameters.drl",
                """
                package rules.test;
                import org.ketaminecds.facts.Parameters;
                declare ParametersSeen
                  minTrialDays : int
                end
                rule "Sees the parameters"
                when
                  $p : Parameters()
                then
                  insertLogical( new ParametersSeen( $p.minTrialDays() ) );
                end
                """));
    try {
      for (int call = 0; call < 3; call++) {
        Evaluation evaluation =
            evaluator.evaluate(onParameters, List.of(new HookContext("patient-view", TODAY)));

        assertThat(evaluation.firedRules()).containsExactly("Sees the parameters");
        assertThat(evaluation.facts())
            .filteredOn(fact -> fact.getClass().getSimpleName().equals("ParametersSeen"))
            .hasSize(1);
        assertThat(evaluation.factsOf(Parameters.class)).hasSize(1);
      }
    } finally {
      compiler.release(onParameters);
    }
  }
}
