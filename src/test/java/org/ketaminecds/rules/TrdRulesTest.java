package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.AdequateTrial;
import org.ketaminecds.facts.ClinicalStatus;
import org.ketaminecds.facts.CombinationTrial;
import org.ketaminecds.facts.ContinuousTrial;
import org.ketaminecds.facts.DepressionScore;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.DiagnosisToConfirm;
import org.ketaminecds.facts.DoseStep;
import org.ketaminecds.facts.ExcludedTrial;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.MedicationTrial;
import org.ketaminecds.facts.NotCountedTrial;
import org.ketaminecds.facts.SuggestedAction;
import org.ketaminecds.facts.TreatmentResistance;
import org.ketaminecds.facts.TrialStatus;

/**
 * The TRD rules of the real {@code rules/} folder on facts: each criterion of the clinical brief's
 * definition of an adequate failed trial, with its boundary.
 */
class TrdRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static RuleSet rules;

  final RuleEvaluator evaluator = new RuleEvaluator();

  @BeforeAll
  static void compileRules() {
    rules = new RuleCompiler().compile(RuleSourceReader.fromFolder(Path.of("rules")));
  }

  static Diagnosis depression(LocalDate onset) {
    return new Diagnosis(
        "depressive-disorder",
        "c1",
        "http://hl7.org/fhir/sid/icd-10-cm",
        "F33.2",
        "Major depressive disorder, recurrent severe",
        ClinicalStatus.ACTIVE,
        true,
        onset,
        null,
        null);
  }

  static MedicationTrial trial(
      String id, String ingredientCode, String name, LocalDate start, long days, Double mg) {
    return new MedicationTrial(
        id,
        ingredientCode,
        name,
        "SSRI",
        false,
        null,
        name + " tablet",
        TrialStatus.ENDED,
        start,
        start.plusDays(days),
        mg);
  }

  static MedicationTrial sertraline(long days, Double mg) {
    return trial("ms-sertraline", "36437", "sertraline", TODAY.minusDays(300), days, mg);
  }

  static MedicationTrial citalopram(long days, Double mg) {
    return trial("ms-citalopram", "2556", "citalopram", TODAY.minusDays(150), days, mg);
  }

  Evaluation patientView(Object... facts) {
    var all = new ArrayList<Object>(List.of(facts));
    all.add(new HookContext("patient-view", TODAY));
    return evaluator.evaluate(rules, all);
  }

  /** The topics of the findings that are evidence (the suggestions a card offers are not). */
  static List<String> topics(Evaluation evaluation) {
    return evaluation.findings().stream()
        .filter(f -> f.evidence().stream().noneMatch(SuggestedAction.class::isInstance))
        .map(Finding::topic)
        .toList();
  }

  @Test
  void twoAdequateTrialsOfDistinctIngredientsMeetTheCriteria() {
    Evaluation result =
        patientView(depression(TODAY.minusDays(400)), sertraline(42, 100.0), citalopram(60, 20.0));

    assertThat(topics(result)).containsExactly("trd-criteria-met");
    assertThat(result.factsOf(AdequateTrial.class)).hasSize(2);
    assertThat(result.firedRules())
        .contains("Card trd-criteria-met: the patient meets the TRD criteria");
  }

  @Test
  void oneDayShortOfTheMinimumDurationIsNotAdequate() {
    Evaluation result =
        patientView(depression(TODAY.minusDays(400)), sertraline(41, 100.0), citalopram(60, 20.0));

    assertThat(topics(result)).isEmpty();
    assertThat(result.factsOf(NotCountedTrial.class))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("too short: 41 days"));
  }

  @Test
  void aDoseJustBelowTheMinimumIsNotAdequateButTheMinimumItselfIs() {
    assertThat(topics(patientView(depression(null), sertraline(60, 49.9), citalopram(60, 20.0))))
        .isEmpty();
    assertThat(topics(patientView(depression(null), sertraline(60, 50.0), citalopram(60, 20.0))))
        .containsExactly("trd-criteria-met");
  }

  @Test
  void aTrialWithoutADocumentedDoseStillCounts() {
    Evaluation result = patientView(depression(null), sertraline(60, null), citalopram(60, null));

    assertThat(topics(result)).containsExactly("trd-criteria-met");
  }

  @Test
  void twoStrengthsOfOneIngredientAreOneAgent() {
    var first = trial("a", "36437", "sertraline", TODAY.minusDays(300), 60, 100.0);
    var second = trial("b", "36437", "sertraline", TODAY.minusDays(200), 60, 150.0);

    Evaluation result = patientView(depression(null), first, second);

    assertThat(topics(result)).isEmpty();
    assertThat(result.factsOf(TreatmentResistance.class))
        .singleElement()
        .satisfies(r -> assertThat(r.failedAgents()).containsExactly("sertraline"));
  }

  @Test
  void anOngoingTrialIsReportedButNotCounted() {
    var ongoing =
        new MedicationTrial(
            "ms-ongoing",
            "4493",
            "fluoxetine",
            "SSRI",
            false,
            null,
            "fluoxetine",
            TrialStatus.ONGOING,
            TODAY.minusDays(90),
            null,
            40.0);

    Evaluation result = patientView(depression(null), sertraline(60, 100.0), ongoing);

    assertThat(topics(result)).isEmpty();
    assertThat(result.factsOf(NotCountedTrial.class))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("ongoing"));
  }

  @Test
  void aTrialThatEndedTheDayBeforeTheEpisodeBeganDoesNotCountButOneEndingThatDayDoes() {
    LocalDate onset = TODAY.minusDays(200);
    var endedBefore = trial("x", "4493", "fluoxetine", onset.minusDays(61), 60, 40.0);
    var endedOnOnset = trial("y", "4493", "fluoxetine", onset.minusDays(60), 60, 40.0);

    assertThat(topics(patientView(depression(onset), citalopram(60, 20.0), endedBefore))).isEmpty();
    assertThat(topics(patientView(depression(onset), citalopram(60, 20.0), endedOnOnset)))
        .containsExactly("trd-criteria-met");
  }

  @Test
  void theMostRecentActiveDepressiveDisorderDefinesTheEpisode() {
    Diagnosis older = depression(TODAY.minusDays(900));
    Diagnosis recent =
        new Diagnosis(
            "depressive-disorder",
            "c2",
            "http://snomed.info/sct",
            "370143000",
            "Major depressive disorder",
            ClinicalStatus.RECURRENCE,
            true,
            TODAY.minusDays(100),
            null,
            null);

    // sertraline ended 240 days ago: inside the older episode, before the recent one.
    Evaluation result = patientView(older, recent, sertraline(60, 100.0), citalopram(60, 20.0));

    assertThat(topics(result)).isEmpty();
  }

  @Test
  void noActiveDepressiveDisorderMeansNoCard() {
    Diagnosis resolved =
        new Diagnosis(
            "depressive-disorder",
            "c1",
            "http://hl7.org/fhir/sid/icd-10-cm",
            "F32.9",
            "MDD",
            ClinicalStatus.RESOLVED,
            false,
            null,
            null,
            null);

    assertThat(topics(patientView(resolved, sertraline(60, 100.0), citalopram(60, 20.0))))
        .isEmpty();
  }

  @Test
  void augmentationAgentsDoNotCountByDefault() {
    var lithium =
        new MedicationTrial(
            "ms-li",
            "6448",
            "lithium",
            "augmentation agent",
            true,
            null,
            "lithium carbonate",
            TrialStatus.ENDED,
            TODAY.minusDays(100),
            TODAY.minusDays(20),
            900.0);

    assertThat(topics(patientView(depression(null), sertraline(60, 100.0), lithium))).isEmpty();
  }

  @Test
  void orderHooksWarnWhenTreatmentResistanceIsNotDocumented() {
    Evaluation result =
        evaluator.evaluate(
            rules,
            List.of(
                depression(null),
                sertraline(60, 100.0),
                new HookContext("order-sign", TODAY),
                new KetamineOrder("MedicationRequest/1", "esketamine nasal spray")));

    // Beside the warning, every esketamine order gets its session plan.
    assertThat(topics(result))
        .containsExactlyInAnyOrder("trd-criteria-not-met", "esketamine-course-plan");
  }

  // ---- revision 2: trials as psychiatrists count them ----

  static MedicationTrial statement(
      String id, String code, String name, LocalDate start, LocalDate end, Double mg) {
    return new MedicationTrial(
        id, code, name, "SSRI", false, null, name, TrialStatus.ENDED, start, end, mg);
  }

  @Test
  void statementsFourteenDaysApartAreOneTrialFifteenDaysApartAreTwo() {
    LocalDate start = TODAY.minusDays(300);
    var first = statement("a", "36437", "sertraline", start, start.plusDays(30), 100.0);
    var joined =
        statement("b", "36437", "sertraline", start.plusDays(44), start.plusDays(74), 100.0);
    var apart =
        statement("b", "36437", "sertraline", start.plusDays(45), start.plusDays(75), 100.0);

    Evaluation one = patientView(depression(null), first, joined, citalopram(60, 20.0));
    assertThat(topics(one)).containsExactly("trd-criteria-met");
    assertThat(one.factsOf(ContinuousTrial.class))
        .filteredOn(t -> t.ingredient().equals("sertraline"))
        .singleElement()
        .satisfies(t -> assertThat(t.daysAtAdequateDose()).isEqualTo(60));
    assertThat(one.firedRules())
        .contains(
            "Statements of one ingredient that follow each other within the gap are one trial");

    Evaluation two = patientView(depression(null), first, apart, citalopram(60, 20.0));
    assertThat(topics(two)).isEmpty();
    assertThat(two.factsOf(NotCountedTrial.class))
        .extracting(NotCountedTrial::reason)
        .containsExactly(
            "too short: 30 days, under the 42 required",
            "too short: 30 days, under the 42 required");
  }

  @Test
  void aDoseIncreaseDoesNotSplitOneAdequateTrialButTitrationBelowTheMinimumDoesNotCount() {
    LocalDate start = TODAY.minusDays(300);
    var low = statement("a", "36437", "sertraline", start, start.plusDays(21), 50.0);
    var high = statement("b", "36437", "sertraline", start.plusDays(21), start.plusDays(42), 100.0);
    assertThat(topics(patientView(depression(null), low, high, citalopram(60, 20.0))))
        .containsExactly("trd-criteria-met");

    var titration = statement("c", "39786", "venlafaxine", start, start.plusDays(30), 75.0);
    var target =
        statement("d", "39786", "venlafaxine", start.plusDays(30), start.plusDays(71), 150.0);
    Evaluation result = patientView(depression(null), titration, target, citalopram(60, 20.0));
    assertThat(topics(result)).isEmpty();
    assertThat(result.factsOf(NotCountedTrial.class))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.reason())
                    .isEqualTo(
                        "too short: 41 days at 150 mg/day or more (of 71 in all), under the 42"
                            + " required"));
  }

  @Test
  void sequencedStepsCountOnlyTheDaysAtTheAdequateDose() {
    LocalDate start = TODAY.minusDays(300);
    var steps =
        List.of(
            new DoseStep(start, start.plusDays(14), 75.0),
            new DoseStep(start.plusDays(14), start.plusDays(56), 150.0));
    var venlafaxine =
        new MedicationTrial(
            "v",
            "39786",
            "venlafaxine",
            "SNRI",
            false,
            null,
            "venlafaxine",
            TrialStatus.ENDED,
            start,
            start.plusDays(56),
            150.0,
            steps,
            null);

    Evaluation result = patientView(depression(null), venlafaxine, citalopram(60, 20.0));

    assertThat(topics(result)).containsExactly("trd-criteria-met");
    assertThat(result.factsOf(AdequateTrial.class))
        .anySatisfy(a -> assertThat(a.trial().daysAtAdequateDose()).isEqualTo(42));
  }

  @Test
  void twoAntidepressantsTakenTogetherForMoreThanHalfOfTheShorterAreOneCombinationTrial() {
    LocalDate start = TODAY.minusDays(300);
    var sertraline = statement("s", "36437", "sertraline", start, start.plusDays(60), 100.0);
    // bupropion for 60 days, 31 of them with sertraline: more than half
    var together =
        statement("b", "42347", "bupropion", start.plusDays(29), start.plusDays(89), 300.0);
    // 30 of 60 days together: exactly half is not more than half
    var apart = statement("b", "42347", "bupropion", start.plusDays(30), start.plusDays(90), 300.0);

    Evaluation combined = patientView(depression(null), sertraline, together);
    assertThat(topics(combined)).isEmpty();
    assertThat(combined.factsOf(CombinationTrial.class))
        .singleElement()
        .satisfies(c -> assertThat(c.agent()).isEqualTo("bupropion + sertraline"));
    assertThat(combined.firedRules())
        .contains(
            "Two antidepressants taken together for more than half of the shorter one are one"
                + " combination trial");

    assertThat(topics(patientView(depression(null), sertraline, apart)))
        .containsExactly("trd-criteria-met");
  }

  @Test
  void documentedRemissionIsNotAFailure() {
    LocalDate start = TODAY.minusDays(300);
    var remitted =
        new MedicationTrial(
            "r",
            "36437",
            "sertraline",
            "SSRI",
            false,
            null,
            "sertraline",
            TrialStatus.ENDED,
            start,
            start.plusDays(90),
            100.0,
            null,
            "stopped: in remission");

    Evaluation result = patientView(depression(null), remitted, citalopram(60, 20.0));

    assertThat(topics(result)).isEmpty();
    assertThat(result.factsOf(NotCountedTrial.class))
        .singleElement()
        .satisfies(n -> assertThat(n.reason()).startsWith("response or remission documented"));
  }

  @Test
  void aPhq9FallOfHalfIsAResponseJustUnderHalfIsNot() {
    LocalDate start = TODAY.minusDays(300);
    var sertraline = statement("s", "36437", "sertraline", start, start.plusDays(60), 100.0);
    var baseline = new DepressionScore("o1", start, 24);
    var half = new DepressionScore("o2", start.plusDays(56), 12);
    var underHalf = new DepressionScore("o2", start.plusDays(56), 13);

    Evaluation response =
        patientView(depression(null), sertraline, citalopram(60, 20.0), baseline, half);
    assertThat(topics(response)).isEmpty();
    assertThat(response.firedRules())
        .contains("A PHQ-9 fall of half or more during a trial is a response, not a failure");

    assertThat(
            topics(
                patientView(
                    depression(null), sertraline, citalopram(60, 20.0), baseline, underHalf)))
        .containsExactly("trd-criteria-met");
  }

  @Test
  void aStatementStartingAfterTheDayOfTheCallIsNotATrial() {
    var future =
        statement("f", "36437", "sertraline", TODAY.plusDays(1), TODAY.plusDays(60), 100.0);

    Evaluation result = patientView(depression(null), future, citalopram(60, 20.0));

    assertThat(topics(result)).isEmpty();
    assertThat(result.factsOf(ExcludedTrial.class))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("not a trial yet"));
  }

  @Test
  void depressionUnspecifiedAsksToConfirmTheDiagnosis() {
    var unspecified =
        new Diagnosis(
            "depression-unspecified",
            "c9",
            "http://hl7.org/fhir/sid/icd-10-cm",
            "F32.A",
            "Depression, unspecified",
            ClinicalStatus.ACTIVE,
            true,
            null,
            null,
            null);
    var sameCondition =
        new Diagnosis(
            "depressive-disorder",
            "c9",
            "http://hl7.org/fhir/sid/icd-10-cm",
            "F32.A",
            "Depression, unspecified",
            ClinicalStatus.ACTIVE,
            true,
            null,
            null,
            null);

    Evaluation result =
        patientView(unspecified, sameCondition, sertraline(60, 100.0), citalopram(60, 20.0));

    assertThat(topics(result)).containsExactly("trd-criteria-met");
    assertThat(result.factsOf(DiagnosisToConfirm.class)).hasSize(1);
    assertThat(
            patientView(
                    unspecified,
                    sameCondition,
                    depression(null),
                    sertraline(60, 100.0),
                    citalopram(60, 20.0))
                .factsOf(DiagnosisToConfirm.class))
        .isEmpty();
  }
}
