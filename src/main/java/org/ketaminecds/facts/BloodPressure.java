package org.ketaminecds.facts;

import java.time.LocalDate;

/**
 * One blood pressure reading: a panel with its components, or a systolic and a diastolic
 * Observation taken at the same time. Either value may be null when only one was measured.
 */
public record BloodPressure(
    String observationId, LocalDate effective, Integer systolic, Integer diastolic) {}
