package org.ketaminecds.facts.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.ketaminecds.facts.BloodPressure;
import org.ketaminecds.facts.BreastfeedingStatus;
import org.ketaminecds.facts.PregnancyStatus;
import org.ketaminecds.terminology.Terminology;

/**
 * Blood pressure readings, pregnancy status (and positive hCG tests), breastfeeding status. A BP
 * panel gives one reading from its components (a panel with no usable component is no reading:
 * blood pressure not documented); separate systolic and diastolic Observations taken within the
 * pairing window of each other are one reading (brief rev. 2), any code of the value sets counting
 * (sitting, standing, supine).
 */
final class ObservationFacts {

  static final ElementsRead READS =
      ElementsRead.of(
          "Observation",
          "status",
          "code",
          "effective[x]",
          "value[x]",
          "component",
          "interpretation");

  static final String BP_PANEL = "blood-pressure-panel";
  static final String SYSTOLIC = "systolic-blood-pressure";
  static final String DIASTOLIC = "diastolic-blood-pressure";
  static final String PREGNANCY_STATUS = "pregnancy-status-observation";
  static final String PREGNANT = "pregnancy-status-pregnant";
  static final String NOT_PREGNANT = "pregnancy-status-not-pregnant";
  static final String HCG_TEST = "hcg-test";
  static final String HCG_POSITIVE = "hcg-test-positive";
  static final String BREASTFEEDING_STATUS = "breastfeeding-status-observation";
  static final String BREASTFEEDING = "breastfeeding-status-breastfeeding";

  static final Set<String> NEVER_COUNTS = Set.of("entered-in-error", "cancelled");

  /** Interpretation codes (v3 ObservationInterpretation) of a positive qualitative test. */
  private static final Set<String> POSITIVE_INTERPRETATIONS = Set.of("POS", "DET");

  private final Terminology terminology;

  ObservationFacts(Terminology terminology) {
    this.terminology = terminology;
  }

  void addAll(List<Object> facts, List<Observation> observations, Duration pairing) {
    List<Single> systolics = new ArrayList<>();
    List<Single> diastolics = new ArrayList<>();
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
        addSingle(systolics, id, takenAt, date, mmHg(observation.getValue()));
      } else if (in(DIASTOLIC, code)) {
        addSingle(diastolics, id, takenAt, date, mmHg(observation.getValue()));
      } else if (in(PREGNANCY_STATUS, code)
          && observation.getValue() instanceof CodeableConcept value) {
        facts.add(
            new PregnancyStatus(
                id,
                takenAt,
                date,
                in(PREGNANT, value),
                in(NOT_PREGNANT, value),
                PregnancyStatus.STATUS));
      } else if (in(HCG_TEST, code) && positive(observation)) {
        facts.add(new PregnancyStatus(id, takenAt, date, true, false, PregnancyStatus.HCG_TEST));
      } else if (in(BREASTFEEDING_STATUS, code)
          && observation.getValue() instanceof CodeableConcept value) {
        facts.add(new BreastfeedingStatus(id, takenAt, date, in(BREASTFEEDING, value)));
      }
    }
    pair(facts, systolics, diastolics, pairing);
  }

  private static void addSingle(
      List<Single> singles, String id, Instant takenAt, LocalDate date, Integer value) {
    if (value != null) {
      singles.add(new Single(id, takenAt, date, value));
    }
  }

  /**
   * Each systolic reading takes the closest diastolic one within the pairing window (each used
   * once); what is left stays a half reading.
   */
  private static void pair(
      List<Object> facts, List<Single> systolics, List<Single> diastolics, Duration pairing) {
    systolics.sort(Comparator.comparing(Single::takenAt));
    boolean[] used = new boolean[diastolics.size()];
    for (Single systolic : systolics) {
      int best = -1;
      Duration bestGap = null;
      for (int i = 0; i < diastolics.size(); i++) {
        if (used[i]) {
          continue;
        }
        Duration gap = Duration.between(systolic.takenAt(), diastolics.get(i).takenAt()).abs();
        if (gap.compareTo(pairing) <= 0 && (bestGap == null || gap.compareTo(bestGap) < 0)) {
          best = i;
          bestGap = gap;
        }
      }
      if (best < 0) {
        facts.add(
            new BloodPressure(
                systolic.id(), systolic.takenAt(), systolic.date(), systolic.value(), null));
      } else {
        used[best] = true;
        Single diastolic = diastolics.get(best);
        // the reading is as recent as its later half
        Single later = diastolic.takenAt().isAfter(systolic.takenAt()) ? diastolic : systolic;
        facts.add(
            new BloodPressure(
                systolic.id(), later.takenAt(), later.date(), systolic.value(), diastolic.value()));
      }
    }
    for (int i = 0; i < diastolics.size(); i++) {
      if (!used[i]) {
        Single diastolic = diastolics.get(i);
        facts.add(
            new BloodPressure(
                diastolic.id(), diastolic.takenAt(), diastolic.date(), null, diastolic.value()));
      }
    }
  }

  /** A coded positive answer, or a positive interpretation. */
  private boolean positive(Observation observation) {
    if (observation.getValue() instanceof CodeableConcept value && in(HCG_POSITIVE, value)) {
      return true;
    }
    for (CodeableConcept interpretation : observation.getInterpretation()) {
      for (Coding coding : interpretation.getCoding()) {
        if (coding.getCode() != null && POSITIVE_INTERPRETATIONS.contains(coding.getCode())) {
          return true;
        }
      }
    }
    return false;
  }

  /** In one of the value sets this class reads. */
  private boolean inAny(CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      for (String valueSet : terminology.valueSetsOf(coding.getSystem(), coding.getCode())) {
        if (OBSERVATION_CODES.contains(valueSet)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The value sets of an Observation's code that give a fact (ChartRelevance reads these too). */
  static final Set<String> OBSERVATION_CODES =
      Set.of(BP_PANEL, SYSTOLIC, DIASTOLIC, PREGNANCY_STATUS, HCG_TEST, BREASTFEEDING_STATUS);

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
        Integer value = mmHg(component.getValue());
        if (value != null) {
          return value;
        }
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

  /** A separate systolic or diastolic Observation, waiting to be paired. */
  private record Single(String id, Instant takenAt, LocalDate date, Integer value) {}
}
