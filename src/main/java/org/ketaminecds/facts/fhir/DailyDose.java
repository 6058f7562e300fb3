package org.ketaminecds.facts.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Dosage.DosageDoseAndRateComponent;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.ketaminecds.facts.DoseStep;
import org.ketaminecds.terminology.ProductStrength;

/**
 * The daily dose in mg of a MedicationStatement (clinical brief rev. 2, "Daily dose"): dose per
 * administration (doseQuantity in a mass unit, or a count of tablets or capsules, or millilitres,
 * times the product's strength) times administrations per day (timing.repeat frequency/period; a
 * timing code such as BID or QHS; or {@code when}/{@code timeOfDay} without a period, one dose
 * each). Dosage lines without a {@code sequence}, or with the same one, add up (50 mg morning, 100
 * mg evening); lines of different {@code sequence} values are consecutive steps. A dose that cannot
 * be computed is null: the brief then counts the trial and says the dose was not documented.
 */
final class DailyDose {

  private static final Map<String, Double> PER_DAY_BY_TIMING_CODE =
      Map.ofEntries(
          Map.entry("QD", 1.0),
          Map.entry("QDAY", 1.0),
          Map.entry("DAILY", 1.0),
          Map.entry("AM", 1.0),
          Map.entry("PM", 1.0),
          Map.entry("QAM", 1.0),
          Map.entry("QPM", 1.0),
          Map.entry("HS", 1.0),
          Map.entry("QHS", 1.0),
          Map.entry("BID", 2.0),
          Map.entry("TID", 3.0),
          Map.entry("QID", 4.0),
          Map.entry("Q4H", 6.0),
          Map.entry("Q6H", 4.0),
          Map.entry("Q8H", 3.0),
          Map.entry("Q12H", 2.0),
          Map.entry("Q24H", 1.0),
          Map.entry("QOD", 0.5));

  private static final Map<String, Double> MG_PER_UNIT =
      Map.of("mg", 1.0, "g", 1000.0, "ug", 0.001, "mcg", 0.001, "µg", 0.001);

  /** Units that count tablets or capsules (UCUM annotations and the words EHRs send). */
  private static final Set<String> COUNT_UNITS =
      Set.of(
          "{tbl}",
          "tbl",
          "tab",
          "tabs",
          "tablet",
          "tablets",
          "{tablet}",
          "{tablets}",
          "{tab}",
          "cap",
          "caps",
          "capsule",
          "capsules",
          "{capsule}",
          "{capsules}",
          "{cap}",
          "1",
          "{dose}",
          "each",
          "ea");

  private static final Set<String> MILLILITRES = Set.of("ml");

  /** "1 tablet", "2 capsules", "0.5 tab" in dosage text. */
  private static final Pattern UNITS_IN_TEXT =
      Pattern.compile("(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*(tablets?|tabs?|capsules?|caps?)\\b");

  private static final Map<String, Double> UNITS_PER_DAY =
      Map.of("s", 86_400.0, "min", 1440.0, "h", 24.0, "d", 1.0, "wk", 1.0 / 7, "mo", 1.0 / 30);

  private static final Map<String, Integer> DAYS_PER_UNIT =
      Map.of("d", 1, "wk", 7, "mo", 30, "a", 365);

  private DailyDose() {}

  /**
   * The dose steps of a statement from {@code start} to {@code end} (either may be null): one step
   * unless its lines carry different {@code sequence} values. A step's days come from its {@code
   * timing.repeat.bounds[x]}; the last step without bounds takes the rest of the statement.
   */
  static List<DoseStep> steps(
      List<Dosage> dosages, ProductStrength strength, LocalDate start, LocalDate end) {
    TreeMap<Integer, List<Dosage>> bySequence = new TreeMap<>();
    for (Dosage dosage : dosages) {
      int sequence = dosage.hasSequence() ? dosage.getSequence() : Integer.MIN_VALUE;
      bySequence.computeIfAbsent(sequence, s -> new ArrayList<>()).add(dosage);
    }
    if (bySequence.size() <= 1) {
      return List.of(new DoseStep(start, end, mgPerDay(dosages, strength)));
    }
    List<DoseStep> steps = new ArrayList<>();
    LocalDate cursor = start;
    int remaining = bySequence.size();
    for (List<Dosage> lines : bySequence.values()) {
      remaining--;
      Double mg = mgPerDay(lines, strength);
      Period bounds = boundsPeriod(lines);
      if (bounds != null) {
        LocalDate from = FhirDates.localDate(bounds.getStartElement());
        LocalDate to = FhirDates.localDate(bounds.getEndElement());
        steps.add(new DoseStep(from != null ? from : cursor, to != null ? to : end, mg));
        cursor = to != null ? to : cursor;
      } else {
        Integer days = boundsDays(lines);
        if (days != null && cursor != null && remaining > 0) {
          steps.add(new DoseStep(cursor, cursor.plusDays(days), mg));
          cursor = cursor.plusDays(days);
        } else if (remaining == 0) {
          // the last step runs to the end of the statement
          steps.add(new DoseStep(cursor, end, mg));
        } else {
          // a step before the last without bounds: its days cannot be known; counted as none
          steps.add(new DoseStep(cursor, cursor, mg));
        }
      }
    }
    return steps;
  }

