package org.ketaminecds.facts.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.ketaminecds.facts.BodyWeight;
import org.ketaminecds.facts.InteractingMedication;
import org.ketaminecds.facts.KetamineSession;
import org.ketaminecds.facts.Phq9Score;
import org.ketaminecds.facts.TreatmentCourse;
import org.ketaminecds.terminology.Terminology;

/**
 * The treatment course (clinical brief, revision 2, "The course"): sessions given (completed
 * MedicationAdministrations of ketamine or esketamine), PHQ-9 scores, body weights, and the
 * medications taken now that interact (PI section 7). Anything dated after the day of the call is
 * left out: the day of the call bounds the chart.
 */
final class CourseFacts {

  /** Sessions: what, when, how much and how given. */
  static final ElementsRead SESSION_READS =
      ElementsRead.of(
          "MedicationAdministration", "status", "medication[x]", "effective[x]", "dosage");

  /** Active orders of the chart, for interactions. */
  static final ElementsRead ORDER_READS =
      ElementsRead.of("MedicationRequest", "status", "medication[x]");

  static final String PHQ9 = "phq9-total-score";
  static final String BODY_WEIGHT = "body-weight";
  static final List<String> INTERACTIONS =
      List.of("interaction-cns-depressant", "interaction-psychostimulant", "interaction-maoi");

  private final Terminology terminology;
  private final KetamineDrug drugs;

  CourseFacts(Terminology terminology) {
    this.terminology = terminology;
    this.drugs = new KetamineDrug(terminology);
  }

  void addSessions(
      List<Object> facts,
      List<MedicationAdministration> administrations,
      MedicationLookup medications,
      List<Phq9Score> scores,
      LocalDate today) {
    var sessions = new ArrayList<KetamineSession>();
    for (MedicationAdministration given : administrations) {
      if (given.getStatus() != MedicationAdministration.MedicationAdministrationStatus.COMPLETED) {
        continue;
      }
      String drug = drugs.drugOf(medications.codeOf(given, given.getMedication()));
      LocalDate date = FhirDates.localDate(FhirDates.startOf(given.getEffective()));
      if (drug == null || date == null || date.isAfter(today)) {
        continue;
      }
      var dosage = given.getDosage();
      sessions.add(
          new KetamineSession(
              given.getIdElement().getIdPart(),
              drug,
              date,
              dosage.hasDose() ? KetamineDrug.mg(dosage.getDose()) : null,
              dosage.hasRoute() ? KetamineDrug.routeOf(dosage.getRoute()) : null));
    }
    sessions.sort(Comparator.comparing(KetamineSession::date));
    facts.addAll(sessions);
    for (String drug : List.of(KetamineDrug.ESKETAMINE, KetamineDrug.KETAMINE)) {
      List<LocalDate> dates =
          sessions.stream().filter(s -> s.drug().equals(drug)).map(KetamineSession::date).toList();
      if (!dates.isEmpty()) {
        facts.add(course(drug, dates, scores));
      }
    }
  }

  private static TreatmentCourse course(
      String drug, List<LocalDate> dates, List<Phq9Score> scores) {
    LocalDate first = dates.get(0);
    Phq9Score baseline = null;
    Phq9Score latest = null;
    for (Phq9Score score : scores) {
      if (!score.date().isAfter(first)) {
        if (baseline == null || !score.date().isBefore(baseline.date())) {
          baseline = score;
        }
      } else if (latest == null || !score.date().isBefore(latest.date())) {
        latest = score;
      }
    }
    return new TreatmentCourse(
        drug,
        dates,
        baseline == null ? null : baseline.score(),
        latest == null ? null : latest.score(),
        latest == null ? null : latest.date());
  }

  /** PHQ-9 scores and body weights; the scores are returned for the courses. */
  List<Phq9Score> addReadings(List<Object> facts, List<Observation> observations, LocalDate today) {
    var scores = new ArrayList<Phq9Score>();
    for (Observation observation : observations) {
      if (observation.hasStatus()
          && ObservationFacts.NEVER_COUNTS.contains(observation.getStatus().toCode())) {
        continue;
      }
      boolean phq9 = in(PHQ9, observation.getCode());
      if (!phq9 && !in(BODY_WEIGHT, observation.getCode())) {
        continue;
      }
      BaseDateTimeType effective = FhirDates.startOf(observation.getEffective());
      LocalDate date = FhirDates.localDate(effective);
      if (date == null || date.isAfter(today)) {
        continue;
      }
      String id = observation.getIdElement().getIdPart();
      if (phq9) {
        Integer score = phq9Score(observation);
        if (score != null) {
          scores.add(new Phq9Score(id, date, score));
        }
      } else if (observation.getValue() instanceof Quantity quantity) {
        Double kg = kg(quantity);
        if (kg != null) {
          facts.add(new BodyWeight(id, date, kg));
        }
      }
    }
    scores.sort(Comparator.comparing(Phq9Score::date));
    facts.addAll(scores);
    return scores;
  }

  /** Active statements and active orders of an interacting drug, one fact per class and record. */
  void addInteractions(
      List<Object> facts,
      List<MedicationStatement> statements,
      List<MedicationRequest> requests,
      MedicationLookup medications) {
    var found = new TreeMap<String, InteractingMedication>();
    for (MedicationStatement statement : statements) {
      if (statement.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE) {
        interactions(
            found,
            "MedicationStatement/" + statement.getIdElement().getIdPart(),
            medications.codeOf(statement, statement.getMedication()));
      }
    }
    for (MedicationRequest request : requests) {
      if (request.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE) {
        interactions(
            found,
            "MedicationRequest/" + request.getIdElement().getIdPart(),
            medications.codeOf(request, request.getMedication()));
      }
    }
    facts.addAll(found.values());
  }

  private void interactions(
      TreeMap<String, InteractingMedication> found, String resourceId, CodeableConcept code) {
    for (String valueSet : INTERACTIONS) {
      for (Coding coding : code.getCoding()) {
        if (terminology.contains(valueSet, coding.getSystem(), coding.getCode())) {
          found.putIfAbsent(
              valueSet + "|" + resourceId,
              new InteractingMedication(resourceId, valueSet, nameOf(code, coding)));
          break;
        }
      }
    }
  }

  private static String nameOf(CodeableConcept code, Coding matched) {
    if (code.hasText()) {
      return code.getText();
    }
    return matched.hasDisplay() ? matched.getDisplay() : matched.getCode();
  }

  private boolean in(String valueSet, CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (terminology.contains(valueSet, coding.getSystem(), coding.getCode())) {
        return true;
      }
    }
    return false;
  }

  private static Integer phq9Score(Observation observation) {
    if (observation.getValue() instanceof Quantity quantity && quantity.hasValue()) {
      return score(quantity.getValue().doubleValue());
    }
    if (observation.getValue() instanceof IntegerType integer && integer.getValue() != null) {
      return score(integer.getValue());
    }
    return null;
  }

  /** A PHQ-9 total is a whole number from 0 to 27; anything else is not a score. */
  private static Integer score(double value) {
    return value >= 0 && value <= 27 && value == Math.rint(value) ? (int) value : null;
  }

  private static Double kg(Quantity quantity) {
    if (!quantity.hasValue()) {
      return null;
    }
    String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
    double value = quantity.getValue().doubleValue();
    if (unit == null || value <= 0) {
      return null;
    }
    return switch (unit.strip().toLowerCase(Locale.ROOT)) {
      case "kg" -> value;
      case "g" -> value / 1000;
      case "[lb_av]", "lb", "lbs" -> value * 0.45359237;
      default -> null;
    };
  }
}
