package org.ketaminecds.workbench;

/**
 * A workbench request that cannot be answered, with the HTTP status that says why and a message the
 * rule author can act on.
 */
class WorkbenchRequestException extends RuntimeException {

  private final int status;
  private final String issueCode;

  private WorkbenchRequestException(int status, String issueCode, String message) {
    super(message);
    this.status = status;
    this.issueCode = issueCode;
  }

  static WorkbenchRequestException invalid(String message) {
    return new WorkbenchRequestException(400, "invalid", message);
  }

  static WorkbenchRequestException unknownScenario(String name) {
    return new WorkbenchRequestException(
        404, "not-found", "The rule set has no scenario named \"" + name + "\"");
  }

  static WorkbenchRequestException tooLarge(long limitBytes) {
    return new WorkbenchRequestException(
        413, "too-costly", "The request is larger than the limit of " + limitBytes + " bytes");
  }

  int status() {
    return status;
  }

  /** The FHIR issue-type code of the OperationOutcome. */
  String issueCode() {
    return issueCode;
  }
}
