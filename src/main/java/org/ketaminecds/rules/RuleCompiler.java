package org.ketaminecds.rules;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compiles a rules folder into a {@link RuleSet}: the folder is checked first ({@link
 * RuleSetValidation}: parameters, cards, topics), its DRL compiled with Drools' executable model
 * ({@link KieBuild}), and the compiled packages kept while a rule set uses them ({@link
 * CompiledPackages}). All problems of the folder are collected and reported together, by file and
 * line, in an {@link InvalidRuleSetException}.
 *
 * <p>Compiling is the slow part (the executable model generates Java for every rule and compiles
 * it), so it is done as rarely as possible. The unit of compilation is a DRL package ({@link
 * DrlPackages}): a change in one DRL file compiles that file's package only, and a change of
 * parameters, cards or scenarios compiles nothing. The released rules come compiled with the build
 * ({@link PrecompiledRules}), package by package too.
 */
public final class RuleCompiler {

  /** Sessions a pool keeps ready: one per core is enough, and it grows under load. */
  private static final int SESSIONS_KEPT = Runtime.getRuntime().availableProcessors();

  private final CompiledPackages packages;

  /** A compiler that finds the build's kjars as it needs them (tests, tools). */
  public RuleCompiler() {
    this(PrecompiledRules.onDemand());
  }

  /** A compiler that starts from these precompiled rules (the service's preloaded ones). */
  public RuleCompiler(PrecompiledRules precompiled) {
    this.packages = new CompiledPackages(precompiled);
  }

  public RuleSet compile(RuleSource source) {
    RuleSetValidation.Validated folder = RuleSetValidation.validate(source);
    CompiledPackages.Compiled compiled = packages.acquire(folder.drl());
    return new RuleSet(
        source.version(),
        source.origin(),
        compiled.unitKeys(),
        compiled.kieBase(),
        folder.parameters(),
        folder.doses(),
        folder.templates(),
        source.scenarios(),
        compiled.kieBase().newKieSessionsPool(SESSIONS_KEPT));
  }

  /**
   * Forgets a replaced rule set: a compiled package goes once no rule set of this compiler uses it,
   * and with it its generated classes.
   */
  public void release(RuleSet ruleSet) {
    packages.release(ruleSet.kieBase());
  }

  /** The keys of the compiled units rule sets of this compiler use: what it keeps. */
  Set<String> unitsInUse() {
    return packages.unitsInUse();
  }

  /**
   * The released rules as kjars, one per compiled unit (unit key to kjar), for {@link
   * ReleasedRulesCompiler}.
   *
   * @throws InvalidRuleSetException when the DRL does not compile
   */
  static Map<String, byte[]> kjars(RuleSource source) {
    Map<String, String> drl = source.filesEndingWith(".drl");
    var kjars = new TreeMap<String, byte[]>();
    for (var pkg : DrlPackages.of(drl).entrySet()) {
      String key = CompiledPackages.PACKAGE_UNIT + hash(pkg.getValue());
      KieBuild.Built built = KieBuild.build(pkg.getValue(), key);
      if (!built.compiled() || !CompiledPackages.isExactly(pkg.getKey(), built.models())) {
        kjars.clear();
        String whole = CompiledPackages.WHOLE_UNIT + hash(drl);
        kjars.put(whole, KieBuild.buildOrThrow(drl, whole).kjar());
        return kjars;
      }
      kjars.put(key, built.kjar());
    }
    return kjars;
  }

  /** First 12 hex digits of a SHA-256 over the files' paths and texts. */
  static String hash(Map<String, String> files) {
    return new RuleSource("", new TreeMap<>(files)).version();
  }

  /**
   * Compiles the smallest DRL package of these files once and forgets it. The first compilation in
   * a JVM loads and starts up the code generator and the Java compiler (thousands of classes) and
   * took 3 to 4 times as long as later ones; a service that watches its rules folder does that
   * after start-up, so that an author's first save is checked as fast as the next ones. Nothing is
   * kept or put live, and a package that does not compile is simply not warmed.
   */
  public static void warmUp(RuleSource source) {
    DrlPackages.of(source.filesEndingWith(".drl")).values().stream()
        .min(
            Comparator.comparingInt(
                files -> files.values().stream().mapToInt(String::length).sum()))
        .ifPresent(files -> KieBuild.build(files, "warm-up-" + hash(files)));
  }
}
