package org.ketaminecds.facts;

import java.time.LocalDate;

/**
 * Concluded by the rules: the current depressive episode began at {@code onset}, the onset of the
 * most recent active depressive-disorder Condition.
 */
public record CurrentEpisode(LocalDate onset, Diagnosis diagnosis) {}
