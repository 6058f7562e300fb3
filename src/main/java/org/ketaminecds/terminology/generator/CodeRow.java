package org.ketaminecds.terminology.generator;

import java.util.List;

/** One row of a {@code system,code,display,source} code list. */
record CodeRow(String system, String code, String display, String source) {

  static final List<String> COLUMNS = List.of("system", "code", "display", "source");

  CodeRow {
    if (system.isEmpty() || code.isEmpty()) {
      throw new IllegalStateException("Code list row without system or code: " + display);
    }
  }

  /** All rows of a code list, UNVERIFIED ones included: callers decide what to leave out. */
  static List<CodeRow> readAll(String file, String text) {
    return CsvFile.read(file, text, COLUMNS).stream()
        .map(r -> new CodeRow(r.get("system"), r.get("code"), r.get("display"), r.get("source")))
        .toList();
  }

  /** Rows whose source starts with UNVERIFIED were never checked and stay out of every set. */
  boolean unverified() {
    return source.startsWith("UNVERIFIED");
  }
}
