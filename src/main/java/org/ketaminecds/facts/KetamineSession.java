package org.ketaminecds.facts;

import java.time.LocalDate;

/**
 * A ketamine or esketamine session: a completed MedicationAdministration (clinical brief, "The
 * course").
 *
 * @param administrationId the id of the MedicationAdministration
 * @param drug {@code esketamine} or {@code ketamine} (racemic)
 * @param date the day it was given
 * @param doseMg the dose given in mg, or null when not documented in mg
 * @param route {@code nasal}, {@code intravenous}, another route's name, or null when not given
 */
public record KetamineSession(
    String administrationId, String drug, LocalDate date, Double doseMg, String route) {

  public boolean esketamine() {
    return "esketamine".equals(drug);
  }
}
