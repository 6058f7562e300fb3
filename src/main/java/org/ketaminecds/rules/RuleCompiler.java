package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a rules folder into a {@link RuleSet} with Drools' executable model, the only build path
 * of {@code drools-engine} 10.2. All problems of the folder are collected and reported together, by
 * file and line, in an {@link InvalidRuleSetException}.
 *
 * <p>Compiling is the slow part (the executable model generates Java for every rule and compiles
 * it), so it is done as rarely as possible. The unit of compilation is a DRL package ({@link
 * DrlPackages}): each package is compiled on its own and kept, by the hash of its files, while a
 * rule set uses it; a rule set's knowledge base is assembled from the compiled packages. A change
 * in one DRL file therefore compiles that file's package only, and a change of parameters, cards or
 * scenarios compiles nothing. The released rules come compiled with the build ({@link
 * PrecompiledRules}), package by package too.
 *
 * <p>Packages that do not compile on their own (one uses another's function or declared type) or do
 * not go together in one knowledge base are compiled together in one unit, as Drools would compile
 * the folder; its errors are the ones reported.
 */
public final class RuleCompiler {

  private static final Logger log = LoggerFactory.getLogger(RuleCompiler.class);

  /** Sessions a pool keeps ready: one per core is enough, and it grows under load. */
  private static final int SESSIONS_KEPT = Runtime.getRuntime().availableProcessors();

  static final String KIE_BASE = "ketamine-cds";
  private static final String RESOURCES = "src/main/resources/";
  private static final String PACKAGE_UNIT = "package-";
  private static final String WHOLE_UNIT = "all-";

  /** What the executable model compiles against, shared by every compilation of the service. */
  private static final ClassLoader COMPILER_CLASS_LOADER =
      new CompilerClassLoader(RuleCompiler.class.getClassLoader());

  /** The compiled units that rule sets of this compiler use (live or being checked), by key. */
  private final Map<String, Unit> units = new HashMap<>();

  public RuleSet compile(RuleSource source) {
    var problems = new ArrayList<RuleProblem>();
    Parameters parameters = null;
    List<MinimumDose> doses = List.of();
    YamlData parameterValues = null;
    String parametersText = source.files().get(ParametersReader.FILE);
    if (parametersText == null) {
      problems.add(new RuleProblem(ParametersReader.FILE, 0, 0, "the parameters file is missing"));
    } else {
      try {
        YamlData yaml = YamlData.parse(ParametersReader.FILE, parametersText);
        parameterValues = yaml;
        parameters = ParametersReader.parameters(yaml);
        doses = ParametersReader.minimumDoses(yaml);
      } catch (InvalidRuleSetException e) {
        problems.addAll(e.problems());
      }
    }
    Map<String, CardTemplate> templates =
        CardFiles.withParameters(readCardTemplates(source, problems), parameterValues, problems);
    Map<String, String> drl = source.filesEndingWith(".drl");
    if (drl.isEmpty()) {
      problems.add(new RuleProblem(source.origin(), 0, 0, "there is no .drl file"));
    }
    drl.forEach((path, text) -> checkTopicsHaveCards(path, text, templates, problems));
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    String version = source.version();
    Compiled compiled = acquire(drl);
    return new RuleSet(
        version,
        source.origin(),
        compiled.unitKeys(),
        compiled.kieBase(),
        parameters,
        doses,
        templates,
        source.scenarios(),
        compiled.kieBase().newKieSessionsPool(SESSIONS_KEPT));
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
      String key = PACKAGE_UNIT + hash(pkg.getValue());
      Built built = build(pkg.getValue(), key);
      if (!built.compiled() || !isExactly(pkg.getKey(), built.models())) {
        kjars.clear();
        String whole = WHOLE_UNIT + hash(drl);
        kjars.put(whole, buildOrThrow(drl, whole).kjar());
        return kjars;
      }
      kjars.put(key, built.kjar());
    }
    return kjars;
  }

  /**
   * The compiled units of these DRL files and the knowledge base assembled from them. Each unit
   * taken here is counted as used until {@link #release} of the rule set.
   */
  private synchronized Compiled acquire(Map<String, String> drl) {
    long started = System.nanoTime();
    SortedMap<String, SortedMap<String, String>> packages = DrlPackages.of(drl);
    var keys = new ArrayList<String>();
    packages.values().forEach(files -> keys.add(PACKAGE_UNIT + hash(files)));
    if (keys.stream().noneMatch(units::containsKey)) {
      var preloaded = PrecompiledRules.takePreloaded(keys);
      if (preloaded.isPresent()) {
        preloaded.get().models().forEach((key, models) -> units.put(key, new Unit(key, models, 1)));
        return new Compiled(keys, preloaded.get().kieBase());
      }
    }
    var acquired = new ArrayList<Unit>();
    var compiledNow = new ArrayList<String>();
    boolean separately = true;
    for (var pkg : packages.entrySet()) {
      String key = keys.get(acquired.size());
      Optional<Unit> unit = packageUnit(pkg.getKey(), pkg.getValue(), key, compiledNow);
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
        KieBase kieBase = assemble(acquired);
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
    acquired.forEach(unit -> release(unit.key()));
    String key = WHOLE_UNIT + hash(drl);
    Unit whole = units.get(key);
    if (whole != null) {
      whole = retain(whole);
    } else {
      whole = new Unit(key, buildOrThrow(drl, key).models(), 1);
      units.put(key, whole);
    }
    try {
      return new Compiled(List.of(key), assemble(List.of(whole)));
    } catch (RuntimeException e) {
      release(key);
      throw new InvalidRuleSetException(
          List.of(new RuleProblem("(rules)", 0, 0, String.valueOf(e.getMessage()))));
    }
  }

  /**
   * The compiled unit of one DRL package: the one a rule set already uses, the one the build
   * compiled, or a new compilation; empty when the package does not compile on its own or is not
   * exactly the package it was taken for.
   */
  private Optional<Unit> packageUnit(
      String name, Map<String, String> files, String key, List<String> compiledNow) {
    Unit known = units.get(key);
    if (known != null) {
      return Optional.of(retain(known));
    }
    List<Model> models =
        PrecompiledRules.find(key)
            .map(RuleCompiler::models)
            .orElseGet(
                () -> {
                  compiledNow.add(name);
                  Built built = build(files, key);
                  return built.compiled() ? built.models() : List.of();
                });
    if (!isExactly(name, models)) {
      return Optional.empty();
    }
    Unit unit = new Unit(key, models, 1);
    units.put(key, unit);
    return Optional.of(unit);
  }

  private static boolean isExactly(String packageName, List<Model> models) {
    return models.size() == 1 && models.get(0).getPackageName().equals(packageName);
  }

  private Unit retain(Unit unit) {
    Unit retained = unit.withUsers(unit.users() + 1);
    units.put(unit.key(), retained);
    return retained;
  }

  /**
   * A knowledge base of the units' packages, in package-name order, so that a rule set assembled
   * from kept and new packages is the same as one compiled from scratch, to the order in which
   * rules of equal salience fire. Each knowledge base gets model objects of its own: kept packages
   * share their generated classes, never the objects a knowledge base was built from.
   */
  static KieBase assemble(Collection<Unit> units) {
    var models = new ArrayList<Model>();
    for (Unit unit : units) {
      for (Model model : unit.models()) {
        models.add(freshInstance(model));
      }
    }
    models.sort(Comparator.comparing(Model::getPackageName));
    return KieBaseBuilder.createKieBaseFromModel(
        models, kieBaseConfiguration(KieServices.Factory.get()));
  }

  private static Model freshInstance(Model model) {
    try {
      return model.getClass().getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot instantiate the rules model " + model.getName(), e);
    }
  }

  /** The compiled models of a kjar, for {@link PrecompiledRules}. */
  static List<Model> models(byte[] kjar) {
    KieServices kie = KieServices.Factory.get();
    KieModule module =
        kie.getRepository().addKieModule(kie.getResources().newByteArrayResource(kjar));
    try {
      return models(module);
    } finally {
      kie.getRepository().removeKieModule(module.getReleaseId());
    }
  }

  private static List<Model> models(KieModule module) {
    CanonicalKieModule canonical =
        module instanceof CanonicalKieModule c
            ? c
            : new CanonicalKieModule((InternalKieModule) module);
    var base = (KieBaseModelImpl) canonical.getKieModuleModel().getKieBaseModels().get(KIE_BASE);
    var models = new ArrayList<>(canonical.getModelForKBase(base));
    models.sort(Comparator.comparing(Model::getPackageName));
    return List.copyOf(models);
  }

  /**
   * DRL files compiled into a module, or why not: the compiler's errors, or an exception it threw
   * (the executable model throws on some DRL, e.g. a function imported from a package compiled
   * apart).
   */
  private record Built(
      List<Model> models, List<String> errors, List<Message> messages, byte[] kjar) {
    boolean compiled() {
      return errors.isEmpty();
    }
  }

  /**
   * Compiles DRL files into models. The module goes from Drools' global repository at once: the
   * models keep their classes, and nothing else needs the module.
   */
  private static Built build(Map<String, String> drl, String key) {
    KieServices kie = KieServices.Factory.get();
    ReleaseId releaseId = kie.newReleaseId("org.ketaminecds", "rules", key);
    var fileSystem = kie.newKieFileSystem();
    fileSystem.generateAndWritePomXML(releaseId);
    fileSystem.writeKModuleXML(kieModule(kie).toXML());
    drl.forEach((path, text) -> fileSystem.write(RESOURCES + path, text));
    try {
      KieBuilder builder =
          kie.newKieBuilder(fileSystem, COMPILER_CLASS_LOADER)
              .buildAll(ExecutableModelProject.class);
      List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
      if (!messages.isEmpty()) {
        return new Built(
            List.of(), messages.stream().map(Message::getText).toList(), messages, null);
      }
      var module = (InternalKieModule) builder.getKieModule();
      return new Built(models(module), List.of(), List.of(), module.getBytes());
    } catch (RuntimeException e) {
      return new Built(List.of(), List.of(String.valueOf(e)), List.of(), null);
    } finally {
      kie.getRepository().removeKieModule(releaseId);
    }
  }

  private static Built buildOrThrow(Map<String, String> drl, String key) {
    Built built = build(drl, key);
    if (built.compiled()) {
      return built;
    }
    List<RuleProblem> located = DrlDiagnostics.diagnose(drl);
    if (located.isEmpty() && built.messages().isEmpty()) {
      built.errors().forEach(error -> located.add(new RuleProblem("(rules)", 0, 0, error)));
    }
    if (located.isEmpty()) {
      for (Message message : built.messages()) {
        located.add(
            new RuleProblem(
                relative(message.getPath()),
                message.getLine(),
                message.getColumn(),
                message.getText()));
      }
    }
    throw new InvalidRuleSetException(located);
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
        .ifPresent(files -> build(files, "warm-up-" + hash(files)));
  }

  /** Starts loading the rules compiled at build time, beside the rest of the start-up. */
  public static void preloadReleasedRules() {
    PrecompiledRules.preloadInBackground();
  }

  /**
   * Forgets a replaced rule set: a compiled package goes once no rule set of this compiler uses it,
   * and with it its generated classes.
   */
  public synchronized void release(RuleSet ruleSet) {
    ruleSet.compiledUnits().forEach(this::release);
  }

  private void release(String key) {
    Unit unit = units.get(key);
    if (unit == null) {
      return;
    }
    if (unit.users() > 1) {
      units.put(key, unit.withUsers(unit.users() - 1));
    } else {
      units.remove(key);
    }
  }

  /** The keys of the compiled units rule sets of this compiler use: what it keeps. */
  synchronized Set<String> unitsInUse() {
    return Set.copyOf(units.keySet());
  }

  /** Compiled DRL files: the package's (or all files') models, and how many rule sets use them. */
  record Unit(String key, List<Model> models, int users) {
    Unit withUsers(int count) {
      return new Unit(key, models, count);
    }
  }

  private record Compiled(List<String> unitKeys, KieBase kieBase) {}

  private static KieModuleModel kieModule(KieServices kie) {
    KieModuleModel module = kie.newKieModuleModel();
    // A rule name written twice must be an error, not a silent override.
    module.setConfigurationProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
    module.newKieBaseModel(KIE_BASE).setDefault(true);
    return module;
  }

  /** Every topic a rule concludes must have a card file, or the card would have no words. */
  private static void checkTopicsHaveCards(
      String path, String text, Map<String, CardTemplate> templates, List<RuleProblem> problems) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher matcher = ConcludedTopics.FINDING_TOPIC.matcher(lines[i]);
      while (matcher.find()) {
        if (!templates.containsKey(matcher.group(1))) {
          problems.add(
              new RuleProblem(
                  path,
                  i + 1,
                  matcher.start(1) + 1,
                  "the topic "
                      + matcher.group(1)
                      + " has no card file ("
                      + matcher.group(1)
                      + ".card.yaml)"));
        }
      }
    }
  }

  private static Map<String, CardTemplate> readCardTemplates(
      RuleSource source, List<RuleProblem> problems) {
    return CardFiles.read(source, problems);
  }

  private static String relative(String path) {
    if (path == null) {
      return "(rules)";
    }
    return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
  }

  /**
   * Each rule gets its own join network. With Drools 10.2's default beta-node sharing, rules that
   * begin with the same conditions share one network segment, and splitting that segment as further
   * rules are added loses matches: both ci-pregnancy rules, which share {@code exists
   * KetamineConsidered(), HookContext(), Parameters(), not PatientInfo(gender == "male")}, never
   * fired (apache/incubator-kie#7109 and #7115 are the same kind of defect). The rule set is small;
   * the cost of not sharing is negligible, a rule that silently never fires is not.
   */
  static KieBaseConfiguration kieBaseConfiguration(KieServices kie) {
    // The service's class loader, which sees the fact classes, whatever thread assembles the base.
    KieBaseConfiguration configuration =
        kie.newKieBaseConfiguration(null, RuleCompiler.class.getClassLoader());
    configuration.setProperty("drools.shareBetaNodes", "false");
    return configuration;
  }
}
