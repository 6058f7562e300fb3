package org.ketaminecds.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds the first bracket or quote of a rule that does not pair up: a quote not closed on its line,
 * a closing bracket that closes nothing or the wrong bracket, or an opening bracket never closed.
 * Comments and quoted text are skipped. This is where the author has to look; the DRL parser only
 * notices later, at the token that no longer fits.
 */
final class BracketScan {

  private static final String OPENERS = "([{";
  private static final String CLOSERS = ")]}";

  private BracketScan() {}

  /** What does not pair up, at its 1-based line and column. */
  record Found(int line, int column, String message) {
    RuleProblem problem(String file) {
      return new RuleProblem(file, line, column, message);
    }
  }

  private record Open(char bracket, int line, int column) {}

  /** Scans lines {@code first} (inclusive) to {@code last} (exclusive), 0-based. */
  static Optional<Found> of(String[] lines, int first, int last) {
    Deque<Open> open = new ArrayDeque<>();
    boolean inBlockComment = false;
    for (int l = first; l < last && l < lines.length; l++) {
      String line = lines[l];
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (inBlockComment) {
          if (line.startsWith("*/", c)) {
            inBlockComment = false;
            c++;
          }
        } else if (line.startsWith("//", c)) {
          break;
        } else if (line.startsWith("/*", c)) {
          inBlockComment = true;
          c++;
        } else if (ch == '"' || ch == '\'') {
          int close = closingQuote(line, c);
          if (close < 0) {
            return Optional.of(
                new Found(
                    l + 1,
                    c + 1,
                    "the text in quotes that starts here is not closed on its line: a "
                        + ch
                        + " is missing"));
          }
          c = close;
        } else if (OPENERS.indexOf(ch) >= 0) {
          open.push(new Open(ch, l + 1, c + 1));
        } else if (CLOSERS.indexOf(ch) >= 0) {
          char expected = OPENERS.charAt(CLOSERS.indexOf(ch));
          if (open.isEmpty()) {
            return Optional.of(
                new Found(
                    l + 1,
                    c + 1,
                    "this '"
                        + ch
                        + "' closes nothing: a '"
                        + expected
                        + "' is missing before it, or it is one too many"));
          }
          Open top = open.pop();
          if (top.bracket() != expected) {
            char needed = CLOSERS.charAt(OPENERS.indexOf(top.bracket()));
            return Optional.of(
                new Found(
                    l + 1,
                    c + 1,
                    "this '"
                        + ch
                        + "' does not close the '"
                        + top.bracket()
                        + "' opened "
                        + (top.line() == l + 1
                            ? "at column " + top.column()
                            : "on line " + top.line())
                        + ": a '"
                        + needed
                        + "' is missing before it"));
          }
        }
      }
    }
    if (open.isEmpty()) {
      return Optional.empty();
    }
    Open unclosed = open.peek();
    char needed = CLOSERS.charAt(OPENERS.indexOf(unclosed.bracket()));
    return Optional.of(
        new Found(
            unclosed.line(),
            unclosed.column(),
            "the '"
                + unclosed.bracket()
                + "' opened here is never closed: a '"
                + needed
                + "' is missing"));
  }

  /** The index of the quote closing the one at {@code start}, or -1 when the line ends first. */
  private static int closingQuote(String line, int start) {
    char quote = line.charAt(start);
    for (int i = start + 1; i < line.length(); i++) {
      if (line.charAt(i) == '\\') {
        i++;
      } else if (line.charAt(i) == quote) {
        return i;
      }
    }
    return -1;
  }
}
