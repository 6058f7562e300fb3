package org.ketaminecds.rules;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts DRL files by the package they declare: the unit {@link RuleCompiler} compiles and keeps.
 * Rules of one package may share functions, imports, globals and declared types, so the files of a
 * package are always compiled together; different packages usually share nothing.
 *
 * <p>The package is read with a pattern, not the DRL parser, so it may be wrong for a file written
 * to mislead it (a package statement inside a block comment the pattern misses). That costs nothing
 * but time: the compiler checks that each group compiled to exactly the package it was named after,
 * and compiles all files together when not.
 */
final class DrlPackages {

  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*)");

  /** The name Drools gives the rules of a file without a package statement. */
  static final String DEFAULT_PACKAGE = "defaultpkg";

  private DrlPackages() {}

  /** Package name to the files (path to text) that declare it, both in name order. */
  static SortedMap<String, SortedMap<String, String>> of(Map<String, String> drlFiles) {
    var packages = new TreeMap<String, SortedMap<String, String>>();
    drlFiles.forEach(
        (path, text) ->
            packages.computeIfAbsent(packageOf(text), name -> new TreeMap<>()).put(path, text));
    return packages;
  }

  static String packageOf(String drl) {
    String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(drl).replaceAll(" ")).replaceAll("");
    for (String line : code.split("\n")) {
      Matcher onLine = PACKAGE.matcher(line);
      if (onLine.find()) {
        return onLine.group(1).replaceAll("\\s", "");
      }
      if (!line.isBlank()) {
        break; // the package statement, when there is one, comes first
      }
    }
    return DEFAULT_PACKAGE;
  }
}
