package org.ketaminecds.charts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.ketaminecds.charts.ValueSetCodes.Code;

/**
 * Generates realistic charts of a given size for benchmarks and equivalence tests: deterministic
 * for a seed, dates relative to a given "today", codes drawn from the value sets of {@code
 * fhir-profiles/}, and a mix of matching and non-matching resources as an EHR holds them (diabetes
 * next to depression, statins next to antidepressants, heart rates next to blood pressures), with
 * the statuses, date forms and dose forms the facts code has to handle. Resources carry the weight
 * real ones do (meta, identifiers, narrative, categories), so that the heavy chart is about 870 KB
 * of JSON.
 */
public final class ChartGenerator {

  static final String SNOMED = "http://snomed.info/sct";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String RXNORM_OID = "urn:oid:2.16.840.1.113883.6.88";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";

  /** Categories of the value sets a Condition may fall in; depression is added on its own. */
  private static final List<String> CONDITION_VALUE_SETS =
      List.of(
          "aneurysm-or-avm",
          "arrhythmia",
          "bipolar-disorder",
          "coronary-heart-disease",
          "dementia",
          "heart-failure",
          "hypertensive-crisis",
          "increased-intracranial-pressure",
          "intracerebral-hemorrhage",
          "pregnancy",
          "psychotic-disorder",
          "stroke-or-tia",
          "substance-use-disorder");

  /** Common problems that are in none of the value sets (checked when the generator is built). */
  private static final List<Code> OTHER_CONDITIONS =
      List.of(
          new Code(SNOMED, "44054006", "Diabetes mellitus type 2"),
          new Code(SNOMED, "38341003", "Hypertensive disorder"),
          new Code(SNOMED, "55822004", "Hyperlipidemia"),
          new Code(SNOMED, "195967001", "Asthma"),
          new Code(SNOMED, "235595009", "Gastroesophageal reflux disease"),
          new Code(SNOMED, "40055000", "Chronic sinusitis"),
          new Code(SNOMED, "69896004", "Rheumatoid arthritis"),
          new Code(SNOMED, "396275006", "Osteoarthritis"),
          new Code(SNOMED, "40930008", "Hypothyroidism"),
          new Code(SNOMED, "161891005", "Backache"),
          new Code(SNOMED, "37796009", "Migraine"),
          new Code(SNOMED, "197480006", "Anxiety disorder"),
          new Code(SNOMED, "193462001", "Insomnia"),
          new Code(ICD10, "E11.9", "Type 2 diabetes mellitus without complications"),
          new Code(ICD10, "I10", "Essential (primary) hypertension"),
          new Code(ICD10, "E78.5", "Hyperlipidemia, unspecified"),
          new Code(ICD10, "J45.909", "Unspecified asthma, uncomplicated"),
          new Code(ICD10, "K21.9", "Gastro-esophageal reflux disease without esophagitis"),
          new Code(ICD10, "M54.50", "Low back pain, unspecified"),
          new Code(ICD10, "E03.9", "Hypothyroidism, unspecified"),
          new Code(ICD10, "F41.1", "Generalized anxiety disorder"),
          new Code(ICD10, "G47.00", "Insomnia, unspecified"),
          new Code(ICD10, "Z87.891", "Personal history of nicotine dependence"));

