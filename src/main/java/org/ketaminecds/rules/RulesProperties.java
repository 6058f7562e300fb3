package org.ketaminecds.rules;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules come from, and how changes are picked up.
 *
 * @param dir the folder rule authors edit; when it does not exist (or its rules fail their checks
 *     at start-up), the rules released in the jar are used
 * @param watch whether changes in the folder are picked up while the service runs
 * @param valueSets the terminology folder: the value-set catalogue {@code value-sets.yaml} and the
 *     code lists {@code code-lists/*.csv} the rules' value sets are built from, checked and put
 *     live with the rules; when it does not exist, the value sets released in the jar
 * @param settle how long the folder must stay unchanged before a change is checked (an editor
 *     saving several files, a copy of a whole folder)
 */
@ConfigurationProperties(prefix = "cds.rules")
public record RulesProperties(
    @DefaultValue("rules") Path dir,
    @DefaultValue("true") boolean watch,
    @DefaultValue("150ms") Duration settle,
    @DefaultValue("fhir-profiles") Path valueSets) {}
