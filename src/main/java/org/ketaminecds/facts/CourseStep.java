package org.ketaminecds.facts;

/**
 * Concluded by the rules: a line of a course card, where the patient is and what follows from it
 * (for example "Induction week 2" and "56 or 84 mg twice weekly"). The words come from the rules.
 */
public record CourseStep(String step, String plan) {}
