package org.ketaminecds.terminology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.ketaminecds.terminology.generator.TerminologyFiles;

/**
 * The lookup tables of one version of the value sets and the antidepressant ingredient map, built
 * from a catalogue and its code lists. Immutable and shared: every lookup is two map reads.
 */
public final class TerminologyTables {

  private final String version;
  private final ValueSetIndex valueSets;
  private final IngredientIndex ingredients;
  private final ProductStrengths strengths;
  private final long millis;

  private TerminologyTables(
      String version,
      ValueSetIndex valueSets,
      IngredientIndex ingredients,
      ProductStrengths strengths,
      long millis) {
    this.version = version;
    this.valueSets = valueSets;
    this.ingredients = ingredients;
    this.strengths = strengths;
    this.millis = millis;
  }

  /**
   * The tables of these terminology files ({@code value-sets.yaml}, {@code code-lists/*.csv}).
   *
   * @throws IllegalStateException naming the file and what is wrong with it
   */
  public static TerminologyTables build(Map<String, String> files) {
    long started = System.nanoTime();
    TerminologyFiles.Members members = TerminologyFiles.members(files);
    return new TerminologyTables(
        versionOf(files),
        ValueSetIndex.ofMembers(members.valueSets()),
        IngredientIndex.of(members.conceptMap()),
        ProductStrengths.of(members.conceptMap()),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** The tables of the value sets released in the jar. */
  public static TerminologyTables released() {
    return build(TerminologyFiles.readClasspath());
  }

  /** A content hash of the files, to tell whether a change touched the value sets. */
  static String versionOf(Map<String, String> files) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      SortedMap<String, String> sorted = new TreeMap<>(files);
      sorted.forEach(
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

  public String version() {
    return version;
  }

  /** Ids of the value sets, e.g. {@code dementia}: what a rule may name as a category. */
  public java.util.Set<String> valueSetIds() {
    return valueSets.ids();
  }

  public int codeCount() {
    return valueSets.codeCount();
  }

  long millis() {
    return millis;
  }

  ValueSetIndex valueSets() {
    return valueSets;
  }

  IngredientIndex ingredients() {
    return ingredients;
  }

  ProductStrengths strengths() {
    return strengths;
  }
}
