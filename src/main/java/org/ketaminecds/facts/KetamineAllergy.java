package org.ketaminecds.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * An AllergyIntolerance to ketamine or esketamine (by code, or by text where uncoded). Refuted and
 * entered-in-error entries never become facts.
 *
 * @param type {@code allergy}, {@code intolerance}, or null when the EHR sent none (rev. 2: an
 *     intolerance is topic ketamine-intolerance, the others ci-hypersensitivity)
 * @param reactions the reactions recorded ({@code reaction.manifestation}), in words
 */
public record KetamineAllergy(
    String allergyId,
    String substance,
    String criticality,
    boolean active,
    LocalDate recorded,
    String type,
    List<String> reactions) {

  public KetamineAllergy {
    reactions = List.copyOf(reactions);
  }

  public KetamineAllergy(
      String allergyId, String substance, String criticality, boolean active, LocalDate recorded) {
    this(allergyId, substance, criticality, active, recorded, null, List.of());
  }

  public boolean intolerance() {
    return "intolerance".equals(type);
  }
}
