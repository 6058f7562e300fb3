package org.ketaminecds.cards;

import java.util.List;
import org.ketaminecds.rules.CardTemplate;

/**
 * The reasons a clinician can give for overriding a card (CDS Hooks {@code overrideReasons}); codes
 * of this project's override-reason CodeSystem ({@code
 * fhir-profiles/hand-kept/CodeSystem-override-reason.json}).
 *
 * <p>Critical cards offer the reasons for going ahead against a contraindication. Warning and info
 * cards offer reasons not to follow the advice (patient refused: the example reason of the CDS
 * Hooks 2.0 specification, "Card" section) and, unless the topic's card file turns snooze off, the
 * two snooze reasons: the CDC opioid-prescribing CDS added snooze after pilot sites asked for it.
 */
final class OverrideReasons {

  static final String SYSTEM = Snooze.SYSTEM;

  private static final Card.Coding BENEFIT =
      new Card.Coding(SYSTEM, "benefit-outweighs-risk", "Benefit outweighs risk; will monitor");
  private static final Card.Coding RECORD_INCORRECT =
      new Card.Coding(SYSTEM, "record-incorrect", "The chart entry is wrong or outdated");

  /** The reasons of a critical card (with its delete suggestion). */
  static final List<Card.Coding> ALL =
      List.of(
          BENEFIT,
          RECORD_INCORRECT,
          new Card.Coding(SYSTEM, "specialist-approved", "Approved after specialist review"));

  private static final List<Card.Coding> NOT_FOLLOWED =
      List.of(
          new Card.Coding(SYSTEM, "patient-refused", "Patient refused"), BENEFIT, RECORD_INCORRECT);

  private static final List<Card.Coding> NOT_FOLLOWED_OR_SNOOZE =
      List.of(
          NOT_FOLLOWED.get(0),
          NOT_FOLLOWED.get(1),
          NOT_FOLLOWED.get(2),
          new Card.Coding(SYSTEM, Snooze.THREE_MONTHS, "Snooze for 3 months for this patient"),
          new Card.Coding(SYSTEM, Snooze.TWELVE_MONTHS, "Snooze for 12 months for this patient"));

  private OverrideReasons() {}

  /** The reasons of a card of this topic; none for a critical card without a suggestion. */
  static List<Card.Coding> of(CardTemplate template, boolean deletesOrders) {
    if ("critical".equals(template.indicator())) {
      return deletesOrders ? ALL : List.of();
    }
    return template.snooze() ? NOT_FOLLOWED_OR_SNOOZE : NOT_FOLLOWED;
  }
}
