package org.ketaminecds.terminology;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The project's value sets and antidepressant ingredient map, loaded once at start-up from the
 * classpath folder {@code fhir-profiles/} into hash tables: every lookup is two map reads, returns
 * shared immutable objects and is safe from any thread.
 *
 * <p>Codings match as EHRs code them (contract rev. 2): a system's {@code urn:oid:} form and common
 * variants mean its FHIR URI, ICD-10-CM matches with or without the dot, NDC in its 10- or 11-digit
 * form with or without hyphens. Every form is indexed at start-up ({@link CodeSystems}), so a
 * lookup stays two map reads.
 */
@Component
public class Terminology {

  private static final Logger log = LoggerFactory.getLogger(Terminology.class);

  private final ValueSetIndex valueSets;
  private final IngredientIndex ingredients;

  public Terminology(FhirContext fhirContext) {
    Loaded loaded = takePreloaded(fhirContext).orElseGet(() -> load(fhirContext, false));
    this.valueSets = loaded.valueSets();
    this.ingredients = loaded.ingredients();
    // counts only: codes could hint at what a patient has, so they are never logged
    log.info(
        "Terminology loaded: {} value sets, {} codes, {} antidepressant mappings in {} ms{}",
        valueSets.ids().size(),
        valueSets.codeCount(),
        ingredients.size(),
        loaded.millis(),
        loaded.inBackground() ? ", beside the rest of the start-up" : "");
  }

  /** The indexes of one FhirContext's parse of {@code fhir-profiles/}. */
  private record Loaded(
      FhirContext fhirContext,
      ValueSetIndex valueSets,
      IngredientIndex ingredients,
      long millis,
      boolean inBackground) {}

  private static Loaded load(FhirContext fhirContext, boolean inBackground) {
    long start = System.nanoTime();
    ProfileResources resources = new ProfileResources(fhirContext);
    ValueSetIndex valueSets = ValueSetIndex.of(resources.valueSets());
    IngredientIndex ingredients = IngredientIndex.of(resources.antidepressantIngredientMap());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return new Loaded(fhirContext, valueSets, ingredients, millis, inBackground);
  }

  /**
   * Announces a {@link #preload}: the Terminology the service makes waits for it rather than
   * parsing the value sets a second time. Called on the main thread, before the preload starts.
   */
  public static void expectPreload() {
    preloading = new CompletableFuture<>();
  }

  /**
   * Parses the value sets into the indexes of the context {@code fhirContext} gives, on the calling
   * thread, for the Terminology that the service makes later with that context (issue 6: the main
   * thread is busy with Spring meanwhile). Always ends what {@link #expectPreload} announced.
   */
  public static void preload(Supplier<FhirContext> fhirContext) {
    CompletableFuture<Optional<Loaded>> future = preloading;
    try {
      future.complete(Optional.of(load(fhirContext.get(), true)));
    } catch (RuntimeException | Error e) {
      // The service's own load reports the problem, on the main thread.
      future.complete(Optional.empty());
      throw e;
    }
  }

  private static volatile CompletableFuture<Optional<Loaded>> preloading =
      CompletableFuture.completedFuture(Optional.empty());

  /** The preloaded indexes of this very context, once; empty when none were preloaded. */
  private static Optional<Loaded> takePreloaded(FhirContext fhirContext) {
    Optional<Loaded> loaded = preloading.join();
    if (loaded.isPresent() && loaded.get().fhirContext() == fhirContext) {
      preloading = CompletableFuture.completedFuture(Optional.empty());
      return loaded;
    }
    return Optional.empty();
  }

  /** Ids of the project's value sets that contain this coding; empty if none or if null. */
  public Set<String> valueSetsOf(String system, String code) {
    return valueSets.valueSetsOf(system, code);
  }

  /** Whether value set {@code valueSetId} contains this coding; false for any null argument. */
  public boolean contains(String valueSetId, String system, String code) {
    return valueSetId != null && valueSets.valueSetsOf(system, code).contains(valueSetId);
  }

  /**
   * The ingredient of an RxNorm antidepressant product or ingredient code, or of an ATC N06A
   * substance code. Products left out of {@code antidepressant-medication} (oral selegiline, Zyban)
   * still resolve, with {@link AntidepressantIngredient#notATrialReason()} saying why.
   */
  public Optional<AntidepressantIngredient> antidepressantIngredient(String system, String code) {
    return ingredients.find(system, code);
  }

  /** The FHIR URI of a code system however the EHR spelled it (OID, https...); allocation-free. */
  public String canonicalSystem(String system) {
    return CodeSystems.canonical(system);
  }

  /** Ids of all loaded value sets. */
  public Set<String> valueSetIds() {
    return valueSets.ids();
  }

  /** Number of distinct codings (system + code) in at least one value set. */
  public int codeCount() {
    return valueSets.codeCount();
  }
}
