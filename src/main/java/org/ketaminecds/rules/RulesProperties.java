package org.ketaminecds.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules come from.
 *
 * @param dir the folder rule authors edit; when it does not exist, the rules released in the jar
 *     are used
 */
@ConfigurationProperties(prefix = "cds.rules")
public record RulesProperties(@DefaultValue("rules") Path dir) {}
