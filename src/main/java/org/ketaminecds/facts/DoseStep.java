package org.ketaminecds.facts;

import java.time.LocalDate;

/**
 * One step of a MedicationStatement's dosing: the whole statement when its dosage lines are taken
 * together, or one {@code sequence} of a titration (consecutive steps, never a sum: clinical brief
 * rev. 2, "Daily dose").
 *
 * @param start first day of the step, or null when the statement has no start
 * @param end last day of the step, or null when open (ongoing)
 * @param mgPerDay the daily dose of the step in mg, or null when the chart does not allow computing
 *     it
 */
public record DoseStep(LocalDate start, LocalDate end, Double mgPerDay) {}
