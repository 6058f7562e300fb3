package org.ketaminecds.cards;

import java.time.Period;
import java.util.Optional;

/**
 * The snooze override reasons: an override of a warning or info card with one of them suppresses
 * the card's topic for that patient for the period the code names (contract, revision 2).
 */
public final class Snooze {

  public static final String SYSTEM = "https://fhir.ketamine-cds.org/CodeSystem/override-reason";
  public static final String THREE_MONTHS = "snooze-3-months";
  public static final String TWELVE_MONTHS = "snooze-12-months";

  private Snooze() {}

  /**
   * How long a reason snoozes: 3 or 12 months for the snooze codes (of this system, or sent with no
   * system as some EHRs do), nothing for every other reason.
   */
  public static Optional<Period> period(String system, String code) {
    if (code == null || (system != null && !SYSTEM.equals(system))) {
      return Optional.empty();
    }
    return switch (code) {
      case THREE_MONTHS -> Optional.of(Period.ofMonths(3));
      case TWELVE_MONTHS -> Optional.of(Period.ofMonths(12));
      default -> Optional.empty();
    };
  }

  /** Whether a card of this indicator may ever be snoozed: never a critical card. */
  public static boolean mayApplyTo(String indicator) {
    return "warning".equals(indicator) || "info".equals(indicator);
  }
}
