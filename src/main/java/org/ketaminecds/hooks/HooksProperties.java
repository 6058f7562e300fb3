package org.ketaminecds.hooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what an EHR may send to the hook endpoints, and the start-up's warm-up of them ({@code
 * cds.hooks.*}).
 *
 * @param maxRequestSize the largest body of a hook call or feedback; a larger one is answered 413
 *     without being read into memory. A heavy prefetched chart is about 1 MB, so the default leaves
 *     room for ten of those.
 * @param warmUp how long, once the service is ready, a background thread sends the released
 *     scenarios through the hook path ({@link HookPathWarmUp}); 0 skips it
 */
@ConfigurationProperties(prefix = "cds.hooks")
record HooksProperties(
    @DefaultValue("10MB") DataSize maxRequestSize, @DefaultValue("10s") Duration warmUp) {

  /** The body is read into one array, which cannot hold more than this. */
  private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

  HooksProperties {
    if (maxRequestSize == null
        || maxRequestSize.toBytes() < 1
        || maxRequestSize.toBytes() > LARGEST_ARRAY) {
      throw new IllegalArgumentException(
          "cds.hooks.max-request-size must be between 1B and " + LARGEST_ARRAY + "B");
    }
    if (warmUp == null || warmUp.isNegative()) {
      throw new IllegalArgumentException("cds.hooks.warm-up must be 0 or more");
    }
  }
}
