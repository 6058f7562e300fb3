package org.ketaminecds.web;

/**
 * A failure as it may be logged: the class names and stack frames of an exception and its causes,
 * without their messages. Messages of parsers and clients quote what they were reading, which in a
 * hook call is patient data.
 */
public final class StackTraceOnly extends RuntimeException {

  private static final int MAX_CAUSES = 10;

  private StackTraceOnly(Throwable original, int depth) {
    super(
        original.getClass().getName(),
        original.getCause() == null || depth >= MAX_CAUSES
            ? null
            : new StackTraceOnly(original.getCause(), depth + 1),
        false,
        true);
    setStackTrace(original.getStackTrace());
  }

  public static StackTraceOnly of(Throwable original) {
    return new StackTraceOnly(original, 0);
  }

  @Override
  public String toString() {
    // The original class name alone, as the first line of the logged stack trace.
    return getMessage();
  }
}
