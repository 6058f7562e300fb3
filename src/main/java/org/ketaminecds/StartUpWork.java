package org.ketaminecds;

import ca.uhn.fhir.context.FhirContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.ketaminecds.authoring.ReleaseStamp;
import org.ketaminecds.fhir.ModelWarmUp;
import org.ketaminecds.rules.PrecompiledRules;
import org.ketaminecds.terminology.TerminologyTables;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up work that needs nothing from Spring, begun on two threads of its own as soon as
 * Spring Boot prepares the application context (issue 6): one makes the released rules into a
 * knowledge base ({@link PrecompiledRules#preloaded()}), the other builds the value sets, scans the
 * FHIR model and reads the build's stamp with the running code's fingerprint. Spring's own start is
 * one thread of class loading and parsing; this keeps the second core busy meanwhile.
 *
 * <p>The work is handed over as a bean, never through a static field: {@link Begin} (named in
 * {@code META-INF/spring.factories}, so the service and every test context get it) registers this
 * object in the context, and {@link StartUpConfiguration} makes the beans that need its results
 * from it; a bean that needs a result before it is ready waits for it. The FHIR model is scanned in
 * HAPI's shared R4 context ({@code FhirContext.forR4Cached()}), which is the service's FhirContext
 * bean ({@code fhir.FhirConfiguration}): HAPI's own cache, not a field of ours.
 *
 * <p>Why not Spring's background bean bootstrap ({@code @Bean(bootstrap = BACKGROUND)}) for this:
 * it begins only when Spring pre-instantiates the singletons, after the web server and its filters
 * are made (several seconds into the start on a fat jar), whereas this begins before Spring reads
 * the configuration classes. The one step that must wait for Spring, publishing the rules, does run
 * in Spring's background bootstrap ({@code AuthoringConfiguration}).
 */
public final class StartUpWork {

  private final CompletableFuture<PrecompiledRules> rules;
  private final CompletableFuture<TerminologyTables> valueSets;
  private final CompletableFuture<ReleaseStamp> stamp;

  private StartUpWork() {
    rules = new CompletableFuture<>();
    valueSets = new CompletableFuture<>();
    stamp = new CompletableFuture<>();
  }

  /** Begins the work on two daemon threads and returns at once. */
  static StartUpWork begin() {
    var work = new StartUpWork();
    start("rules-preload", () -> complete(work.rules, PrecompiledRules::preloaded));
    start(
        "start-up-preload",
        () -> {
          complete(work.valueSets, TerminologyTables::released);
          try {
            ModelWarmUp.scan(FhirContext.forR4Cached());
          } catch (RuntimeException e) {
            // The FHIR beans scan the model again, on the main thread, and report what fails.
          }
          complete(work.stamp, ReleaseStamp::read);
        });
    return work;
  }

  /** The precompiled rules with the released knowledge base, waiting for it. */
  PrecompiledRules precompiledRules() {
    return rules.join();
  }

  /**
   * The value sets released in the jar, waiting for them; built again on the calling thread when
   * the build failed, so that the failure is reported where the service starts.
   */
  TerminologyTables valueSets() {
    try {
      return valueSets.join();
    } catch (CompletionException e) {
      return TerminologyTables.released();
    }
  }

  /** The build's stamp and the running code's fingerprint, waiting for them. */
  ReleaseStamp stamp() {
    try {
      return stamp.join();
    } catch (CompletionException e) {
      return ReleaseStamp.read();
    }
  }

  private static <T> void complete(CompletableFuture<T> future, Supplier<T> work) {
    try {
      future.complete(work.get());
    } catch (RuntimeException | Error e) {
      future.completeExceptionally(e);
    }
  }

  private static void start(String name, Runnable work) {
    // A new thread inherits the caller's context class loader: in the fat jar, the one that sees
    // the nested jars (Drools looks classes up through it).
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Begins the work for each application context Spring Boot prepares, before its configuration is
   * read, and registers it as the bean {@code startUpWork}.
   */
  public static final class Begin
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getBeanFactory().registerSingleton("startUpWork", StartUpWork.begin());
    }
  }
}
