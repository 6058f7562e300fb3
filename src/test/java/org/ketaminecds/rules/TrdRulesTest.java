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
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.ExcludedTrial;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.MedicationTrial;
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
    assertThat(result.factsOf(ExcludedTrial.class))
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
        .satisfies(r -> assertThat(r.failedAgents()).containsExactly("36437"));
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
    assertThat(result.factsOf(ExcludedTrial.class))
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
}
