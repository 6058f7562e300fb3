package org.ketaminecds.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.drools.model.Model;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Rules compiled at build time ({@link ReleasedRulesCompiler}), on the classpath under {@code
 * rules-compiled/}: the executable model's generated classes, one kjar per compiled unit (a DRL
 * package, see {@link RuleCompiler}). Compiling the released rules took most of the start-up (3 to
 * 20 s on two busy cores); loading them takes a second. A kjar is found by the content hash of its
 * DRL files and a fingerprint of the fact classes and of Drools, so that a kjar never meets other
 * DRL text, fact classes or Drools than those it was compiled from.
 *
 * <p>An instance belongs to one {@link RuleCompiler}. The service's is made by the start-up with
 * the released knowledge base already loaded ({@link #preloaded()}), on a thread of its own while
 * Spring starts, and handed to the compiler as a bean: no static field carries it.
 */
public final class PrecompiledRules {

  static final String FOLDER = "rules-compiled/";
  private static final String FACT_CLASSES = "classpath*:org/ketaminecds/facts/*.class";
  private static final String KJAR = ".kjar";

  private final String fingerprint;
  private Loaded released;

  private PrecompiledRules(String fingerprint, Loaded released) {
    this.fingerprint = fingerprint;
    this.released = released;
  }

  /** The released kjars' models (unit key to models) and the knowledge base made of them. */
  record Loaded(Map<String, List<Model>> models, KieBase kieBase) {}

  /** Kjars found as their packages are compiled; no knowledge base made ahead. */
  public static PrecompiledRules onDemand() {
    return new PrecompiledRules(computeFingerprint(), null);
  }

  /**
   * The released kjars made into a knowledge base now: slow (a second or more), so the start-up
   * calls it on a thread of its own while the rest of the service starts (terminology, FHIR model),
   * which on two cores takes the rules off the path to ready.
   */
  public static PrecompiledRules preloaded() {
    String fingerprint = computeFingerprint();
    Loaded loaded;
    try {
      loaded = loadReleased(fingerprint).orElse(null);
    } catch (RuntimeException e) {
      // The compiler then finds or compiles each package as it would without a preload.
      loaded = null;
    }
    return new PrecompiledRules(fingerprint, loaded);
  }

  /**
   * The preloaded knowledge base, once, when it is made of exactly these units; empty otherwise.
   */
  synchronized Optional<Loaded> takePreloaded(Collection<String> unitKeys) {
    Loaded loaded = released;
    if (loaded != null && loaded.models().keySet().equals(Set.copyOf(unitKeys))) {
      released = null;
      return Optional.of(loaded);
    }
    return Optional.empty();
  }

  private static Optional<Loaded> loadReleased(String fingerprint) {
    try {
      Resource[] kjars =
          new PathMatchingResourcePatternResolver(PrecompiledRules.class.getClassLoader())
              .getResources("classpath*:" + FOLDER + "*-" + fingerprint + KJAR);
      if (kjars.length == 0) {
        return Optional.empty();
      }
      var models = new TreeMap<String, List<Model>>();
      for (Resource kjar : kjars) {
        String name = String.valueOf(kjar.getFilename());
        String key = name.substring(0, name.length() - ("-" + fingerprint + KJAR).length());
        models.put(key, KieBuild.models(kjar.getContentAsByteArray()));
      }
      return Optional.of(new Loaded(models, KnowledgeBases.assemble(models.values())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The kjar of a compiled unit, when the build compiled it. */
  Optional<byte[]> find(String unitKey) {
    String path = FOLDER + fileName(unitKey);
    try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  String fileName(String unitKey) {
    return unitKey + "-" + fingerprint + KJAR;
  }

  /** First 12 hex digits of a SHA-256 over the fact classes' bytes and the Drools version. */
  private static String computeFingerprint() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          String.valueOf(KieServices.class.getPackage().getImplementationVersion())
              .getBytes(StandardCharsets.UTF_8));
      Resource[] classes =
          new PathMatchingResourcePatternResolver(PrecompiledRules.class.getClassLoader())
              .getResources(FACT_CLASSES);
      Arrays.sort(classes, Comparator.comparing(r -> String.valueOf(r.getFilename())));
      for (Resource resource : classes) {
        digest.update(String.valueOf(resource.getFilename()).getBytes(StandardCharsets.UTF_8));
        digest.update(resource.getContentAsByteArray());
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the fact classes", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
