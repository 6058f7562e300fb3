package org.ketaminecds.terminology;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's value sets and antidepressant ingredient map, as hash tables: every lookup is two
 * map reads, returns shared immutable objects and is safe from any thread.
 *
 * <p>The tables are built from the value-set catalogue and its code lists ({@code fhir-profiles/}),
 * at start-up from the jar's, and again whenever the rules folder's value sets change: they go live
 * with the rule set they were checked with ({@link #publish}). While a changed rule set is checked,
 * its scenarios see its own tables ({@link #using}), and hook calls the live ones.
 *
 * <p>Codings match as EHRs code them (contract rev. 2): a system's {@code urn:oid:} form and common
 * variants mean its FHIR URI, ICD-10-CM matches with or without the dot, NDC in its 10- or 11-digit
 * form with or without hyphens. Every form is indexed at start-up ({@link CodeSystems}), so a
 * lookup stays two map reads.
 *
 * <p>The service's instance is a bean of the start-up ({@code StartUpConfiguration}), made from the
 * tables it built on a thread of its own while Spring started.
 */
public class Terminology {

  private static final Logger log = LoggerFactory.getLogger(Terminology.class);

  private final ThreadLocal<TerminologyTables> checking = new ThreadLocal<>();
  private volatile TerminologyTables live;
  private volatile TerminologyTables lastBuilt;

  /** The value sets released in the jar, built now (tools and tests). */
  public Terminology() {
    this(TerminologyTables.released());
  }

  public Terminology(TerminologyTables tables) {
    this.live = tables;
    this.lastBuilt = tables;
    // counts only: codes could hint at what a patient has, so they are never logged
    log.info(
        "Terminology loaded: {} value sets, {} codes, {} antidepressant mappings in {} ms",
        tables.valueSetIds().size(),
        tables.codeCount(),
        tables.ingredients().size(),
        tables.millis());
  }

  /**
   * The tables of these terminology files: the live or last built ones when the files are the same
   * (most changes touch only rules), else built now.
   *
   * @throws IllegalStateException naming the file and what is wrong with it
   */
  public TerminologyTables tablesFor(Map<String, String> files) {
    String version = TerminologyTables.versionOf(files);
    TerminologyTables current = live;
    if (current.version().equals(version)) {
      return current;
    }
    TerminologyTables recent = lastBuilt;
    if (recent.version().equals(version)) {
      return recent;
    }
    TerminologyTables built = TerminologyTables.build(files);
    lastBuilt = built;
    return built;
  }

  /** Runs {@code work} on this thread with {@code tables} instead of the live ones. */
  public <T> T using(TerminologyTables tables, Supplier<T> work) {
    TerminologyTables before = checking.get();
    checking.set(tables);
    try {
      return work.get();
    } finally {
      if (before == null) {
        checking.remove();
      } else {
        checking.set(before);
      }
    }
  }

  /** Makes {@code tables} the live ones, for every call from now on. */
  public void publish(TerminologyTables tables) {
    if (tables != live) {
      live = tables;
      log.info(
          "Value sets {} are live: {} value sets, {} codes",
          tables.version(),
          tables.valueSetIds().size(),
          tables.codeCount());
    }
  }

  /** The tables hook calls use now. */
  public TerminologyTables live() {
    return live;
  }

  private TerminologyTables tables() {
    TerminologyTables candidate = checking.get();
    return candidate != null ? candidate : live;
  }

  /** Ids of the project's value sets that contain this coding; empty if none or if null. */
  public Set<String> valueSetsOf(String system, String code) {
    return tables().valueSets().valueSetsOf(system, code);
  }

  /** Whether value set {@code valueSetId} contains this coding; false for any null argument. */
  public boolean contains(String valueSetId, String system, String code) {
    return valueSetId != null
        && tables().valueSets().valueSetsOf(system, code).contains(valueSetId);
  }

  /**
   * The ingredient of an RxNorm antidepressant product or ingredient code, or of an ATC N06A
   * substance code. Products left out of {@code antidepressant-medication} (oral selegiline, Zyban)
   * still resolve, with {@link AntidepressantIngredient#notATrialReason()} saying why.
   */
  public Optional<AntidepressantIngredient> antidepressantIngredient(String system, String code) {
    return tables().ingredients().find(system, code);
  }

  /**
   * The strength of the antidepressant ingredient in an RxNorm product, from its RxNorm name (for a
   * dose charted as a count of tablets); empty for ingredients and names without one.
   */
  public Optional<ProductStrength> antidepressantStrength(String system, String code) {
    return tables().strengths().find(system, code);
  }

  /**
   * The antidepressant (or augmentation) ingredient of this name, e.g. {@code sertraline}, for a
   * statement that names its drug without a code of the lists.
   */
  public Optional<AntidepressantIngredient> antidepressantIngredientNamed(String name) {
    String code = tables().strengths().ingredientCode(name);
    return code == null ? Optional.empty() : tables().ingredients().find(CodeSystems.RXNORM, code);
  }

  /** The FHIR URI of a code system however the EHR spelled it (OID, https...); allocation-free. */
  public String canonicalSystem(String system) {
    return CodeSystems.canonical(system);
  }

  /** Ids of all loaded value sets. */
  public Set<String> valueSetIds() {
    return tables().valueSetIds();
  }

  /** Number of distinct codings (system + code) in at least one value set. */
  public int codeCount() {
    return tables().codeCount();
  }
}
