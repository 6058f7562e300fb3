package org.ketaminecds.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lookups against the value sets the build copies to the classpath; no Spring context. */
class TerminologyTest {

  private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final String ATC = "http://www.whocc.no/atc";
  private static final String NDC = "http://hl7.org/fhir/sid/ndc";
  private static final String LOINC = "http://loinc.org";

  private static Terminology terminology;

  @BeforeAll
  static void load() {
    terminology = new Terminology();
  }

  /**
   * The service builds its tables from the catalogue and the lists; the published JSON is generated
   * from the same files: both must hold the same codes in the same value sets.
   */
  @Test
  void theTablesHoldExactlyThePublishedExpansions() throws Exception {
    var parser = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser();
    var published = new java.util.HashMap<String, java.util.Set<String>>();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("fhir-profiles"))) {
      for (var file : files.toList()) {
        if (file.getFileName().toString().startsWith("ValueSet-")) {
          var valueSet =
              parser.parseResource(
                  org.hl7.fhir.r4.model.ValueSet.class, java.nio.file.Files.readString(file));
          for (var coding : valueSet.getExpansion().getContains()) {
            published
                .computeIfAbsent(
                    coding.getSystem() + "|" + coding.getCode(), k -> new java.util.TreeSet<>())
                .add(valueSet.getIdElement().getIdPart());
          }
        }
      }
    }
    assertThat(terminology.codeCount()).isEqualTo(published.size());
    published.forEach(
        (coding, ids) -> {
          String[] parts = coding.split("\\|", 2);
          assertThat(terminology.valueSetsOf(parts[0], parts[1])).as(coding).isEqualTo(ids);
        });
  }

  @Test
  void loadsEveryValueSetTheRulesUse() {
    assertThat(terminology.valueSetIds())
        .containsExactlyInAnyOrder(
            "depressive-disorder",
            "depressive-disorder-full-remission",
            "depression-unspecified",
            "bipolar-disorder",
            "psychotic-disorder",
            "substance-use-disorder",
            "dementia",
            "increased-intracranial-pressure",
            "hypertensive-crisis",
            "coronary-heart-disease",
            "heart-failure",
            "arrhythmia",
            "stroke-or-tia",
            "aneurysm-or-avm",
            "intracerebral-hemorrhage",
            "pregnancy",
            "pregnancy-status-observation",
            "pregnancy-status-pregnant",
            "blood-pressure-panel",
            "systolic-blood-pressure",
            "diastolic-blood-pressure",
            "ketamine-esketamine",
            "antidepressant-medication",
            "augmentation-agent",
            "esketamine",
            "suicidal-ideation",
            "lactation",
            "breastfeeding-status-observation",
            "breastfeeding-status-breastfeeding",
            "hcg-test",
            "hcg-test-positive",
            "pregnancy-status-not-pregnant",
            "delivery",
            "phq9-total-score",
            "body-weight",
            "interaction-cns-depressant",
            "interaction-psychostimulant",
            "interaction-maoi");
    assertThat(terminology.codeCount()).isGreaterThan(4000);
  }

  @Test
  void conditionCodesResolveToTheirValueSets() {
    assertThat(terminology.valueSetsOf(ICD10CM, "I67.1")).contains("aneurysm-or-avm");
    assertThat(terminology.valueSetsOf(ICD10CM, "F33.2")).containsExactly("depressive-disorder");
    // Severe mixed bipolar I disorder with psychotic features
    assertThat(terminology.valueSetsOf(SNOMED, "10981006")).contains("bipolar-disorder");
    assertThat(terminology.valueSetsOf(ICD10CM, "I16.0")).containsExactly("hypertensive-crisis");
    // STEMI of the left main coronary artery; SNOMED Myocardial infarction
    assertThat(terminology.valueSetsOf(ICD10CM, "I21.01")).contains("coronary-heart-disease");
    assertThat(terminology.valueSetsOf(SNOMED, "22298006")).contains("coronary-heart-disease");
    // Cerebral infarction due to thrombosis of basilar artery
    assertThat(terminology.valueSetsOf(ICD10CM, "I63.02")).contains("stroke-or-tia");
    assertThat(terminology.valueSetsOf(ICD10CM, "G93.2"))
        .containsExactly("increased-intracranial-pressure");
  }

  @Test
  void containsAnswersForOneValueSet() {
    assertThat(terminology.contains("depressive-disorder", ICD10CM, "F33.2")).isTrue();
    assertThat(terminology.contains("bipolar-disorder", ICD10CM, "F33.2")).isFalse();
    assertThat(terminology.contains("pregnancy-status-observation", LOINC, "82810-3")).isTrue();
    assertThat(terminology.contains("pregnancy-status-pregnant", SNOMED, "77386006")).isTrue();
    assertThat(terminology.contains("pregnancy-status-pregnant", LOINC, "LA15173-0")).isTrue();
    assertThat(terminology.contains("blood-pressure-panel", LOINC, "55284-4")).isTrue();
    assertThat(terminology.contains("systolic-blood-pressure", LOINC, "8480-6")).isTrue();
    assertThat(terminology.contains("diastolic-blood-pressure", LOINC, "8462-4")).isTrue();
    assertThat(terminology.contains("ketamine-esketamine", NDC, "50458-028-02")).isTrue();
    assertThat(terminology.contains("ketamine-esketamine", RXNORM, "6130")).isTrue();
    assertThat(terminology.contains(null, ICD10CM, "F33.2")).isFalse();
  }

  @Test
  void productCodeMapsToItsIngredient() {
    // sertraline 50 MG Oral Tablet
    assertThat(terminology.antidepressantIngredient(RXNORM, "312941"))
        .contains(new AntidepressantIngredient("36437", "sertraline", "SSRI", false, null));
    assertThat(terminology.contains("antidepressant-medication", RXNORM, "312941")).isTrue();
  }

  @Test
  void twoStrengthsOfOneDrugAreOneAgent() {
    // sertraline 25 MG and 100 MG Oral Tablet
    assertThat(terminology.antidepressantIngredient(RXNORM, "312940"))
        .isPresent()
        .isEqualTo(terminology.antidepressantIngredient(RXNORM, "312938"));
    // the ingredient code maps to itself
    assertThat(terminology.antidepressantIngredient(RXNORM, "36437"))
        .isEqualTo(terminology.antidepressantIngredient(RXNORM, "312940"));
  }

  @Test
  void atcSubstanceCodeMapsToTheRxNormIngredient() {
    assertThat(terminology.antidepressantIngredient(ATC, "N06AB06"))
        .map(AntidepressantIngredient::rxcui)
        .contains("36437");
    assertThat(terminology.contains("antidepressant-medication", ATC, "N06AB06")).isTrue();
  }

  @Test
  void oralSelegilineResolvesButIsNotATrial() {
    // selegiline hydrochloride 5 MG Oral Tablet
    AntidepressantIngredient oral =
        terminology.antidepressantIngredient(RXNORM, "859193").orElseThrow();
    assertThat(oral.rxcui()).isEqualTo("9639");
    assertThat(oral.notATrialReason()).contains("Parkinson");
    assertThat(terminology.contains("antidepressant-medication", RXNORM, "859193")).isFalse();

    // 24 HR selegiline 0.25 MG/HR Transdermal System (Emsam) is a trial
    AntidepressantIngredient patch =
        terminology.antidepressantIngredient(RXNORM, "865206").orElseThrow();
    assertThat(patch.notATrialReason()).isNull();
    assertThat(patch.drugClass()).isEqualTo("MAOI");
    assertThat(terminology.contains("antidepressant-medication", RXNORM, "865206")).isTrue();
  }

  @Test
  void zybanResolvesButIsNotATrial() {
    assertThat(terminology.antidepressantIngredient(RXNORM, "1801289").orElseThrow())
        .satisfies(
            zyban -> {
              assertThat(zyban.name()).isEqualTo("bupropion");
              assertThat(zyban.notATrialReason()).contains("smoking cessation");
            });
    assertThat(terminology.contains("antidepressant-medication", RXNORM, "1801289")).isFalse();
  }

  @Test
  void lithiumIsAnAugmentationAgent() {
    AntidepressantIngredient lithium =
        terminology.antidepressantIngredient(RXNORM, "6448").orElseThrow();
    assertThat(lithium.augmentationAgent()).isTrue();
    assertThat(lithium.name()).isEqualTo("lithium");
    assertThat(terminology.valueSetsOf(RXNORM, "6448")).containsExactly("augmentation-agent");
    assertThat(
            terminology.antidepressantIngredient(RXNORM, "36437").orElseThrow().augmentationAgent())
        .isFalse();
  }

  @Test
  void rxNormAliasesAreNormalisedOtherSystemsAreNot() {
    assertThat(terminology.valueSetsOf("urn:oid:2.16.840.1.113883.6.88", "312941"))
        .contains("antidepressant-medication");
    assertThat(
            terminology.antidepressantIngredient(
                "https://www.nlm.nih.gov/research/umls/rxnorm", "312941"))
        .isPresent();
    assertThat(terminology.valueSetsOf("http://hl7.org/fhir/sid/icd-10", "F33.2")).isEmpty();
  }

  @Test
  void systemsMatchInTheFormsEhrsSend() {
    // contract rev. 2, "Real-world charts": OID forms, https, trailing slash, HL7 v2 names
    assertThat(terminology.valueSetsOf("urn:oid:2.16.840.1.113883.6.90", "I67.1"))
        .contains("aneurysm-or-avm");
    assertThat(terminology.valueSetsOf("urn:oid:2.16.840.1.113883.6.96", "10981006"))
        .contains("bipolar-disorder");
    assertThat(terminology.valueSetsOf("https://snomed.info/sct", "10981006"))
        .contains("bipolar-disorder");
    assertThat(terminology.valueSetsOf("http://snomed.info/sct/", "10981006"))
        .contains("bipolar-disorder");
    assertThat(
            terminology.contains(
                "pregnancy-status-observation", "urn:oid:2.16.840.1.113883.6.1", "82810-3"))
        .isTrue();
    assertThat(
            terminology.contains(
                "ketamine-esketamine", "urn:oid:2.16.840.1.113883.6.69", "50458-028-02"))
        .isTrue();
    assertThat(terminology.contains("depressive-disorder", "ICD-10-CM", "F33.2")).isTrue();
    // ICD-10 (WHO) is another code system: not an alias
    assertThat(terminology.valueSetsOf("http://hl7.org/fhir/sid/icd-10", "I67.1")).isEmpty();
  }

  @Test
  void revisionTwoCodesAreInTheirValueSets() {
    // SNOMED aortic aneurysm, I62.9, traumatic intracerebral haemorrhage
    assertThat(terminology.valueSetsOf(SNOMED, "233985008")).contains("aneurysm-or-avm");
    assertThat(terminology.valueSetsOf(ICD10CM, "I62.9")).contains("intracerebral-hemorrhage");
    assertThat(terminology.valueSetsOf(ICD10CM, "S06.360A")).contains("intracerebral-hemorrhage");
    // delusional disorder, MDD with psychotic features (also a depressive disorder)
    assertThat(terminology.valueSetsOf(ICD10CM, "F22")).contains("psychotic-disorder");
    assertThat(terminology.valueSetsOf(ICD10CM, "F33.3")).contains("psychotic-disorder");
    assertThat(terminology.contains("diastolic-blood-pressure", LOINC, "8453-3")).isTrue();
    assertThat(terminology.contains("hcg-test", LOINC, "2106-3")).isTrue();
    assertThat(terminology.contains("breastfeeding-status-observation", LOINC, "63895-7")).isTrue();
    assertThat(terminology.contains("breastfeeding-status-breastfeeding", LOINC, "LA29252-6"))
        .isTrue();
    assertThat(terminology.contains("breastfeeding-status-breastfeeding", LOINC, "LA29253-4"))
        .isFalse();
    assertThat(terminology.valueSetsOf(ICD10CM, "R45.851")).containsExactly("suicidal-ideation");
    assertThat(terminology.valueSetsOf(SNOMED, "6471006")).containsExactly("suicidal-ideation");
    assertThat(terminology.valueSetsOf(ICD10CM, "Z37.0")).containsExactly("delivery");
  }

  @Test
  void icd10CmMatchesWithOrWithoutTheDot() {
    assertThat(terminology.valueSetsOf(ICD10CM, "I671")).contains("aneurysm-or-avm");
    assertThat(terminology.valueSetsOf("urn:oid:2.16.840.1.113883.6.90", "F332"))
        .containsExactly("depressive-disorder");
    // a three-character category has no dot to drop
    assertThat(terminology.valueSetsOf(ICD10CM, "F32.9"))
        .isEqualTo(terminology.valueSetsOf(ICD10CM, "F329"));
  }

  @Test
  void ndcMatchesInTenAndElevenDigitFormsWithOrWithoutHyphens() {
    // Spravato 50458-028-02 (5-3-2): 11-digit 50458-0028-02, or the digits alone
    for (String form :
        java.util.List.of("50458-028-02", "50458002802", "50458-0028-02", "5045802802")) {
      assertThat(terminology.contains("ketamine-esketamine", NDC, form)).as(form).isTrue();
    }
    assertThat(terminology.contains("ketamine-esketamine", NDC, "50458-0028-09")).isFalse();
    assertThat(terminology.contains("ketamine-esketamine", NDC, "5045802809")).isFalse();
    assertThat(CodeSystems.ndc11("0409-2051-05")).isEqualTo("00409205105");
    assertThat(CodeSystems.ndc11("50458-028-2")).isEqualTo("50458002802");
    assertThat(CodeSystems.ndc11("5045802802")).isNull();
  }

  @Test
  void unknownAndNullCodesGiveEmptyResults() {
    assertThat(terminology.valueSetsOf(ICD10CM, "Z00.00")).isEmpty();
    assertThat(terminology.valueSetsOf("http://example.org/unknown", "F33.2")).isEmpty();
    assertThat(terminology.valueSetsOf(null, "F33.2")).isEmpty();
    assertThat(terminology.valueSetsOf(ICD10CM, null)).isEmpty();
    assertThat(terminology.contains("depressive-disorder", null, null)).isFalse();
    assertThat(terminology.antidepressantIngredient(RXNORM, "999999999")).isEmpty();
    assertThat(terminology.antidepressantIngredient(null, null)).isEmpty();
    // esketamine (unverified RxNorm code) and ketamine are not antidepressant trials
    assertThat(terminology.antidepressantIngredient(RXNORM, "2119365")).isEmpty();
    assertThat(terminology.antidepressantIngredient(ATC, "N06AX27")).isEmpty();
  }

  @Test
  void returnedSetsCannotBeModified() {
    assertThatThrownBy(() -> terminology.valueSetsOf(ICD10CM, "F33.2").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> terminology.valueSetIds().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