  /** The highest daily dose of the steps, or null when none can be computed. */
  static Double highest(List<DoseStep> steps) {
    Double highest = null;
    for (DoseStep step : steps) {
      if (step.mgPerDay() != null && (highest == null || step.mgPerDay() > highest)) {
        highest = step.mgPerDay();
      }
    }
    return highest;
  }

  /** Lines taken together: their doses add up. */
  static Double mgPerDay(List<Dosage> dosages, ProductStrength strength) {
    if (dosages.isEmpty()) {
      return null;
    }
    double total = 0;
    for (Dosage dosage : dosages) {
      Double mg = mgPerAdministration(dosage, strength);
      Double perDay = administrationsPerDay(dosage.getTiming());
      if (mg == null || perDay == null) {
        return null;
      }
      total += mg * perDay;
    }
    return Math.round(total * 1000) / 1000.0;
  }

  private static Double mgPerAdministration(Dosage dosage, ProductStrength strength) {
    for (DosageDoseAndRateComponent doseAndRate : dosage.getDoseAndRate()) {
      if (doseAndRate.hasDoseQuantity()) {
        return milligrams(doseAndRate.getDoseQuantity(), strength);
      }
    }
    if (dosage.hasText() && strength != null && strength.perUnit()) {
      Matcher units = UNITS_IN_TEXT.matcher(dosage.getText());
      if (units.find()) {
        return Double.parseDouble(units.group(1)) * strength.mg();
      }
    }
    return null;
  }

  private static Double milligrams(Quantity quantity, ProductStrength strength) {
    if (!quantity.hasValue()) {
      return null;
    }
    double value = quantity.getValue().doubleValue();
    for (String unit : new String[] {quantity.getCode(), quantity.getUnit()}) {
      if (unit == null) {
        continue;
      }
      String key = unit.trim().toLowerCase(Locale.ROOT);
      Double factor = MG_PER_UNIT.get(key);
      if (factor != null) {
        return value * factor;
      }
      if (strength != null && strength.perUnit() && COUNT_UNITS.contains(key)) {
        return value * strength.mg();
      }
      if (strength != null && !strength.perUnit() && MILLILITRES.contains(key)) {
        return value * strength.mg();
      }
    }
    return null;
  }

  private static Double administrationsPerDay(Timing timing) {
    if (timing == null || timing.isEmpty()) {
      return null;
    }
    if (timing.hasRepeat() && timing.getRepeat().hasPeriod()) {
      return fromRepeat(timing.getRepeat());
    }
    if (timing.hasCode()) {
      for (Coding coding : timing.getCode().getCoding()) {
        Double perDay =
            coding.hasCode()
                ? PER_DAY_BY_TIMING_CODE.get(coding.getCode().toUpperCase(Locale.ROOT))
                : null;
        if (perDay != null) {
          return perDay;
        }
      }
    }
    if (timing.hasRepeat()) {
      // when = [HS] or timeOfDay = [08:00, 20:00] without a period: one dose at each
      TimingRepeatComponent repeat = timing.getRepeat();
      int times = Math.max(repeat.getWhen().size(), repeat.getTimeOfDay().size());
      if (times > 0) {
        return (double) times;
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

  private static Period boundsPeriod(List<Dosage> lines) {
    for (Dosage line : lines) {
      if (line.hasTiming()
          && line.getTiming().hasRepeat()
          && line.getTiming().getRepeat().getBounds() instanceof Period period) {
        return period;
      }
    }
    return null;
  }

  private static Integer boundsDays(List<Dosage> lines) {
    for (Dosage line : lines) {
      if (line.hasTiming()
          && line.getTiming().hasRepeat()
          && line.getTiming().getRepeat().getBounds() instanceof Duration duration
          && duration.hasValue()) {
        String unit = duration.hasCode() ? duration.getCode() : duration.getUnit();
        Integer perUnit = unit == null ? null : DAYS_PER_UNIT.get(unit);
        if (perUnit != null) {
          return (int) Math.round(duration.getValue().doubleValue() * perUnit);
        }
      }
    }
    return null;
  }
}
