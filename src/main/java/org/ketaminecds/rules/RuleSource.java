package org.ketaminecds.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The text of a rules folder: DRL files, card files and the parameters, by path relative to the
 * folder ("/"-separated), and the value sets they use: the catalogue and code lists of the
 * terminology folder, under {@value #TERMINOLOGY} (none when the service's own are meant). Its
 * version is a content hash, so that a card can be traced to the exact rules and value sets that
 * produced it.
 */
public record RuleSource(String origin, SortedMap<String, String> files) {

  /** Where the terminology folder's files are kept among the rule files. */
  public static final String TERMINOLOGY = "fhir-profiles/";

  private static final String SCENARIOS = "scenarios/";
  private static final String JSON = ".json";

  public RuleSource {
    files = new TreeMap<>(files);
  }

  public Map<String, String> filesEndingWith(String suffix) {
    var matching = new TreeMap<String, String>();
    files.forEach(
        (path, text) -> {
          if (path.endsWith(suffix)) {
            matching.put(path, text);
          }
        });
    return matching;
  }

  /** The scenarios ({@code scenarios/*.json}): name (the file name without .json) to JSON text. */
  public SortedMap<String, String> scenarios() {
    var scenarios = new TreeMap<String, String>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith(SCENARIOS) && path.endsWith(JSON)) {
            scenarios.put(path.substring(SCENARIOS.length(), path.length() - JSON.length()), text);
          }
        });
    return scenarios;
  }

  /**
   * The files of the terminology folder ({@code value-sets.yaml}, {@code code-lists/*.csv}) by path
   * relative to it; empty when the source brings none.
   */
  public SortedMap<String, String> terminologyFiles() {
    var terminology = new TreeMap<String, String>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith(TERMINOLOGY)) {
            terminology.put(path.substring(TERMINOLOGY.length()), text);
          }
        });
    return terminology;
  }

  /** First 12 hex digits of a SHA-256 over every path and text, in path order. */
  public String version() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      files.forEach(
          (path, text) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
          });
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
