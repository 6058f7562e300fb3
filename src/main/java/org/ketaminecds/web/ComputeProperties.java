package org.ketaminecds.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many hook calls compute at once ({@code cds.compute.*}; see {@link ComputeSlots}).
 *
 * @param slots calls computing at once; 0 (the default) means one more than the cores the JVM sees
 * @param maxWait how long a call waits for a slot before it is answered 503 with {@code
 *     Retry-After}; well inside an EHR's own timeout, so that it can retry on another replica
 */
@ConfigurationProperties(prefix = "cds.compute")
record ComputeProperties(@DefaultValue("0") int slots, @DefaultValue("2s") Duration maxWait) {

  ComputeProperties {
    if (slots < 0) {
      throw new IllegalArgumentException("cds.compute.slots must be 0 (one per core) or more");
    }
    if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("cds.compute.max-wait must be positive");
    }
  }

  int slotsFor(int cores) {
    return slots > 0 ? slots : ComputeSlots.forCores(cores);
  }
}
