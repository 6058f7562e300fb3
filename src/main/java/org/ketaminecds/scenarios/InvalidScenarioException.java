package org.ketaminecds.scenarios;

/** A scenario file that cannot be read; names the file and the mistake. */
public class InvalidScenarioException extends RuntimeException {
  public InvalidScenarioException(String scenario, String message) {
    super("scenarios/" + scenario + ".json: " + message);
  }
}
