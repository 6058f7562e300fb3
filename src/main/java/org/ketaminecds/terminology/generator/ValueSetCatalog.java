package org.ketaminecds.terminology.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which rows of which code lists make up each of the project's value sets. The ids are what the
 * rules refer to; changing one is a breaking change for the rules.
 */
final class ValueSetCatalog {

  private static final String CARDIOVASCULAR = "cardiovascular_cerebrovascular_disease.csv";
  private static final String ANEURYSM_ICH = "spravato_contraindication_aneurysm_avm_ich.csv";
  private static final String HYPERTENSION = "hypertension.csv";
  private static final String PREGNANCY_STATUS = "pregnancy_status_observation_loinc.csv";
  private static final String BLOOD_PRESSURE = "blood_pressure_observation_loinc.csv";
  private static final String KETAMINE = "ketamine_esketamine_codes.csv";
  private static final String ANTIDEPRESSANT_PRODUCTS = "antidepressant_medication_rxnorm_vsac.csv";
  static final String ANTIDEPRESSANT_INGREDIENTS = "antidepressant_ingredients_rxnorm.csv";
  static final String ANTIDEPRESSANT_ATC = "antidepressant_atc_n06a.csv";

  /** Esketamine is the treatment being considered, never a failed antidepressant trial. */
  static final String ESKETAMINE_ATC = "N06AX27";

  /** VSAC value set named in a cardiovascular row's source → the project's value set. */
  private static final Map<String, String> CARDIOVASCULAR_SPLIT =
      Map.of(
          "Coronary Artery Disease No MI", "coronary-heart-disease",
          "Myocardial Infarction", "coronary-heart-disease",
          "Ischemic Heart Disease or Related Diagnoses", "coronary-heart-disease",
          "Stable and Unstable Angina", "coronary-heart-disease",
          "Heart Failure", "heart-failure",
          "Arrhythmia", "arrhythmia",
          "Cerebrovascular Disease Stroke or TIA", "stroke-or-tia");

  /** Leading {@code [tag]} of an aneurysm/AVM/ICH row's source → the project's value set. */
  private static final Map<String, String> ANEURYSM_ICH_SPLIT =
      Map.of(
          "aortic aneurysm/dissection",
          "aneurysm-or-avm",
          "aortic aneurysm rupture/dissection",
          "aneurysm-or-avm",
          "intracranial aneurysm",
          "aneurysm-or-avm",
          "AVM",
          "aneurysm-or-avm",
          "aneurysm",
          "aneurysm-or-avm",
          "peripheral/other aneurysm or AVM",
          "aneurysm-or-avm",
          // the list's own note: subarachnoid hemorrhage is usually from an aneurysm or AVM
          "subarachnoid hemorrhage - usually aneurysm/AVM; review",
          "aneurysm-or-avm",
          "intracerebral hemorrhage",
          "intracerebral-hemorrhage",
          "history of ICH: sequelae of nontraumatic intracerebral hemorrhage",
          "intracerebral-hemorrhage");

  private static final Pattern HYPERTENSIVE_CRISIS =
      Pattern.compile("(?i)hypertensive (urgency|emergency|crisis)");

  private final CodeLists lists;
  private final List<ProductMapping> productMappings;

  ValueSetCatalog(CodeLists lists, List<ProductMapping> productMappings) {
    this.lists = lists;
    this.productMappings = productMappings;
  }

