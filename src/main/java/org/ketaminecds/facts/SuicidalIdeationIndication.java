package org.ketaminecds.facts;

/**
 * Concluded by the rules: esketamine is being ordered for MDD with acute suicidal ideation or
 * behaviour, the label's second indication (brief rev. 2), which does not require treatment
 * resistance: topic trd-criteria-not-met is then not shown.
 *
 * @param ideation the recent, active suicidal-ideation Condition
 */
public record SuicidalIdeationIndication(Diagnosis ideation) {}
