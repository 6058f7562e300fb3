package org.ketaminecds.facts.fhir;

import java.time.Instant;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/**
 * Dates as a clinician reads them: the calendar date the chart wrote down (no shift to the server's
 * time zone); a year or a month alone stands for its first day.
 */
final class FhirDates {

  private FhirDates() {}

  static LocalDate localDate(BaseDateTimeType dateTime) {
    if (dateTime == null || dateTime.isEmpty() || dateTime.getValueAsString() == null) {
      return null;
    }
    String text = dateTime.getValueAsString();
    try {
      if (text.length() >= 10 && isPlainDate(text)) {
        // The common case, without a DateTimeFormatter: its parse was a fifth of the facts' time.
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
      }
      return switch (Math.min(text.length(), 10)) {
        case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
        case 7 -> LocalDate.parse(text + "-01");
        default -> LocalDate.parse(text.substring(0, 10));
      };
    } catch (RuntimeException unparsable) {
      return null;
    }
  }

  /** yyyy-MM-dd at the start of {@code text}, all ten characters where they must be. */
  private static boolean isPlainDate(String text) {
    for (int i = 0; i < 10; i++) {
      char c = text.charAt(i);
      boolean ok = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** The instant, for ordering readings; a date alone counts as its start. */
  static Instant instant(BaseDateTimeType dateTime) {
    if (dateTime == null || dateTime.getValue() == null) {
      return null;
    }
    return dateTime.getValue().toInstant();
  }

  /** effective[x] / onset[x] / abatement[x] of type dateTime or Period (its start). */
  static BaseDateTimeType startOf(Type choice) {
    if (choice instanceof BaseDateTimeType dateTime) {
      return dateTime;
    }
    if (choice instanceof Period period && period.hasStart()) {
      return period.getStartElement();
    }
    return null;
  }

  /** The end of a Period choice, or the instant itself. */
  static BaseDateTimeType endOf(Type choice) {
    if (choice instanceof Period period) {
      return period.hasEnd() ? period.getEndElement() : null;
    }
    return null;
  }
}
