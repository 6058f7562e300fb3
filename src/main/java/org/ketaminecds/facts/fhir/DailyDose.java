package org.ketaminecds.facts.fhir;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Dosage.DosageDoseAndRateComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;

/**
 * The daily dose in mg of a MedicationStatement: dose per administration (doseQuantity, in mg or
 * another mass unit) times administrations per day (timing.repeat frequency/period, or a common
 * timing code such as BID). Several dosage lines (50 mg morning, 100 mg evening) add up. Null
 * whenever any part cannot be computed: the brief then counts the trial and says the dose was not
 * documented.
 */
final class DailyDose {

  private static final Map<String, Double> PER_DAY_BY_TIMING_CODE =
      Map.of(
          "QD", 1.0, "AM", 1.0, "PM", 1.0, "BID", 2.0, "TID", 3.0, "QID", 4.0, "Q4H", 6.0, "Q6H",
          4.0, "Q8H", 3.0, "QOD", 0.5);

  private static final Map<String, Double> MG_PER_UNIT =
      Map.of("mg", 1.0, "g", 1000.0, "ug", 0.001, "mcg", 0.001, "µg", 0.001);

  private static final Map<String, Double> UNITS_PER_DAY =
      Map.of("s", 86_400.0, "min", 1440.0, "h", 24.0, "d", 1.0, "wk", 1.0 / 7, "mo", 1.0 / 30);

  private DailyDose() {}

  static Double mgPerDay(List<Dosage> dosages) {
    if (dosages.isEmpty()) {
      return null;
    }
    double total = 0;
    for (Dosage dosage : dosages) {
      Double mg = mgPerAdministration(dosage);
      Double perDay = administrationsPerDay(dosage.getTiming());
      if (mg == null || perDay == null) {
        return null;
      }
      total += mg * perDay;
    }
    return Math.round(total * 1000) / 1000.0;
  }

  private static Double mgPerAdministration(Dosage dosage) {
    for (DosageDoseAndRateComponent doseAndRate : dosage.getDoseAndRate()) {
      if (doseAndRate.hasDoseQuantity()) {
        return milligrams(doseAndRate.getDoseQuantity());
      }
    }
    return null;
  }

  private static Double milligrams(Quantity quantity) {
    if (!quantity.hasValue()) {
      return null;
    }
    String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
    Double factor = unit == null ? null : MG_PER_UNIT.get(unit.trim().toLowerCase());
    if (factor == null) {
      return null;
    }
    return quantity.getValue().doubleValue() * factor;
  }

  private static Double administrationsPerDay(Timing timing) {
    if (timing == null || timing.isEmpty()) {
      return null;
    }
    if (timing.hasRepeat() && timing.getRepeat().hasPeriod()) {
      return fromRepeat(timing.getRepeat());
    }
    if (timing.hasCode()) {
      for (var coding : timing.getCode().getCoding()) {
        Double perDay = PER_DAY_BY_TIMING_CODE.get(coding.getCode());
        if (perDay != null) {
          return perDay;
        }
      }
    }
    return null;
  }

  private static Double fromRepeat(TimingRepeatComponent repeat) {
    int frequency = repeat.hasFrequency() ? repeat.getFrequency() : 1;
    BigDecimal period = repeat.getPeriod();
    Double unitsPerDay =
        repeat.hasPeriodUnit() ? UNITS_PER_DAY.get(repeat.getPeriodUnit().toCode()) : null;
    if (period == null || period.signum() <= 0 || unitsPerDay == null) {
      return null;
    }
    return frequency * unitsPerDay / period.doubleValue();
  }
}