  List<ValueSetSpec> specs() {
    List<ValueSetSpec> specs = new ArrayList<>();
    specs.add(
        whole(
            "depressive-disorder",
            "Depressive disorder",
            "Conditions that establish a depressive disorder (major depressive disorder, single or"
                + " recurrent episode, including remission): the starting point of topic"
                + " trd-criteria-met.",
            "major_depressive_disorder.csv"));
    specs.add(
        whole(
            "bipolar-disorder",
            "Bipolar disorder",
            "Bipolar disorder, any episode or remission (topic ci-bipolar-disorder: bipolar"
                + " depression is not TRD).",
            "bipolar_disorder.csv"));
    specs.add(
        whole(
            "psychotic-disorder",
            "Psychotic disorder",
            "Schizophrenia and other psychotic disorders (topic ci-psychosis).",
            "psychotic_disorders.csv"));
    specs.add(
        whole(
            "substance-use-disorder",
            "Substance use disorder",
            "Substance use disorders including remission; nicotine and obstetric codes excluded (topic"
                + " ci-substance-use-disorder).",
            "substance_use_disorder.csv"));
    specs.add(
        whole(
            "dementia",
            "Dementia",
            "Dementia and related degenerative conditions (topic ci-dementia).",
            "dementia.csv"));
    specs.add(
        whole(
            "increased-intracranial-pressure",
            "Increased intracranial pressure",
            "Conditions with raised intracranial pressure: hydrocephalus, cerebral edema, compression"
                + " of brain, benign intracranial hypertension and hypertensive encephalopathy (topic"
                + " ci-increased-intracranial-pressure).",
            "increased_intracranial_pressure.csv"));
    specs.add(hypertensiveCrisis());
    specs.addAll(cardiovascular());
    specs.addAll(aneurysmAndHemorrhage());
    specs.add(
        whole(
            "pregnancy",
            "Pregnancy",
            "Conditions that describe a pregnancy episode (topic ci-pregnancy; the rules apply the"
                + " 42-week window of the clinical brief).",
            "pregnancy_conditions.csv"));
    specs.addAll(pregnancyStatus());
    specs.addAll(bloodPressure());
    specs.add(ketamine());
    specs.add(antidepressants());
    specs.add(augmentationAgents());
    // The treatment course and its interactions (issue 13), one whole file each.
    specs.add(
        whole(
            "phq9-total-score",
            "PHQ-9 total score",
            "The PHQ-9 total score (topics course-response and course-no-response: response from"
                + " the baseline before the first session).",
            "phq9_total_score.csv"));
    specs.add(
        whole(
            "body-weight",
            "Body weight",
            "Body weight readings (topics ketamine-infusion-plan and dosing-schedule-deviation:"
                + " 0.5 mg/kg of the latest weight).",
            "body_weight.csv"));
    specs.add(
        whole(
            "interaction-cns-depressant",
            "CNS depressants",
            "Benzodiazepines, opioids, barbiturates, z-drugs and gabapentinoids (topic"
                + " interaction-cns-depressant; Spravato PI section 7: more sedation).",
            "interaction_cns_depressant.csv"));
    specs.add(
        whole(
            "interaction-psychostimulant",
            "Psychostimulants",
            "Amphetamines and methylphenidate (topic interaction-psychostimulant; Spravato PI"
                + " section 7: blood pressure rises further).",
            "interaction_psychostimulant.csv"));
    specs.add(
        whole(
            "interaction-maoi",
            "Monoamine oxidase inhibitors",
            "Monoamine oxidase inhibitors (topic interaction-maoi; Spravato PI section 7: blood"
                + " pressure rises further).",
            "interaction_maoi.csv"));
    assertUniqueIds(specs);
    return specs;
  }

  private ValueSetSpec whole(String id, String title, String purpose, String file) {
    return ValueSetSpec.of(id, title, purpose, List.of(file), lists.verified(file));
  }

  private ValueSetSpec hypertensiveCrisis() {
    List<CodeRow> rows =
        lists.verified(HYPERTENSION).stream()
            .filter(row -> HYPERTENSIVE_CRISIS.matcher(row.display()).find())
            .toList();
    return ValueSetSpec.of(
        "hypertensive-crisis",
        "Hypertensive crisis or urgency",
        "Hypertensive urgency, emergency or crisis (ICD-10-CM I16.x and their SNOMED CT codes): the"
            + " rows of the hypertension list whose display names one of them. An active one counts"
            + " as uncontrolled hypertension (topic ci-uncontrolled-hypertension).",
        List.of(HYPERTENSION),
        rows);
  }

  /** One row can land in several sets (I20.0 is coronary disease and angina). */
  private List<ValueSetSpec> cardiovascular() {
    List<CodeRow> rows = lists.verified(CARDIOVASCULAR);
    Map<String, List<CodeRow>> bySet = new LinkedHashMap<>();
    for (CodeRow row : rows) {
      List<String> names = SourceText.vsacNames(row.source());
      if (names.isEmpty()) {
        throw new IllegalStateException(
            CARDIOVASCULAR + ": " + row.system() + "|" + row.code() + " cites no VSAC value set");
      }
      for (String name : names) {
        String setId = CARDIOVASCULAR_SPLIT.get(name);
        if (setId == null) {
          throw new IllegalStateException(
              CARDIOVASCULAR
                  + ": "
                  + row.system()
                  + "|"
                  + row.code()
                  + " cites VSAC \""
                  + name
                  + "\", which maps to no value set; add it to"
                  + " ValueSetCatalog.CARDIOVASCULAR_SPLIT");
        }
        bySet.computeIfAbsent(setId, k -> new ArrayList<>()).add(row);
      }
    }
    return List.of(
        cardiovascularSet(
            bySet,
            "coronary-heart-disease",
            "Coronary heart disease",
            "Coronary artery disease, angina, ischemic heart disease and myocardial infarction"),
        cardiovascularSet(bySet, "heart-failure", "Heart failure", "Heart failure"),
        cardiovascularSet(bySet, "arrhythmia", "Arrhythmia", "Cardiac arrhythmia"),
        cardiovascularSet(
            bySet,
            "stroke-or-tia",
            "Stroke or transient ischemic attack",
            "Stroke or transient ischemic attack (cerebrovascular disease)"));
  }

