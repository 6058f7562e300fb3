package org.ketaminecds.facts.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.ketaminecds.facts.BloodPressure;
import org.ketaminecds.facts.PregnancyStatus;
import org.ketaminecds.terminology.Terminology;

/**
 * Blood pressure readings and pregnancy-status observations. A BP panel gives one reading from its
 * components; separate systolic and diastolic Observations taken at the same instant are paired
 * into one reading.
 */
final class ObservationFacts {

  static final ElementsRead READS =
      ElementsRead.of("Observation", "status", "code", "effective[x]", "value[x]", "component");

  static final String BP_PANEL = "blood-pressure-panel";
  static final String SYSTOLIC = "systolic-blood-pressure";
  static final String DIASTOLIC = "diastolic-blood-pressure";
  static final String PREGNANCY_STATUS = "pregnancy-status-observation";
  static final String PREGNANT = "pregnancy-status-pregnant";

  static final Set<String> NEVER_COUNTS = Set.of("entered-in-error", "cancelled");

  private final Terminology terminology;

  ObservationFacts(Terminology terminology) {
    this.terminology = terminology;
  }

  void addAll(List<Object> facts, List<Observation> observations) {
    Map<Instant, SingleReadings> singles = new LinkedHashMap<>();
    for (Observation observation : observations) {
      if (observation.hasStatus() && NEVER_COUNTS.contains(observation.getStatus().toCode())) {
        continue;
      }
      CodeableConcept code = observation.getCode();
      // Most Observations are other readings: done with before their time is read.
      if (!inAny(code)) {
        continue;
      }
      BaseDateTimeType effective = FhirDates.startOf(observation.getEffective());
      Instant takenAt = FhirDates.instant(effective);
      LocalDate date = FhirDates.localDate(effective);
      if (takenAt == null || date == null) {
        continue; // a reading without a time cannot be the most recent one
      }
      String id = observation.getIdElement().getIdPart();
      if (in(BP_PANEL, code)) {
        Integer systolic = componentValue(observation, SYSTOLIC);
        Integer diastolic = componentValue(observation, DIASTOLIC);
        if (systolic != null || diastolic != null) {
          facts.add(new BloodPressure(id, takenAt, date, systolic, diastolic));
        }
      } else if (in(SYSTOLIC, code)) {
        singles.computeIfAbsent(takenAt, t -> new SingleReadings(id, date)).systolic =
            mmHg(observation.getValue());
      } else if (in(DIASTOLIC, code)) {
        singles.computeIfAbsent(takenAt, t -> new SingleReadings(id, date)).diastolic =
            mmHg(observation.getValue());
      } else if (in(PREGNANCY_STATUS, code)
          && observation.getValue() instanceof CodeableConcept value) {
        facts.add(new PregnancyStatus(id, takenAt, date, in(PREGNANT, value)));
      }
    }
    singles.forEach(
        (takenAt, reading) -> {
          if (reading.systolic != null || reading.diastolic != null) {
            facts.add(
                new BloodPressure(
                    reading.id, takenAt, reading.date, reading.systolic, reading.diastolic));
          }
        });
  }

  /** In one of the value sets this class reads. */
  private boolean inAny(CodeableConcept concept) {
    return in(BP_PANEL, concept)
        || in(SYSTOLIC, concept)
        || in(DIASTOLIC, concept)
        || in(PREGNANCY_STATUS, concept);
  }

  private boolean in(String valueSet, CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (terminology.contains(valueSet, coding.getSystem(), coding.getCode())) {
        return true;
      }
    }
    return false;
  }

  private Integer componentValue(Observation panel, String valueSet) {
    for (ObservationComponentComponent component : panel.getComponent()) {
      if (in(valueSet, component.getCode())) {
        return mmHg(component.getValue());
      }
    }
    return null;
  }

  private static Integer mmHg(Type value) {
    if (value instanceof Quantity quantity && quantity.hasValue()) {
      return (int) Math.round(quantity.getValue().doubleValue());
    }
    return null;
  }

  /** Separate systolic and diastolic Observations of one instant, waiting to be paired. */
  private static final class SingleReadings {
    private final String id;
    private final LocalDate date;
    private Integer systolic;
    private Integer diastolic;

    private SingleReadings(String id, LocalDate date) {
      this.id = id;
      this.date = date;
    }
  }
}
