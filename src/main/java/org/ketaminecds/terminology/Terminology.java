package org.ketaminecds.terminology;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The project's value sets and antidepressant ingredient map, loaded once at start-up from the
 * classpath folder {@code fhir-profiles/} into hash tables: every lookup is two map reads, returns
 * shared immutable objects and is safe from any thread.
 *
 * <p>Codings match on system and code exactly; only RxNorm's system aliases (OID, https) are
 * normalised to {@code http://www.nlm.nih.gov/research/umls/rxnorm}.
 */
@Component
public class Terminology {

  private static final Logger log = LoggerFactory.getLogger(Terminology.class);

  private final ValueSetIndex valueSets;
  private final IngredientIndex ingredients;

  public Terminology(FhirContext fhirContext) {
    long start = System.nanoTime();
    ProfileResources resources = new ProfileResources(fhirContext);
    this.valueSets = ValueSetIndex.of(resources.valueSets());
    this.ingredients = IngredientIndex.of(resources.antidepressantIngredientMap());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // counts only: codes could hint at what a patient has, so they are never logged
    log.info(
        "Terminology loaded: {} value sets, {} codes, {} antidepressant mappings in {} ms",
        valueSets.ids().size(),
        valueSets.codeCount(),
        ingredients.size(),
        millis);
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

  /** Ids of all loaded value sets. */
  public Set<String> valueSetIds() {
    return valueSets.ids();
  }

  /** Number of distinct codings (system + code) in at least one value set. */
  public int codeCount() {
    return valueSets.codeCount();
  }
}