  private static ValueSetSpec cardiovascularSet(
      Map<String, List<CodeRow>> bySet, String id, String title, String what) {
    List<CodeRow> rows = ValueSetSpec.deduplicate(bySet.getOrDefault(id, List.of()));
    Set<String> vsacNames =
        CARDIOVASCULAR_SPLIT.entrySet().stream()
            .filter(e -> e.getValue().equals(id))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    // cite only the VSAC sets that put a row here, not every set a shared row also belongs to
    Predicate<String> relevant =
        part -> SourceText.vsacNames(part).stream().anyMatch(vsacNames::contains);
    return new ValueSetSpec(
        id,
        title,
        what
            + ": the rows of the cardiovascular list drawn from the VSAC value sets below (topic"
            + " ci-cardiovascular-disease).",
        List.of(CARDIOVASCULAR),
        rows,
        SourceText.distinctParts(rows, relevant),
        SourceText.repositories(rows));
  }

  private List<ValueSetSpec> aneurysmAndHemorrhage() {
    Map<String, List<CodeRow>> bySet = new LinkedHashMap<>();
    for (CodeRow row : lists.verified(ANEURYSM_ICH)) {
      String tag =
          SourceText.leadingTag(row.source())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          ANEURYSM_ICH
                              + ": "
                              + row.system()
                              + "|"
                              + row.code()
                              + " has no leading [tag]"));
      String setId = ANEURYSM_ICH_SPLIT.get(tag);
      if (setId == null) {
        throw new IllegalStateException(
            ANEURYSM_ICH
                + ": "
                + row.system()
                + "|"
                + row.code()
                + " has the unknown tag ["
                + tag
                + "]; add it to ValueSetCatalog.ANEURYSM_ICH_SPLIT");
      }
      bySet.computeIfAbsent(setId, k -> new ArrayList<>()).add(row);
    }
    return List.of(
        ValueSetSpec.of(
            "aneurysm-or-avm",
            "Aneurysmal vascular disease or arteriovenous malformation",
            "Aneurysm or dissection of the thoracic or abdominal aorta, intracranial or peripheral"
                + " arterial aneurysm, arteriovenous malformation, and subarachnoid hemorrhage"
                + " (usually from an aneurysm or AVM): the esketamine contraindication of topic"
                + " ci-vascular-aneurysm-or-avm, any clinical status.",
            List.of(ANEURYSM_ICH),
            bySet.getOrDefault("aneurysm-or-avm", List.of())),
        ValueSetSpec.of(
            "intracerebral-hemorrhage",
            "Intracerebral hemorrhage",
            "Intracerebral hemorrhage and its sequelae (history of ICH): the esketamine"
                + " contraindication of topic ci-intracerebral-hemorrhage, any clinical status.",
            List.of(ANEURYSM_ICH),
            bySet.getOrDefault("intracerebral-hemorrhage", List.of())));
  }

  private List<ValueSetSpec> pregnancyStatus() {
    List<CodeRow> rows = lists.verified(PREGNANCY_STATUS);
    return List.of(
        ValueSetSpec.of(
            "pregnancy-status-observation",
            "Pregnancy status observation",
            "The code of a pregnancy-status Observation (LOINC 82810-3, US Core Pregnancy Status)"
                + " (topic ci-pregnancy). The hCG pregnancy-test codes of the same list are left"
                + " out: the rules do not read test results.",
            List.of(PREGNANCY_STATUS),
            filter(rows, row -> row.code().equals("82810-3"))),
        ValueSetSpec.of(
            "pregnancy-status-pregnant",
            "Pregnancy status: pregnant",
            "The answer codes of a pregnancy-status Observation that mean pregnant (SNOMED CT"
                + " 77386006, LOINC LA15173-0) (topic ci-pregnancy). The not-pregnant and unknown"
                + " answers and the hCG pregnancy-test codes of the same list are left out.",
            List.of(PREGNANCY_STATUS),
            filter(rows, row -> row.display().equals("Pregnant"))));
  }

  private List<ValueSetSpec> bloodPressure() {
    List<CodeRow> rows = lists.verified(BLOOD_PRESSURE);
    Set<String> panels = Set.of("85354-9", "55284-4");
    return List.of(
        ValueSetSpec.of(
            "blood-pressure-panel",
            "Blood pressure panel",
            "Codes of a blood pressure panel Observation whose components carry systolic and"
                + " diastolic values: LOINC 85354-9 and the legacy 55284-4 (topic"
                + " ci-uncontrolled-hypertension).",
            List.of(BLOOD_PRESSURE),
            filter(rows, row -> panels.contains(row.code()))),
        ValueSetSpec.of(
            "systolic-blood-pressure",
            "Systolic blood pressure",
            "Codes of a systolic blood pressure, as a panel component or a separate Observation"
                + " (topic ci-uncontrolled-hypertension).",
            List.of(BLOOD_PRESSURE),
            filter(rows, row -> row.display().startsWith("Systolic"))),
        ValueSetSpec.of(
            "diastolic-blood-pressure",
            "Diastolic blood pressure",
            "Codes of a diastolic blood pressure, as a panel component or a separate Observation"
                + " (topic ci-uncontrolled-hypertension).",
            List.of(BLOOD_PRESSURE),
            filter(rows, row -> row.display().startsWith("Diastolic"))));
  }

  private ValueSetSpec ketamine() {
    Set<String> medicationSystems = Set.of(CodeLists.RXNORM, CodeLists.NDC, CodeLists.ATC);
    return ValueSetSpec.of(
        "ketamine-esketamine",
        "Ketamine and esketamine medications",
        "Medication codes of ketamine and esketamine (RxNorm, NDC, ATC) that identify a draft"
            + " order or an allergy substance. The SNOMED CT disorder rows of the same list"
            + " (harmful use of, dependence on ketamine) are conditions and are left out;"
            + " esketamine has no verified RxNorm ingredient code, so orders also match on the"
            + " text ketamine, esketamine or Spravato.",
        List.of(KETAMINE),
        filter(lists.verified(KETAMINE), row -> medicationSystems.contains(row.system())));
  }

  private ValueSetSpec antidepressants() {
    Set<String> notATrial =
        productMappings.stream()
            .filter(mapping -> mapping.notATrialReason().isPresent())
            .map(ProductMapping::rxnormCode)
            .collect(Collectors.toSet());
    List<CodeRow> products =
        filter(lists.verified(ANTIDEPRESSANT_PRODUCTS), row -> !notATrial.contains(row.code()));
    List<CodeRow> ingredients =
        filter(
            lists.verified(ANTIDEPRESSANT_INGREDIENTS),
            row -> !ingredientClass(row).augmentationAgent());
    List<CodeRow> atc =
        filter(
            lists.verified(ANTIDEPRESSANT_ATC),
            row -> row.code().startsWith("N06A") && !row.code().equals(ESKETAMINE_ATC));
    return ValueSetSpec.of(
        "antidepressant-medication",
        "Antidepressant medication",
        "Antidepressants whose use can be a failed adequate trial (topics trd-criteria-met and"
            + " trd-criteria-not-met): the RxNorm products of VSAC Antidepressant Medication, the"
            + " RxNorm ingredients of the antidepressant classes, and the ATC N06A codes. Left out:"
            + " augmentation agents (value set augmentation-agent), the products that"
            + " `antidepressant_scd_ingredient_class_map.csv` flags as not an antidepressant trial"
            + " (oral selegiline, Zyban), ATC codes outside N06A, and esketamine (N06AX27), the"
            + " treatment being considered. ConceptMap antidepressant-ingredient maps each code to"
            + " its ingredient.",
        List.of(
            ANTIDEPRESSANT_PRODUCTS,
            ANTIDEPRESSANT_INGREDIENTS,
            ANTIDEPRESSANT_ATC,
            ProductMapping.FILE),
        Stream.of(products, ingredients, atc).flatMap(List::stream).toList());
  }

  private ValueSetSpec augmentationAgents() {
    return ValueSetSpec.of(
        "augmentation-agent",
        "Antidepressant augmentation agent",
        "RxNorm ingredients of augmentation agents (lithium, second-generation antipsychotics);"
            + " whether a trial of one counts toward TRD is a rule parameter, off by default.",
        List.of(ANTIDEPRESSANT_INGREDIENTS),
        filter(
            lists.verified(ANTIDEPRESSANT_INGREDIENTS),
            row -> ingredientClass(row).augmentationAgent()));
  }

  static DrugClass ingredientClass(CodeRow row) {
    return DrugClass.parse(
        SourceText.drugClass(row.source())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        ANTIDEPRESSANT_INGREDIENTS
                            + ": "
                            + row.code()
                            + " has no class= in its source")));
  }

  private static List<CodeRow> filter(List<CodeRow> rows, Predicate<CodeRow> keep) {
    return rows.stream().filter(keep).toList();
  }

  private static void assertUniqueIds(List<ValueSetSpec> specs) {
    Set<String> ids = specs.stream().map(ValueSetSpec::id).collect(Collectors.toSet());
    if (ids.size() != specs.size()) {
      throw new IllegalStateException("Duplicate value set id in ValueSetCatalog");
    }
  }
}