  private static final List<Code> OTHER_MEDICATIONS =
      List.of(
          new Code(RXNORM, "617312", "atorvastatin 10 MG Oral Tablet"),
          new Code(RXNORM, "860975", "metformin hydrochloride 500 MG Oral Tablet"),
          new Code(RXNORM, "314076", "lisinopril 10 MG Oral Tablet"),
          new Code(RXNORM, "197361", "amlodipine 5 MG Oral Tablet"),
          new Code(RXNORM, "966222", "levothyroxine sodium 0.05 MG Oral Tablet"),
          new Code(RXNORM, "198211", "simvastatin 40 MG Oral Tablet"),
          new Code(RXNORM, "310965", "ibuprofen 200 MG Oral Tablet"),
          new Code(RXNORM, "313782", "acetaminophen 325 MG Oral Tablet"),
          new Code(RXNORM, "745679", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler"),
          new Code(RXNORM, "198013", "omeprazole 20 MG Delayed Release Oral Capsule"),
          new Code(RXNORM, "310798", "hydrochlorothiazide 25 MG Oral Tablet"),
          new Code(RXNORM, "197591", "diazepam 5 MG Oral Tablet"));

  private static final List<Code> OTHER_OBSERVATIONS =
      List.of(
          new Code(LOINC, "8867-4", "Heart rate"),
          new Code(LOINC, "29463-7", "Body weight"),
          new Code(LOINC, "8302-2", "Body height"),
          new Code(LOINC, "39156-5", "Body mass index"),
          new Code(LOINC, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"),
          new Code(LOINC, "2093-3", "Cholesterol [Mass/volume] in Serum or Plasma"),
          new Code(LOINC, "2345-7", "Glucose [Mass/volume] in Serum or Plasma"),
          new Code(LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
          new Code(LOINC, "9279-1", "Respiratory rate"),
          new Code(LOINC, "8310-5", "Body temperature"));

  private static final List<String> CONDITION_STATUSES =
      List.of("active", "active", "active", "recurrence", "relapse", "inactive", "remission");

  private final long seed;
  private final LocalDate today;
  private final ValueSetCodes depression = ValueSetCodes.load("depressive-disorder");
  private final List<ValueSetCodes> otherCategories =
      CONDITION_VALUE_SETS.stream().map(ValueSetCodes::load).toList();
  private final List<Code> antidepressants =
      ValueSetCodes.load("antidepressant-medication").of(RXNORM);
  private final List<Code> antidepressantsAtc =
      ValueSetCodes.load("antidepressant-medication").of("http://www.whocc.no/atc");
  private final List<Code> augmentation = ValueSetCodes.load("augmentation-agent").codes();
  private final List<Code> ketamine = ValueSetCodes.load("ketamine-esketamine").of(RXNORM);
  private final Code bpPanel = ValueSetCodes.load("blood-pressure-panel").codes().get(1);
  private final List<Code> systolic = ValueSetCodes.load("systolic-blood-pressure").codes();
  private final Code diastolic = ValueSetCodes.load("diastolic-blood-pressure").codes().get(0);
  private final Code pregnancyStatus =
      ValueSetCodes.load("pregnancy-status-observation").codes().get(0);
  private final List<Code> pregnant = ValueSetCodes.load("pregnancy-status-pregnant").codes();
  private final Code phq9 = ValueSetCodes.load("phq9-total-score").codes().get(0);
  private final Code bodyWeight = ValueSetCodes.load("body-weight").codes().get(0);
  private final List<Code> interacting =
      Stream.of("interaction-cns-depressant", "interaction-psychostimulant", "interaction-maoi")
          .flatMap(id -> ValueSetCodes.load(id).of(RXNORM).stream())
          .toList();

  private Random random;
  private GeneratedChart.Builder chart;

  /**
   * @param seed the same seed and today give the same chart, byte for byte
   * @param today the date the chart's dates are relative to (the date of the hook call)
   */
  public ChartGenerator(long seed, LocalDate today) {
    this.seed = seed;
    this.today = today;
    Set<String> inSomeValueSet = new HashSet<>();
    Stream.concat(Stream.of(depression), otherCategories.stream())
        .flatMap(set -> set.codes().stream())
        .forEach(code -> inSomeValueSet.add(code.system() + "|" + code.code()));
    for (Code other : OTHER_CONDITIONS) {
      if (inSomeValueSet.contains(other.system() + "|" + other.code())) {
        throw new IllegalStateException(other + " is in a value set: not a non-matching code");
      }
    }
  }

  public LocalDate today() {
    return today;
  }

  public GeneratedChart generate(ChartSize size) {
    random = new Random(seed ^ size.name().hashCode());
    String patientId = "bench-" + size.name() + "-" + seed;
    chart = new GeneratedChart.Builder(patientId, today);
    chart.add(patient(patientId));
    for (int i = 0; i < size.conditions(); i++) {
      chart.add(condition(patientId, i));
    }
    for (int i = 0; i < size.medicationStatements(); i++) {
      chart.add(statement(patientId, i));
    }
    for (int i = 0; i < size.observations(); ) {
      i += observations(patientId, i, size.observations() - i);
    }
    for (int i = 0; i < size.allergies(); i++) {
      chart.add(allergy(patientId, i));
    }
    course(patientId, size);
    GeneratedChart generated = chart.build();
    chart = null;
    return generated;
  }

  /**
   * A treatment course: sessions twice weekly back from today (esketamine, or IV ketamine for a
   * fifth of them; one in ten not completed), PHQ-9 scores and weights spread over the last year,
   * and medication orders, a third of them of an interacting drug, half of those active.
   */
  private void course(String patientId, ChartSize size) {
    for (int i = 0; i < size.sessions(); i++) {
      boolean esketamine = random.nextInt(5) != 0;
      MedicationAdministration session = new MedicationAdministration();
      String id = "ma" + i;
      session.setId(id);
      weigh(session, "MedicationAdministration", id, esketamine ? "Spravato" : "ketamine");
      session.setStatus(
          random.nextInt(10) == 0
              ? MedicationAdministration.MedicationAdministrationStatus.STOPPED
              : MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
      session.setMedication(
          esketamine
              ? concept("http://hl7.org/fhir/sid/ndc", "50458-028-03", "Spravato 84 mg kit")
              : codeOf(pick(ketamine)));
      session.setSubject(subject(patientId));
      session.setEffective(new DateTimeType(date(today.minusDays(3L * i + 1)) + "T09:30:00Z"));
      session
          .getDosage()
          .setRoute(
              esketamine
                  ? concept("http://snomed.info/sct", "46713006", "Nasal route")
                  : concept("http://snomed.info/sct", "47625008", "Intravenous route"))
          .setDose(
              new Quantity()
                  .setValue(esketamine ? 84 : 35)
                  .setUnit("mg")
                  .setSystem(UCUM)
                  .setCode("mg"));
      chart.add(session);
    }
    for (int i = 0; i < size.phq9Scores(); i++) {
      Observation score = observation(patientId, "phq" + i, phq9, instantDaysAgo(6L * i), "survey");
      score.setValue(new Quantity().setValue(3 + random.nextInt(24)).setUnit("{score}"));
      chart.add(score);
    }
    for (int i = 0; i < size.weights(); i++) {
      Observation weight =
          observation(patientId, "wt" + i, bodyWeight, instantDaysAgo(18L * i), "vital-signs");
      weight.setValue(
          new Quantity()
              .setValue(60 + random.nextInt(40))
              .setUnit("kg")
              .setSystem(UCUM)
              .setCode("kg"));
      chart.add(weight);
    }
    for (int i = 0; i < size.medicationRequests(); i++) {
      MedicationRequest order = new MedicationRequest();
      String id = "mr" + i;
      order.setId(id);
      Code code = i % 3 == 0 ? pick(interacting) : pick(OTHER_MEDICATIONS);
      weigh(order, "MedicationRequest", id, code.display());
      order.setStatus(
          random.nextBoolean()
              ? MedicationRequest.MedicationRequestStatus.ACTIVE
              : MedicationRequest.MedicationRequestStatus.COMPLETED);
      order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
      order.setMedication(codeOf(code));
      order.setSubject(subject(patientId));
      order.setAuthoredOnElement(new DateTimeType(instantDaysAgo(random.nextInt(200))));
      chart.add(order);
    }
  }

  private String instantDaysAgo(long days) {
    return date(today.minusDays(days)) + "T" + (10 + random.nextInt(8)) + ":15:00Z";
  }

  private Patient patient(String id) {
    Patient patient = new Patient();
    patient.setId(id);
    weigh(patient, "Patient", id, "Patient " + id);
    patient.addIdentifier(
        new Identifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue("MRN" + seed));
    patient.addName().setFamily("Testperson").addGiven("Alex");
    patient.setGender(
        random.nextInt(3) == 0 ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
    patient.setBirthDateElement(new DateType(date(today.minusYears(20 + random.nextInt(50)))));
    patient.addAddress().setCity("Springfield").setPostalCode("01101").setCountry("US");
    patient.addTelecom().setValue("555-0100");
    return patient;
  }

  /**
   * Condition 0 is the active depressive disorder of a TRD candidate; about one in eight of the
   * rest falls in a value set (another depressive episode or a contraindication or caution), and
   * the rest are common problems in none.
   */
  private Condition condition(String patientId, int index) {
    Condition condition = new Condition();
    String id = "c" + index;
    condition.setId(id);
    Code code;
    if (index == 0) {
      code = pick(depression.codes());
    } else if (random.nextInt(8) == 0) {
      ValueSetCodes category =
          random.nextInt(4) == 0 ? depression : otherCategories.get(random.nextInt(13));
      code = pick(category.codes());
    } else {
      code = pick(OTHER_CONDITIONS);
    }
    weigh(condition, "Condition", id, code.display());
    condition.setSubject(subject(patientId));
    condition.addCategory(
        concept(
            "http://terminology.hl7.org/CodeSystem/condition-category",
            random.nextBoolean() ? "problem-list-item" : "encounter-diagnosis",
            null));
    CodeableConcept concept = concept(code.system(), code.code(), code.display());
    if (random.nextInt(3) == 0) {
      concept.setText(code.display());
    }
    condition.setCode(concept);
    String status = index == 0 ? "active" : pick(CONDITION_STATUSES);
    if (index == 0 || random.nextInt(10) != 0) {
      condition.setClinicalStatus(
          concept("http://terminology.hl7.org/CodeSystem/condition-clinical", status, null));
    }
    int verification = random.nextInt(20);
    String verificationCode =
        index == 0
            ? "confirmed"
            : verification == 0 ? "refuted" : verification == 1 ? "entered-in-error" : "confirmed";
    condition.setVerificationStatus(
        concept(
            "http://terminology.hl7.org/CodeSystem/condition-ver-status", verificationCode, null));
    LocalDate onset = today.minusDays(index == 0 ? 540 : 30 + random.nextInt(3650));
    switch (index == 0 ? 0 : random.nextInt(5)) {
      case 0, 1, 2 -> condition.setOnset(new DateTimeType(date(onset)));
      case 3 -> condition.setOnset(new Period().setStartElement(new DateTimeType(date(onset))));
      default -> {
        // no onset: the recorded date has to do
      }
    }
    condition.setRecordedDateElement(new DateTimeType(date(onset.plusDays(random.nextInt(30)))));
    if (!"active".equals(status) && !status.startsWith("re") && random.nextBoolean()) {
      condition.setAbatement(new DateTimeType(date(onset.plusDays(30 + random.nextInt(365)))));
    }
    condition.setRecorder(new Reference("Practitioner/pr1").setDisplay("Dr. Jamie Rivera"));
    condition.setEncounter(new Reference("Encounter/e" + random.nextInt(40)));
    if (random.nextInt(4) == 0) {
      condition.addNote().setText("Discussed with patient; follow up at next visit.");
    }
    return condition;
  }

  /**
   * About one statement in three is an antidepressant trial (of varied length, dose and status; by
   * code, by a Medication reference or by the RxNorm OID), a few are augmentation agents or
   * ketamine, the rest other drugs.
   */
  private MedicationStatement statement(String patientId, int index) {
    MedicationStatement statement = new MedicationStatement();
    String id = "ms" + index;
    statement.setId(id);
    int kind = index < 3 ? 0 : random.nextInt(12);
    Code code;
    double strengthMg;
    if (kind <= 3) {
      code = index == 2 ? pick(antidepressantsAtc) : pick(antidepressants);
      strengthMg = new double[] {10, 20, 50, 100, 150}[random.nextInt(5)];
    } else if (kind == 4) {
      code = random.nextBoolean() ? pick(augmentation) : pick(ketamine);
      strengthMg = 5;
    } else {
      code = pick(OTHER_MEDICATIONS);
      strengthMg = 10;
    }
    weigh(statement, "MedicationStatement", id, code.display());
    statement.setStatus(statementStatus(index));
    statement.setSubject(subject(patientId));
    statement.setCategory(
        concept(
            "http://terminology.hl7.org/CodeSystem/medication-statement-category",
            "community",
            "Community"));
    int form = random.nextInt(4);
    if (form == 0) {
      Medication medication = medication(code);
      chart.add(medication);
      statement.setMedication(
          new Reference("Medication/" + medication.getIdPart()).setDisplay(code.display()));
    } else {
      String system = form == 1 && RXNORM.equals(code.system()) ? RXNORM_OID : code.system();
      CodeableConcept concept = concept(system, code.code(), code.display());
      if (random.nextBoolean()) {
        concept.setText(code.display());
      }
      statement.setMedication(concept);
    }
    LocalDate start = today.minusDays(index < 3 ? 500 - index * 120L : 20 + random.nextInt(2000));
    long days = index < 2 ? 70 : index == 2 ? 20 : 7 + random.nextInt(200);
    LocalDate end = start.plusDays(days);
    if (statement.getStatus() == MedicationStatementStatus.ACTIVE || random.nextInt(10) == 0) {
      statement.setEffective(new Period().setStartElement(new DateTimeType(date(start))));
    } else if (random.nextInt(15) == 0) {
      statement.setEffective(new DateTimeType(date(start)));
    } else {
      statement.setEffective(
          new Period()
              .setStartElement(new DateTimeType(date(start)))
              .setEndElement(new DateTimeType(date(end))));
    }
    statement.setDateAssertedElement(new DateTimeType(date(start)));
    statement.setInformationSource(new Reference("Practitioner/pr1").setDisplay("Dr. Rivera"));
    if (random.nextInt(8) != 0) {
      statement.addDosage(dosage(strengthMg));
    }
    if (random.nextInt(6) == 0) {
      statement.addDosage(dosage(strengthMg));
    }
    return statement;
  }

  private MedicationStatementStatus statementStatus(int index) {
    if (index < 3) {
      return index == 0 ? MedicationStatementStatus.COMPLETED : MedicationStatementStatus.STOPPED;
    }
    return switch (random.nextInt(12)) {
      case 0, 1, 2, 3 -> MedicationStatementStatus.COMPLETED;
      case 4, 5, 6 -> MedicationStatementStatus.STOPPED;
      case 7, 8 -> MedicationStatementStatus.ACTIVE;
      case 9 -> MedicationStatementStatus.ENTEREDINERROR;
      case 10 -> MedicationStatementStatus.NOTTAKEN;
      default -> MedicationStatementStatus.INTENDED;
    };
  }

  private Medication medication(Code code) {
    Medication medication = new Medication();
    String id = "med" + chart.medicationCount();
    medication.setId(id);
    medication.setCode(concept(code.system(), code.code(), code.display()));
    medication.setForm(concept(SNOMED, "385055001", "Tablet"));
    medication.getMeta().setLastUpdatedElement(new org.hl7.fhir.r4.model.InstantType(instant()));
    return medication;
  }

  private Dosage dosage(double strengthMg) {
    Dosage dosage = new Dosage();
    int perDay = 1 + random.nextInt(3);
    dosage.setText(strengthMg + " mg " + perDay + " times a day by mouth");
    dosage.setRoute(concept(SNOMED, "26643006", "Oral route"));
    Timing timing = new Timing();
    if (random.nextInt(3) == 0) {
      timing.setCode(
          concept(
              "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation",
              new String[] {"QD", "BID", "TID"}[perDay - 1],
              null));
    } else {
      timing.getRepeat().setFrequency(perDay).setPeriod(1).setPeriodUnit(UnitsOfTime.D);
    }
    dosage.setTiming(timing);
    double dose = strengthMg * (1 + random.nextInt(3));
    boolean grams = random.nextInt(20) == 0;
    dosage
        .addDoseAndRate()
        .setDose(
            new Quantity()
                .setValue(BigDecimal.valueOf(grams ? dose / 1000 : dose))
                .setUnit(grams ? "g" : "mg")
                .setSystem(UCUM)
                .setCode(grams ? "g" : "mg"));
    return dosage;
  }

  /**
   * Blood pressure panels, separate systolic and diastolic readings of one instant, pregnancy
   * status, and other vitals and labs; returns how many Observations it added.
   */
  private int observations(String patientId, int index, int room) {
    LocalDate taken = today.minusDays(random.nextInt(index == 0 ? 60 : 720));
    String instant = date(taken) + "T" + (10 + random.nextInt(8)) + ":15:00Z";
    int kind = index == 0 ? 0 : random.nextInt(10);
    if (kind <= 2) {
      Observation panel = observation(patientId, "o" + index, bpPanel, instant, "vital-signs");
      panel.addComponent().setCode(codeOf(systolic.get(3))).setValue(mmHg(105, 60));
      panel.addComponent().setCode(codeOf(diastolic)).setValue(mmHg(65, 35));
      chart.add(panel);
      return 1;
    }
    if (kind == 3 && room >= 2) {
      Observation sys =
          observation(patientId, "o" + index, systolic.get(3), instant, "vital-signs");
      sys.setValue(mmHg(105, 60));
      Observation dia =
          observation(patientId, "o" + (index + 1), diastolic, instant, "vital-signs");
      dia.setValue(mmHg(65, 35));
      chart.add(sys);
      chart.add(dia);
      return 2;
    }
    if (kind == 4) {
      Observation status =
          observation(patientId, "o" + index, pregnancyStatus, instant, "social-history");
      Code value =
          random.nextInt(4) == 0 ? pick(pregnant) : new Code(LOINC, "LA26683-5", "Not pregnant");
      status.setValue(concept(value.system(), value.code(), value.display()));
      chart.add(status);
      return 1;
    }
    Code code = pick(OTHER_OBSERVATIONS);
    Observation other = observation(patientId, "o" + index, code, instant, "laboratory");
    other.setValue(
        new Quantity()
            .setValue(BigDecimal.valueOf(50 + random.nextInt(100)))
            .setUnit("1")
            .setSystem(UCUM)
            .setCode("1"));
    other
        .addReferenceRange()
        .setLow(new Quantity().setValue(40).setUnit("1"))
        .setHigh(new Quantity().setValue(160).setUnit("1"));
    chart.add(other);
    return 1;
  }

  private Observation observation(
      String patientId, String id, Code code, String instant, String category) {
    Observation observation = new Observation();
    observation.setId(id);
    weigh(observation, "Observation", id, code.display());
    int status = random.nextInt(25);
    observation.setStatus(
        status == 0
            ? ObservationStatus.ENTEREDINERROR
            : status == 1 ? ObservationStatus.CANCELLED : ObservationStatus.FINAL);
    observation.addCategory(
        concept("http://terminology.hl7.org/CodeSystem/observation-category", category, null));
    observation.setCode(concept(code.system(), code.code(), code.display()));
    observation.setSubject(subject(patientId));
    observation.setEffective(new DateTimeType(instant));
    observation.setIssuedElement(new org.hl7.fhir.r4.model.InstantType(instant));
    observation.addPerformer(new Reference("Practitioner/pr2").setDisplay("Nurse Kim Lee"));
    return observation;
  }

  private AllergyIntolerance allergy(String patientId, int index) {
    AllergyIntolerance allergy = new AllergyIntolerance();
    String id = "a" + index;
    allergy.setId(id);
    Code code =
        index == 0 && random.nextInt(5) == 0
            ? pick(ketamine)
            : new Code(RXNORM, "7980", "penicillin G");
    weigh(allergy, "AllergyIntolerance", id, code.display());
    allergy.setPatient(subject(patientId));
    allergy.setCode(concept(code.system(), code.code(), code.display()));
    allergy.setClinicalStatus(
        concept(
            "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null));
    allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
    allergy.setRecordedDateElement(
        new DateTimeType(date(today.minusDays(100 + random.nextInt(2000)))));
    return allergy;
  }

  /** What real EHR resources carry beyond the clinical content: meta, identifier, narrative. */
  private void weigh(DomainResource resource, String type, String id, String summary) {
    resource.getMeta().setVersionId(String.valueOf(1 + random.nextInt(5)));
    resource.getMeta().setLastUpdatedElement(new org.hl7.fhir.r4.model.InstantType(instant()));
    resource
        .getMeta()
        .addProfile(
            "http://hl7.org/fhir/us/core/StructureDefinition/us-core-"
                + type.toLowerCase(java.util.Locale.ROOT));
    XhtmlNode div = new XhtmlNode();
    div.setValueAsString(
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>"
            + type
            + " "
            + id
            + "</b>: "
            + escape(summary)
            + ". Recorded by Dr. Jamie Rivera, reviewed at the last visit.</p></div>");
    resource.setText(new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div));
    if (resource instanceof Condition condition) {
      condition.addIdentifier(identifier(id));
    } else if (resource instanceof MedicationStatement statement) {
      statement.addIdentifier(identifier(id));
    } else if (resource instanceof Observation observation) {
      observation.addIdentifier(identifier(id));
    } else if (resource instanceof AllergyIntolerance allergy) {
      allergy.addIdentifier(identifier(id));
    } else if (resource instanceof MedicationAdministration session) {
      session.addIdentifier(identifier(id));
    } else if (resource instanceof MedicationRequest order) {
      order.addIdentifier(identifier(id));
    }
  }

  private Identifier identifier(String id) {
    return new Identifier()
        .setSystem("https://ehr.example-health.org/fhir/identifiers/" + seed)
        .setValue(id + "-" + Long.toHexString(random.nextLong()));
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;");
  }

  private Reference subject(String patientId) {
    return new Reference("Patient/" + patientId).setDisplay("Alex Testperson");
  }

  private Quantity mmHg(int base, int spread) {
    return new Quantity()
        .setValue(base + random.nextInt(spread))
        .setUnit("mm[Hg]")
        .setSystem(UCUM)
        .setCode("mm[Hg]");
  }

  private static CodeableConcept codeOf(Code code) {
    return concept(code.system(), code.code(), code.display());
  }

  private static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept(new Coding(system, code, display));
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private String instant() {
    return date(today.minusDays(random.nextInt(30))) + "T10:00:00Z";
  }

  private static String date(LocalDate date) {
    return date.toString();
  }
}
