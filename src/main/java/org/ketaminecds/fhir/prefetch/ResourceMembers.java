package org.ketaminecds.fhir.prefetch;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Where each top-level member of a scanned resource is in the request body, so that a copy of the
 * resource can keep only the members the facts read. A member runs from its name to the start of
 * the next one (or the closing brace), less the comma and spaces in between; this holds for any
 * JSON value, so values are never measured.
 */
final class ResourceMembers {

  private String[] names = new String[16];
  private int[] starts = new int[16];
  private int count;
  private int objectEnd;

  void add(String name, int start) {
    if (count == names.length) {
      names = Arrays.copyOf(names, count * 2);
      starts = Arrays.copyOf(starts, count * 2);
    }
    names[count] = name;
    starts[count] = start;
    count++;
  }

  /** The offset of the resource's closing brace. */
  void end(int closingBrace) {
    objectEnd = closingBrace;
  }

  /** Writes {@code {...}} with the members whose name {@code keep} accepts, in their order. */
  void writeKept(byte[] source, Predicate<String> keep, ByteArrayOutputStream to) {
    to.write('{');
    boolean first = true;
    for (int i = 0; i < count; i++) {
      if (keep.test(names[i])) {
        if (!first) {
          to.write(',');
        }
        first = false;
        int end = endOf(source, i);
        to.write(source, starts[i], end - starts[i]);
      }
    }
    to.write('}');
  }

  private int endOf(byte[] source, int member) {
    int end = member + 1 < count ? starts[member + 1] : objectEnd;
    end = skipSpaceBackwards(source, end);
    if (member + 1 < count && source[end - 1] == ',') {
      end = skipSpaceBackwards(source, end - 1);
    }
    return end;
  }

  /** {@code end} moved back over the JSON whitespace just before it. */
  static int skipSpaceBackwards(byte[] source, int end) {
    int at = end;
    while (at > 0 && isJsonSpace(source[at - 1])) {
      at--;
    }
    return at;
  }

  private static boolean isJsonSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
