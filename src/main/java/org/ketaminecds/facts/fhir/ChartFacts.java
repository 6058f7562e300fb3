package org.ketaminecds.facts.fhir;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.ketaminecds.facts.PatientInfo;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.terminology.Terminology;

/**
 * Turns a patient's chart (parsed FHIR resources) into the facts the rules reason over. Value-set
 * membership comes from {@link Terminology}, whose lookup tables are built once at start-up.
 */
public class ChartFacts {

  /** What {@link #patientInfo} reads. */
  static final ElementsRead READS = ElementsRead.of("Patient", "birthDate", "gender");

  private final ConditionFacts conditions;
  private final MedicationTrialFacts trials;
  private final ObservationFacts observations;
  private final AllergyFacts allergies;
  private final CourseFacts course;

  public ChartFacts(Terminology terminology) {
    this.conditions = new ConditionFacts(terminology);
    this.trials = new MedicationTrialFacts(terminology);
    this.observations = new ObservationFacts(terminology);
    this.allergies = new AllergyFacts(terminology);
    this.course = new CourseFacts(terminology);
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
    var facts = new ArrayList<Object>();
    if (chart.patient() != null) {
      facts.add(patientInfo(chart.patient(), today));
    }
    for (Condition condition : chart.conditions()) {
      conditions.addTo(facts, condition);
    }
    var medications = new MedicationLookup(chart.medications());
    for (MedicationStatement statement : chart.medicationStatements()) {
      trials.addTo(facts, statement, medications);
    }
    observations.addAll(facts, chart.observations(), bpPairing);
    DepressionScoreFacts.addAll(facts, chart.observations(), today);
    for (AllergyIntolerance allergy : chart.allergies()) {
      allergies.addTo(facts, allergy);
    }
    var scores = course.addReadings(facts, chart.observations(), today);
    course.addSessions(facts, chart.administrations(), medications, scores, today);
    course.addInteractions(
        facts, chart.medicationStatements(), chart.medicationRequests(), medications);
    return facts;
  }

  private static PatientInfo patientInfo(Patient patient, LocalDate today) {
    LocalDate birthDate = FhirDates.localDate(patient.getBirthDateElement());
    Integer age = birthDate == null ? null : Period.between(birthDate, today).getYears();
    String gender = patient.hasGender() ? patient.getGender().toCode() : null;
    return new PatientInfo(age, gender);
  }
}
