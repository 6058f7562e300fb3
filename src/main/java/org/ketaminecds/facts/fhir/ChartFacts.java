package org.ketaminecds.facts.fhir;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.ketaminecds.facts.PatientInfo;
import org.ketaminecds.facts.Phq9Score;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.terminology.Terminology;
import org.ketaminecds.web.ComputeHelpers;

/**
 * Turns a patient's chart (parsed FHIR resources) into the facts the rules reason over. Value-set
 * membership comes from {@link Terminology}, whose lookup tables are built once at start-up.
 */
public class ChartFacts {

  /** What {@link #patientInfo} reads. */
  static final ElementsRead READS = ElementsRead.of("Patient", "birthDate", "gender");

  /**
   * From how many of the chart's resources its facts are extracted by the call's thread and the
   * helpers together; below, handing work to another thread costs about what it saves.
   */
  static final int SHARED_FROM_RESOURCES = 128;

  private final ConditionFacts conditions;
  private final MedicationTrialFacts trials;
  private final ObservationFacts observations;
  private final AllergyFacts allergies;
  private final CourseFacts course;
  private final ComputeHelpers helpers;

  /** Facts extracted on the calling thread alone (tools, tests). */
  public ChartFacts(Terminology terminology) {
    this(terminology, ComputeHelpers.none());
  }

  /**
   * @param helpers threads that extract a large chart's facts beside the call's own
   */
  public ChartFacts(Terminology terminology, ComputeHelpers helpers) {
    this.conditions = new ConditionFacts(terminology);
    this.trials = new MedicationTrialFacts(terminology);
    this.observations = new ObservationFacts(terminology);
    this.allergies = new AllergyFacts(terminology);
    this.course = new CourseFacts(terminology);
    this.helpers = helpers;
  }

  /** Separate systolic and diastolic Observations this close are one reading (brief rev. 2). */
  public static final Duration DEFAULT_BP_PAIRING = Duration.ofMinutes(5);

  /**
   * @param today the date of the call, for the patient's age
   */
  public List<Object> extract(PatientRecord chart, LocalDate today) {
    return extract(chart, today, DEFAULT_BP_PAIRING);
  }

  /**
   * @param today the date of the call, for the patient's age
   * @param bpPairing how close separate systolic and diastolic Observations must be to be one
   *     reading (parameters.yaml, blood-pressure.pairing-minutes)
   */
  public List<Object> extract(PatientRecord chart, LocalDate today, Duration bpPairing) {
    var medications = new MedicationLookup(chart.medications());
    var scores = new ArrayList<Phq9Score>(); // the observations' group finds them
    // Three groups that read disjoint resources, so that they can run on separate threads: HAPI's
    // getters add the elements they find missing, so two threads must never read one resource.
    List<Callable<List<Object>>> groups =
        List.of(
            () -> conditionsAndAllergies(chart),
            () -> medicationStatementsAndOrders(chart, medications),
            () -> observations(chart, today, bpPairing, scores));
    List<List<Object>> extracted =
        (resourceCount(chart) >= SHARED_FROM_RESOURCES ? helpers : ComputeHelpers.none())
            .runAll(groups);
    var facts = new ArrayList<Object>();
    if (chart.patient() != null) {
      facts.add(patientInfo(chart.patient(), today));
    }
    extracted.forEach(facts::addAll);
    // The sessions read the Medications of the statements' group and the scores of the
    // observations', so they come once both are done.
    course.addSessions(facts, chart.administrations(), medications, scores, today);
    return facts;
  }

  private List<Object> conditionsAndAllergies(PatientRecord chart) {
    var facts = new ArrayList<Object>();
    for (Condition condition : chart.conditions()) {
      conditions.addTo(facts, condition);
    }
    for (AllergyIntolerance allergy : chart.allergies()) {
      allergies.addTo(facts, allergy);
    }
    return facts;
  }

  private List<Object> medicationStatementsAndOrders(
      PatientRecord chart, MedicationLookup medications) {
    var facts = new ArrayList<Object>();
    for (MedicationStatement statement : chart.medicationStatements()) {
      trials.addTo(facts, statement, medications);
    }
    course.addInteractions(
        facts, chart.medicationStatements(), chart.medicationRequests(), medications);
    return facts;
  }

  private List<Object> observations(
      PatientRecord chart, LocalDate today, Duration bpPairing, List<Phq9Score> scores) {
    var facts = new ArrayList<Object>();
    observations.addAll(facts, chart.observations(), bpPairing);
    DepressionScoreFacts.addAll(facts, chart.observations(), today);
    scores.addAll(course.addReadings(facts, chart.observations(), today));
    return facts;
  }

  private static int resourceCount(PatientRecord chart) {
    return chart.conditions().size()
        + chart.medicationStatements().size()
        + chart.medications().size()
        + chart.observations().size()
        + chart.allergies().size()
        + chart.administrations().size()
        + chart.medicationRequests().size();
  }

  private static PatientInfo patientInfo(Patient patient, LocalDate today) {
    LocalDate birthDate = FhirDates.localDate(patient.getBirthDateElement());
    Integer age = birthDate == null ? null : Period.between(birthDate, today).getYears();
    String gender = patient.hasGender() ? patient.getGender().toCode() : null;
    return new PatientInfo(age, gender);
  }
}
