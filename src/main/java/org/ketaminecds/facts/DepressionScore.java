package org.ketaminecds.facts;

import java.time.LocalDate;

/**
 * A PHQ-9 total score (LOINC 44261-6) of the chart, final or amended, dated on or before the day of
 * the call.
 *
 * @param observationId the Observation's logical id
 * @param date the day it was taken
 * @param score the total score, 0 to 27
 */
public record DepressionScore(String observationId, LocalDate date, int score) {}
