package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.drools.model.Model;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled DRL packages of one {@link RuleCompiler}, kept by the hash of their files while a
 * rule set uses them, and the knowledge bases assembled from them. A DRL change therefore compiles
 * its own package only; the released packages come compiled with the build ({@link
 * PrecompiledRules}).
 *
 * <p>Ownership without counting: every knowledge base handed out is remembered with the units it
 * was assembled from until its rule set is {@link #release released}; a unit stays while some
 * remembered knowledge base was made of it, and whatever none was made of is dropped at once (with
 * it its generated classes), including what a failed or superseded attempt compiled.
 *
 * <p>Packages that do not compile on their own (one uses another's function or declared type) or do
 * not go together in one knowledge base are compiled together in one unit, as Drools would compile
 * the folder; its errors are the ones reported.
 */
final class CompiledPackages {

  private static final Logger log = LoggerFactory.getLogger(CompiledPackages.class);

  static final String PACKAGE_UNIT = "package-";
  static final String WHOLE_UNIT = "all-";

  private final PrecompiledRules precompiled;

  /** Compiled units by key: the models of a DRL package, or of all packages together. */
  private final Map<String, List<Model>> units = new HashMap<>();

  /** The knowledge bases handed out and not released, with the keys of their units. */
  private final Map<KieBase, List<String>> holders = new IdentityHashMap<>();

  CompiledPackages(PrecompiledRules precompiled) {
    this.precompiled = precompiled;
  }

  /** The keys of units and the knowledge base assembled from them, held until released. */
  record Compiled(List<String> unitKeys, KieBase kieBase) {}

  /**
   * The knowledge base of these DRL files, assembled from kept, precompiled or newly compiled
   * units; held until {@link #release} of its knowledge base.
   *
   * @throws InvalidRuleSetException when the DRL does not compile
   */
  synchronized Compiled acquire(Map<String, String> drl) {
    try {
      Compiled compiled = assembleOrCompile(drl);
      holders.put(compiled.kieBase(), compiled.unitKeys());
      return compiled;
    } finally {
      dropUnheld();
    }
  }

  /** Forgets a knowledge base: the units only it was made of go. */
  synchronized void release(KieBase kieBase) {
    if (holders.remove(kieBase) != null) {
      dropUnheld();
    }
  }

  /** The keys of the units kept. */
  synchronized Set<String> unitsInUse() {
    return Set.copyOf(units.keySet());
  }

  private void dropUnheld() {
    var held = new HashSet<String>();
    holders.values().forEach(held::addAll);
    units.keySet().retainAll(held);
  }

  private Compiled assembleOrCompile(Map<String, String> drl) {
    long started = System.nanoTime();
    SortedMap<String, SortedMap<String, String>> packages = DrlPackages.of(drl);
    var keys = new ArrayList<String>();
    packages.values().forEach(files -> keys.add(PACKAGE_UNIT + RuleCompiler.hash(files)));
    if (keys.stream().noneMatch(units::containsKey)) {
      var preloaded = precompiled.takePreloaded(keys);
      if (preloaded.isPresent()) {
        units.putAll(preloaded.get().models());
        return new Compiled(keys, preloaded.get().kieBase());
      }
    }
    var acquired = new ArrayList<List<Model>>();
    var compiledNow = new ArrayList<String>();
    boolean separately = true;
    for (var pkg : packages.entrySet()) {
      String key = keys.get(acquired.size());
      Optional<List<Model>> unit = packageUnit(pkg.getKey(), pkg.getValue(), key, compiledNow);
      if (unit.isEmpty()) {
        log.info(
            "The DRL package {} does not compile on its own; compiling all packages as one",
            pkg.getKey());
        separately = false;
        break;
      }
      acquired.add(unit.get());
    }
    if (separately) {
      try {
        KieBase kieBase = KnowledgeBases.assemble(acquired);
        log.info(
            "Compiled {} of {} DRL package(s) {} in {} ms; the others were compiled before",
            compiledNow.size(),
            packages.size(),
            compiledNow,
            (System.nanoTime() - started) / 1_000_000);
        return new Compiled(keys, kieBase);
      } catch (RuntimeException e) {
        log.info(
            "The DRL packages do not go together in one knowledge base; compiling them as one");
      }
    }
    String key = WHOLE_UNIT + RuleCompiler.hash(drl);
    List<Model> whole = units.get(key);
    if (whole == null) {
      whole = KieBuild.buildOrThrow(drl, key).models();
      units.put(key, whole);
    }
    try {
      return new Compiled(List.of(key), KnowledgeBases.assemble(List.of(whole)));
    } catch (RuntimeException e) {
      throw new InvalidRuleSetException(
          List.of(new RuleProblem("(rules)", 0, 0, String.valueOf(e.getMessage()))));
    }
  }

  /**
   * The compiled unit of one DRL package: the one a rule set already uses, the one the build
   * compiled, or a new compilation; empty when the package does not compile on its own or is not
   * exactly the package it was taken for.
   */
  private Optional<List<Model>> packageUnit(
      String name, Map<String, String> files, String key, List<String> compiledNow) {
    List<Model> known = units.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    List<Model> models =
        precompiled
            .find(key)
            .map(KieBuild::models)
            .orElseGet(
                () -> {
                  compiledNow.add(name);
                  KieBuild.Built built = KieBuild.build(files, key);
                  return built.compiled() ? built.models() : List.of();
                });
    if (!isExactly(name, models)) {
      return Optional.empty();
    }
    units.put(key, models);
    return Optional.of(models);
  }

  static boolean isExactly(String packageName, List<Model> models) {
    return models.size() == 1 && models.get(0).getPackageName().equals(packageName);
  }
}
