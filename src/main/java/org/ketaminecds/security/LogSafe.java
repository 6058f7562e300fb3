package org.ketaminecds.security;

/** Values a caller chose (such as {@code iss}) made safe to put in a log line. */
final class LogSafe {

  private static final int MAX_LENGTH = 120;

  private LogSafe() {}

  /**
   * The value with control characters replaced (no forged log lines) and cut to a length that
   * identifies a client without letting a caller fill the log.
   */
  static String value(String value) {
    if (value == null) {
      return "-";
    }
    String shortened = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "..." : value;
    StringBuilder safe = new StringBuilder(shortened.length());
    shortened
        .codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .forEach(safe::appendCodePoint);
    return safe.toString();
  }
}
