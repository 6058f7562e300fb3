package org.ketaminecds.workbench;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The rule authors' workbench ({@code cds.workbench.*}).
 *
 * @param enabled whether {@code /workbench} is served at all; off by default because the page
 *     evaluates any pasted chart without the JWT check of the hook endpoints, which suits a rule
 *     author's machine or a demo, not an EHR-facing deployment
 * @param maxBodySize the largest evaluation request accepted; larger ones get 413 before being
 *     parsed, so that a pasted chart cannot exhaust the service's memory
 */
@ConfigurationProperties(prefix = "cds.workbench")
record WorkbenchProperties(
    @DefaultValue("false") boolean enabled, @DefaultValue("5MB") DataSize maxBodySize) {

  WorkbenchProperties {
    if (maxBodySize == null || maxBodySize.toBytes() < 1) {
      throw new IllegalArgumentException("cds.workbench.max-body-size must be positive");
    }
  }
}
