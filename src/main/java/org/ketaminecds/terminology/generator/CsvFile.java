package org.ketaminecds.terminology.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an RFC 4180 CSV file (quoted fields, doubled quotes, CRLF or LF line ends) into rows keyed
 * by the header. Small enough that the project needs no CSV library for four columns.
 */
final class CsvFile {

  private CsvFile() {}

  /** Every data row, in file order; fails when the header is not exactly {@code columns}. */
  static List<Map<String, String>> read(Path file, List<String> columns) {
    return read(file.toString(), text(file), columns);
  }

  /** The same, from the text of a file named {@code file} (for messages). */
  static List<Map<String, String>> read(String file, String content, List<String> columns) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    List<List<String>> records = parse(text);
    if (records.isEmpty() || !records.get(0).equals(columns)) {
      throw new IllegalStateException(
          file
              + ": expected header "
              + columns
              + " but found "
              + (records.isEmpty() ? "an empty file" : records.get(0)));
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> fields = records.get(i);
      if (fields.size() != columns.size()) {
        throw new IllegalStateException(
            file
                + ": record "
                + (i + 1)
                + " has "
                + fields.size()
                + " fields, expected "
                + columns.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        row.put(columns.get(c), fields.get(c).strip());
      }
      rows.add(row);
    }
    return rows;
  }

  private static String text(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read code list " + file, e);
    }
  }

  private static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRecord(records, record, field);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
      i++;
    }
    endRecord(records, record, field);
    return records;
  }

  private static void endRecord(
      List<List<String>> records, List<String> record, StringBuilder field) {
    record.add(field.toString());
    field.setLength(0);
    boolean blankLine = record.size() == 1 && record.get(0).isBlank();
    if (!blankLine) {
      records.add(record);
    }
  }
}
