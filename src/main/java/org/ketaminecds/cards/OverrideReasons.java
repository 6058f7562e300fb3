package org.ketaminecds.cards;

import java.util.List;

/**
 * The reasons a prescriber can give for overriding a critical card (CDS Hooks {@code
 * overrideReasons}); codes of this project's override-reason CodeSystem.
 */
final class OverrideReasons {

  static final String SYSTEM = "https://fhir.ketamine-cds.org/CodeSystem/override-reason";

  static final List<Card.Coding> ALL =
      List.of(
          new Card.Coding(SYSTEM, "benefit-outweighs-risk", "Benefit outweighs risk; will monitor"),
          new Card.Coding(SYSTEM, "record-incorrect", "The chart entry is wrong or outdated"),
          new Card.Coding(SYSTEM, "specialist-approved", "Approved after specialist review"));

  private OverrideReasons() {}
}
