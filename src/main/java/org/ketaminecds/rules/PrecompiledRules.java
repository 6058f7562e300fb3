package org.ketaminecds.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
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
 */
final class PrecompiledRules {

  static final String FOLDER = "rules-compiled/";
  private static final String FACT_CLASSES = "classpath*:org/ketaminecds/facts/*.class";
  private static final String KJAR = ".kjar";

  private static volatile String fingerprint;
  private static volatile CompletableFuture<Optional<Loaded>> preloading =
      CompletableFuture.completedFuture(Optional.empty());

  private PrecompiledRules() {}

  /** The released kjars' models (unit key to models) and the knowledge base made of them. */
  record Loaded(Map<String, List<Model>> models, KieBase kieBase) {}

  /**
   * Starts making the released kjars into a knowledge base on a thread of its own, while the rest
   * of the service starts (terminology, FHIR model): on two cores that takes the rules off the path
   * to ready. {@link #takePreloaded} hands it over.
   */
  static void preloadInBackground() {
    var future = new CompletableFuture<Optional<Loaded>>();
    preloading = future;
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(loadReleased());
              } catch (RuntimeException e) {
                future.complete(Optional.empty());
              }
            },
            "rules-preload");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The preloaded knowledge base, once, when it is made of exactly these units; empty otherwise.
   */
  static Optional<Loaded> takePreloaded(Collection<String> unitKeys) {
    Optional<Loaded> loaded = preloading.join();
    if (loaded.isPresent() && loaded.get().models().keySet().equals(Set.copyOf(unitKeys))) {
      preloading = CompletableFuture.completedFuture(Optional.empty());
      return loaded;
    }
    return Optional.empty();
  }

  private static Optional<Loaded> loadReleased() {
    try {
      Resource[] kjars =
          new PathMatchingResourcePatternResolver(PrecompiledRules.class.getClassLoader())
              .getResources("classpath*:" + FOLDER + "*-" + fingerprint() + KJAR);
      if (kjars.length == 0) {
        return Optional.empty();
      }
      var models = new TreeMap<String, List<Model>>();
      var units = new ArrayList<RuleCompiler.Unit>();
      for (Resource kjar : kjars) {
        String name = String.valueOf(kjar.getFilename());
        String key = name.substring(0, name.length() - ("-" + fingerprint() + KJAR).length());
        List<Model> unit = RuleCompiler.models(kjar.getContentAsByteArray());
        models.put(key, unit);
        units.add(new RuleCompiler.Unit(key, unit, 1));
      }
      return Optional.of(new Loaded(models, RuleCompiler.assemble(units)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The kjar of a compiled unit, when the build compiled it. */
  static Optional<byte[]> find(String unitKey) {
    String path = FOLDER + fileName(unitKey);
    try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String fileName(String unitKey) {
    return unitKey + "-" + fingerprint() + KJAR;
  }

  /** First 12 hex digits of a SHA-256 over the fact classes' bytes and the Drools version. */
  static String fingerprint() {
    String known = fingerprint;
    if (known != null) {
      return known;
    }
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
      known = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
      fingerprint = known;
      return known;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the fact classes", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
