package org.ketaminecds.rules;

/** One problem in a rules folder, told the way an author can act on it. */
public record RuleProblem(String file, int line, int column, String message) {

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
  }
}
