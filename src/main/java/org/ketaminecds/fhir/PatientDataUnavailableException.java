package org.ketaminecds.fhir;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Required patient data could be had neither from prefetch nor from the FHIR server: the hook call
 * is answered 412 Precondition Failed with an OperationOutcome (CDS Hooks 2.0, contract), or on the
 * order hooks with a {@code check-not-completed} card. The message is shown to the EHR; it must
 * carry no PHI and no token.
 */
public class PatientDataUnavailableException extends RuntimeException {

  private final Set<PrefetchKey> unread;

  public PatientDataUnavailableException(String message) {
    this(message, Set.of());
  }

  /**
   * @param unread the keys that could not be read, as far as known (empty: not known)
   */
  public PatientDataUnavailableException(String message, Collection<PrefetchKey> unread) {
    super(message);
    this.unread = unread.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unread));
  }

  public PatientDataUnavailableException(String message, Throwable cause) {
    super(message, cause);
    this.unread = Set.of();
  }

  /** What could not be read, in key order; empty when not known. */
  public Set<PrefetchKey> unread() {
    return unread.isEmpty() ? Set.of() : EnumSet.copyOf(unread);
  }
}
