package org.ketaminecds.hooks;

/** A hook call the service cannot read: answered 400 with an OperationOutcome. */
class InvalidHookRequestException extends RuntimeException {
  InvalidHookRequestException(String message) {
    super(message);
  }
}
