package org.ketaminecds.facts;

import java.time.LocalDate;

/**
 * A body weight reading, in kilograms (converted from pounds or grams where the chart uses them).
 */
public record BodyWeight(String observationId, LocalDate date, double kg) {}
