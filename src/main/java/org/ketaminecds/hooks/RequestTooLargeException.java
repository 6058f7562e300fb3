package org.ketaminecds.hooks;

import org.springframework.util.unit.DataSize;

/** A call body over {@code cds.hooks.max-request-size}: answered 413 with an OperationOutcome. */
class RequestTooLargeException extends RuntimeException {
  RequestTooLargeException(long limitBytes) {
    super(
        "The request body is larger than this service accepts ("
            + describe(limitBytes)
            + "); prefetch less, or let the service query the FHIR server");
  }

  private static String describe(long bytes) {
    DataSize size = DataSize.ofBytes(bytes);
    if (bytes % (1024 * 1024) == 0) {
      return size.toMegabytes() + " MB";
    }
    if (bytes % 1024 == 0) {
      return size.toKilobytes() + " KB";
    }
    return bytes + " bytes";
  }
}
