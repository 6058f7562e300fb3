package org.ketaminecds.authoring;

import java.util.Optional;
import org.ketaminecds.rules.RuleSource;

/**
 * The build's stamp of the released rules, if the build left one, and the fingerprint of the code
 * running now, which the stamp must name to prove anything ({@link BuildVerification#covers}).
 * Reading both takes a while (the fingerprint hashes every class of the application), so the
 * start-up reads them on a thread of its own while Spring starts, and hands them to the {@link
 * StartUpCheck} as a bean.
 *
 * @param verification the stamp of the classpath, empty when there is none or it is unreadable
 * @param runningCode {@link BuildVerification#currentCodeFingerprint()}, empty without a stamp
 */
public record ReleaseStamp(Optional<BuildVerification> verification, String runningCode) {

  /** The stamp of the classpath and, when there is one, the running code's fingerprint. */
  public static ReleaseStamp read() {
    Optional<BuildVerification> stamp = BuildVerification.released();
    return new ReleaseStamp(
        stamp, stamp.isPresent() ? BuildVerification.currentCodeFingerprint() : "");
  }

  /** The stamp, when it proves {@code source} checked with the running code. */
  Optional<BuildVerification> covering(RuleSource source) {
    return verification.filter(stamp -> stamp.covers(source, runningCode));
  }
}
