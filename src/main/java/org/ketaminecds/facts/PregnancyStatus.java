package org.ketaminecds.facts;

import java.time.LocalDate;

/** A pregnancy-status Observation (LOINC 82810-3) and whether its value says pregnant. */
public record PregnancyStatus(String observationId, LocalDate effective, boolean pregnant) {}
