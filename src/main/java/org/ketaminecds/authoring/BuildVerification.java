package org.ketaminecds.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.ketaminecds.rules.RuleSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The proof, written by the build ({@link ReleasedRulesVerifier}), that one exact rules folder
 * passed its check: it compiled and every scenario gave the cards it expects. It names the folder
 * by {@link RuleSource#version()} (a hash of every rule file: DRL, cards, parameters, scenarios)
 * and the code it was checked with by {@link #currentCodeFingerprint()} (the application's classes,
 * the value sets of {@code fhir-profiles/}, and the libraries the decision path runs on). At
 * start-up a folder that matches both need not run its scenarios again (issue 6: they were a
 * quarter of the start-up); anything else, one changed byte included, is checked in full.
 *
 * @param rulesVersion the {@link RuleSource#version()} of the checked folder
 * @param codeFingerprint {@link #currentCodeFingerprint()} of the build that checked it
 * @param scenarios every scenario that passed, name to title, in name order
 * @param warmUp the scenarios the service still runs at start-up, a few that cover each hook and
 *     together expect every card topic of the folder: they load and compile the decision path
 *     (facts, rules, cards) before the first call, and re-check a sample
 */
record BuildVerification(
    String rulesVersion,
    String codeFingerprint,
    Map<String, String> scenarios,
    List<String> warmUp) {

  /** Where the build puts the stamp, beside the precompiled rules, in the classes folder. */
  static final String FILE = "rules-compiled/verified.properties";

  /** The libraries whose behaviour decides what a scenario's chart gives (by a class of each). */
  private static final List<String> DECISION_LIBRARIES =
      List.of(
          "org.kie.api.KieServices",
          "org.drools.core.impl.RuleBaseFactory",
          "org.drools.base.definitions.rule.impl.RuleImpl",
          "org.drools.model.Model",
          "org.drools.modelcompiler.CanonicalKieModule",
          "org.drools.kiesession.session.StatefulKnowledgeSessionImpl",
          "ca.uhn.fhir.context.FhirContext",
          "org.hl7.fhir.r4.model.Resource",
          "org.hl7.fhir.utilities.Utilities",
          "com.fasterxml.jackson.databind.ObjectMapper",
          "tools.jackson.databind.ObjectMapper",
          "org.yaml.snakeyaml.Yaml");

  BuildVerification {
    scenarios = new TreeMap<>(scenarios);
    warmUp = List.copyOf(warmUp);
  }

  /**
   * Whether this stamp proves {@code source} checked with the running code, whose {@link
   * #currentCodeFingerprint()} is {@code runningCode}.
   */
  boolean covers(RuleSource source, String runningCode) {
    return rulesVersion.equals(source.version()) && codeFingerprint.equals(runningCode);
  }

  /** The stamp the build left in the classes folder, if it verified the released rules. */
  static Optional<BuildVerification> released() {
    try (InputStream in = BuildVerification.class.getClassLoader().getResourceAsStream(FILE)) {
      return in == null
          ? Optional.empty()
          : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      // An unreadable stamp proves nothing: the folder is checked in full.
      return Optional.empty();
    }
  }

  static BuildVerification parse(String text) {
    var properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var scenarios = new LinkedHashMap<String, String>();
    properties.stringPropertyNames().stream()
        .filter(key -> key.startsWith("scenario."))
        .forEach(key -> scenarios.put(key.substring(9), properties.getProperty(key)));
    String warmUp = properties.getProperty("warm-up", "");
    return new BuildVerification(
        required(properties, "rules-version"),
        required(properties, "code-fingerprint"),
        scenarios,
        warmUp.isEmpty() ? List.of() : List.of(warmUp.split(",")));
  }

  String format() {
    var properties = new Properties();
    properties.setProperty("rules-version", rulesVersion);
    properties.setProperty("code-fingerprint", codeFingerprint);
    properties.setProperty("warm-up", String.join(",", warmUp));
    scenarios.forEach((name, title) -> properties.setProperty("scenario." + name, title));
    var out = new StringWriter();
    try {
      properties.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Sorted, without the date comment that store writes: the same check gives the same file.
    var lines = new ArrayList<>(List.of(out.toString().split("\\R")));
    lines.removeIf(line -> line.isEmpty() || line.startsWith("#"));
    lines.sort(null);
    return "# Scenarios of the released rules, checked by the build\n"
        + String.join("\n", lines)
        + "\n";
  }

  void write(Path classesFolder) throws IOException {
    Path file = classesFolder.resolve(FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, format(), StandardCharsets.UTF_8);
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the stamp has no " + key);
    }
    return value;
  }

  /**
   * First 16 hex digits of a SHA-256 over the application's classes and {@code fhir-profiles/}
   * (both from the classpath root that holds this class: {@code target/classes}, or the jar's
   * {@code BOOT-INF/classes}; test classes never count) and the file names, with versions, of the
   * jars of {@link #DECISION_LIBRARIES}. Computed anew on every call (it reads every class of the
   * application): the service computes it once at start-up, in its {@link ReleaseStamp}.
   */
  static String currentCodeFingerprint() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      String root = classpathRoot();
      var resolver =
          new PathMatchingResourcePatternResolver(BuildVerification.class.getClassLoader());
      var files = new ArrayList<Resource>();
      files.addAll(Arrays.asList(resolver.getResources(root + "org/ketaminecds/**/*.class")));
      files.addAll(Arrays.asList(resolver.getResources(root + "fhir-profiles/**/*.*")));
      files.sort(Comparator.comparing(file -> pathBelowRoot(file, root)));
      for (Resource file : files) {
        digest.update(pathBelowRoot(file, root).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(file.getContentAsByteArray());
        digest.update((byte) 0);
      }
      for (String className : DECISION_LIBRARIES) {
        digest.update(jarOf(className).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the application's classes", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The classpath root (a folder or a jar entry) this class was loaded from, ending in "/". */
  private static String classpathRoot() {
    String self = BuildVerification.class.getName().replace('.', '/') + ".class";
    URL url = BuildVerification.class.getClassLoader().getResource(self);
    if (url == null) {
      throw new IllegalStateException("Cannot find " + self);
    }
    String text = url.toString();
    return text.substring(0, text.length() - self.length());
  }

  /** The resource's path below the classpath root, the same in a classes folder and a jar. */
  private static String pathBelowRoot(Resource resource, String root) {
    try {
      String url = resource.getURL().toString();
      if (url.startsWith(root)) {
        return url.substring(root.length());
      }
      int at = url.lastIndexOf("/org/ketaminecds/");
      return url.substring((at >= 0 ? at : url.lastIndexOf("/fhir-profiles/")) + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name of the jar holding the class: its artifact and version. */
  private static String jarOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, BuildVerification.class.getClassLoader());
      var source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return className + "@unknown";
      }
      String location = source.getLocation().toString();
      while (location.endsWith("/") || location.endsWith("!")) {
        location = location.substring(0, location.length() - 1);
      }
      return location.substring(location.lastIndexOf('/') + 1);
    } catch (ClassNotFoundException e) {
      return className + "@missing";
    }
  }
}
