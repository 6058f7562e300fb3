package org.ketaminecds.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Rules compiled at build time ({@link ReleasedRulesCompiler}), on the classpath under {@code
 * rules-compiled/}: the executable model's generated classes, packed as a kjar. Compiling the
 * released rules took most of the start-up (3 to 20 s on two busy cores); loading them takes a
 * second. A kjar is found by the content hash of the DRL files and a fingerprint of the fact
 * classes and of Drools, so that a kjar never meets other DRL text, fact classes or Drools than
 * those it was compiled from.
 */
final class PrecompiledRules {

  static final String FOLDER = "rules-compiled/";
  private static final String FACT_CLASSES = "classpath*:org/ketaminecds/facts/*.class";

  private static volatile String fingerprint;
  private static volatile CompletableFuture<Optional<Loaded>> preloading =
      CompletableFuture.completedFuture(Optional.empty());

  private PrecompiledRules() {}

  /** A kjar made into a knowledge base ahead of need. */
  record Loaded(ReleaseId releaseId, KieBase kieBase) {}

  /**
   * Starts making the released kjar into a knowledge base on a thread of its own, while the rest of
   * the service starts (terminology, FHIR model): on two cores that takes the rules off the path to
   * ready. {@link #takePreloaded} hands it over.
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

  /** The preloaded knowledge base of this module, once; empty when none was preloaded. */
  static Optional<KieBase> takePreloaded(ReleaseId releaseId) {
    Optional<Loaded> loaded = preloading.join();
    if (loaded.isPresent() && loaded.get().releaseId().equals(releaseId)) {
      preloading = CompletableFuture.completedFuture(Optional.empty());
      return Optional.of(loaded.get().kieBase());
    }
    return Optional.empty();
  }

  private static Optional<Loaded> loadReleased() {
    try {
      Resource[] kjars =
          new PathMatchingResourcePatternResolver(PrecompiledRules.class.getClassLoader())
              .getResources("classpath*:" + FOLDER + "*-" + fingerprint() + ".kjar");
      if (kjars.length != 1) {
        return Optional.empty();
      }
      KieServices kie = KieServices.Factory.get();
      KieModule module =
          kie.getRepository()
              .addKieModule(
                  kie.getResources().newByteArrayResource(kjars[0].getContentAsByteArray()));
      ReleaseId releaseId = module.getReleaseId();
      return Optional.of(
          new Loaded(
              releaseId,
              kie.newKieContainer(releaseId).newKieBase(RuleCompiler.kieBaseConfiguration(kie))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The kjar of these DRL files, when the build compiled them. */
  static Optional<byte[]> find(String drlVersion) {
    String path = FOLDER + fileName(drlVersion);
    try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String fileName(String drlVersion) {
    return drlVersion + "-" + fingerprint() + ".kjar";
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
