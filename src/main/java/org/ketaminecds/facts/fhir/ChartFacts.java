package org.ketaminecds.facts.fhir;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    var fromConditions = new ArrayList<Object>();
    var fromAllergies = new ArrayList<Object>();
    var fromStatements = new ArrayList<Object>();
    var interactions = new ArrayList<Object>();
    var fromObservations = new ArrayList<Object>();
    var depressionScores = new ArrayList<Object>();
    var readings = new ArrayList<Object>();
    var phq9Scores = new ArrayList<Phq9Score>();
    // Three groups that read disjoint resources, so that they can run on separate threads: HAPI's
    // getters add the elements they find missing, so two threads must never read one resource.
    List<Callable<Void>> groups =
        List.of(
            () -> {
              chart.conditions().forEach(condition -> conditions.addTo(fromConditions, condition));
              chart.allergies().forEach(allergy -> allergies.addTo(fromAllergies, allergy));
              return null;
            },
            () -> {
              chart
                  .medicationStatements()
                  .forEach(statement -> trials.addTo(fromStatements, statement, medications));
              course.addInteractions(
                  interactions,
                  chart.medicationStatements(),
                  chart.medicationRequests(),
                  medications);
              return null;
            },
            () -> {
              observations.addAll(fromObservations, chart.observations(), bpPairing);
              DepressionScoreFacts.addAll(depressionScores, chart.observations(), today);
              phq9Scores.addAll(course.addReadings(readings, chart.observations(), today));
              return null;
            });
    (chart.resourceCount() >= SHARED_FROM_RESOURCES ? helpers : ComputeHelpers.none())
        .runAll(groups);
    // The facts in one order however they were made, the order the rules have always seen.
    var facts = new ArrayList<Object>();
    if (chart.patient() != null) {
      facts.add(patientInfo(chart.patient(), today));
    }
    facts.addAll(fromConditions);
    facts.addAll(fromStatements);
    facts.addAll(fromObservations);
    facts.addAll(depressionScores);
    facts.addAll(fromAllergies);
    facts.addAll(readings);
    // The sessions read the Medications of the statements' group and the scores of the
    // observations', so they come once both are done.
    course.addSessions(facts, chart.administrations(), medications, phq9Scores, today);
    facts.addAll(interactions);
    return facts;
  }

  private static PatientInfo patientInfo(Patient patient, LocalDate today) {
    LocalDate birthDate = FhirDates.localDate(patient.getBirthDateElement());
    Integer age = birthDate == null ? null : Period.between(birthDate, today).getYears();
    String gender = patient.hasGender() ? patient.getGender().toCode() : null;
    return new PatientInfo(age, gender);
  }
}
