package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;

/**
 * Compiles a rules folder into a {@link RuleSet} with Drools' executable model, the only build path
 * of {@code drools-engine} 10.2. All problems of the folder are collected and reported together, by
 * file and line, in an {@link InvalidRuleSetException}.
 *
 * <p>Compiling is the slow part (seconds), so it is done as rarely as possible: the released rules
 * come compiled with the build ({@link PrecompiledRules}), and a compiled module is kept by the
 * hash of its DRL files and shared by every rule set with that DRL, so that changing parameters,
 * cards or scenarios never compiles.
 */
public final class RuleCompiler {

  /** Sessions a pool keeps ready: one per core is enough, and it grows under load. */
  private static final int SESSIONS_KEPT = Runtime.getRuntime().availableProcessors();

  private static final String RESOURCES = "src/main/resources/";
  private static final String SCENARIOS = "scenarios/";
  private static final Pattern FINDING_TOPIC = Pattern.compile("Finding\\.of\\(\\s*\"([^\"]+)\"");

  private final Map<ReleaseId, Module> modules = new HashMap<>();

  public RuleSet compile(RuleSource source) {
    var problems = new ArrayList<RuleProblem>();
    Parameters parameters = null;
    List<MinimumDose> doses = List.of();
    String parametersText = source.files().get(ParametersReader.FILE);
    if (parametersText == null) {
      problems.add(new RuleProblem(ParametersReader.FILE, 0, 0, "the parameters file is missing"));
    } else {
      try {
        YamlData yaml = YamlData.parse(ParametersReader.FILE, parametersText);
        parameters = ParametersReader.parameters(yaml);
        doses = ParametersReader.minimumDoses(yaml);
      } catch (InvalidRuleSetException e) {
        problems.addAll(e.problems());
      }
    }
    Map<String, CardTemplate> templates = readCardTemplates(source, problems);
    Map<String, String> drl = source.filesEndingWith(".drl");
    if (drl.isEmpty()) {
      problems.add(new RuleProblem(source.origin(), 0, 0, "there is no .drl file"));
    }
    drl.forEach((path, text) -> checkTopicsHaveCards(path, text, templates, problems));
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    String version = source.version();
    Module module = module(drl, drlVersion(source));
    return new RuleSet(
        version,
        source.origin(),
        module.releaseId(),
        module.kieBase(),
        parameters,
        doses,
        templates,
        scenarios(source),
        module.kieBase().newKieSessionsPool(SESSIONS_KEPT));
  }

  /**
   * The released rules as a kjar, for {@link ReleasedRulesCompiler}.
   *
   * @throws InvalidRuleSetException when the DRL does not compile
   */
  byte[] kjar(RuleSource source) {
    String drlVersion = drlVersion(source);
    KieBuilder builder = build(source.filesEndingWith(".drl"), releaseIdOf(drlVersion));
    byte[] kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
    KieServices.Factory.get().getRepository().removeKieModule(releaseIdOf(drlVersion));
    return kjar;
  }

  /** The content hash of the DRL files alone: what the compiled module depends on. */
  static String drlVersion(RuleSource source) {
    return new RuleSource(source.origin(), new TreeMap<>(source.filesEndingWith(".drl"))).version();
  }

  /**
   * The compiled module of these DRL files: the one a live rule set already uses (a change of
   * parameters, cards or scenarios only needs no compilation), the one the build compiled, or a new
   * compilation.
   */
  private synchronized Module module(Map<String, String> drl, String drlVersion) {
    ReleaseId releaseId = releaseIdOf(drlVersion);
    Module known = modules.get(releaseId);
    if (known != null) {
      modules.put(releaseId, known.withUsers(known.users() + 1));
      return known;
    }
    var preloaded = PrecompiledRules.takePreloaded(releaseId);
    if (preloaded.isPresent()) {
      var module = new Module(releaseId, preloaded.get(), 1);
      modules.put(releaseId, module);
      return module;
    }
    KieServices kie = KieServices.Factory.get();
    var precompiled = PrecompiledRules.find(drlVersion);
    if (precompiled.isPresent()) {
      kie.getRepository().addKieModule(kie.getResources().newByteArrayResource(precompiled.get()));
    } else {
      build(drl, releaseId);
    }
    var module =
        new Module(
            releaseId, kie.newKieContainer(releaseId).newKieBase(kieBaseConfiguration(kie)), 1);
    modules.put(releaseId, module);
    return module;
  }

  private KieBuilder build(Map<String, String> drl, ReleaseId releaseId) {
    KieServices kie = KieServices.Factory.get();
    var fileSystem = kie.newKieFileSystem();
    fileSystem.generateAndWritePomXML(releaseId);
    fileSystem.writeKModuleXML(kieModule(kie).toXML());
    drl.forEach((path, text) -> fileSystem.write(RESOURCES + path, text));
    KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      kie.getRepository().removeKieModule(releaseId);
      List<RuleProblem> located = DrlDiagnostics.diagnose(drl);
      if (located.isEmpty()) {
        for (Message message : errors) {
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
    return builder;
  }

  private static ReleaseId releaseIdOf(String drlVersion) {
    return KieServices.Factory.get().newReleaseId("org.ketaminecds", "rules", drlVersion);
  }

  /** Starts loading the rules compiled at build time, beside the rest of the start-up. */
  public static void preloadReleasedRules() {
    PrecompiledRules.preloadInBackground();
  }

  /**
   * Forgets a replaced rule set: Drools keeps every built module in a global repository. The module
   * goes once no rule set of this compiler uses it.
   */
  public synchronized void release(RuleSet ruleSet) {
    Module module = modules.get(ruleSet.releaseId());
    if (module != null && module.users() > 1) {
      modules.put(ruleSet.releaseId(), module.withUsers(module.users() - 1));
      return;
    }
    modules.remove(ruleSet.releaseId());
    KieServices.Factory.get().getRepository().removeKieModule(ruleSet.releaseId());
  }

  /** A compiled module and how many rule sets use it. */
  private record Module(ReleaseId releaseId, KieBase kieBase, int users) {
    Module withUsers(int count) {
      return new Module(releaseId, kieBase, count);
    }
  }

  private static KieModuleModel kieModule(KieServices kie) {
    KieModuleModel module = kie.newKieModuleModel();
    // A rule name written twice must be an error, not a silent override.
    module.setConfigurationProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
    module.newKieBaseModel("ketamine-cds").setDefault(true);
    return module;
  }

  /** Every topic a rule concludes must have a card file, or the card would have no words. */
  private static void checkTopicsHaveCards(
      String path, String text, Map<String, CardTemplate> templates, List<RuleProblem> problems) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher matcher = FINDING_TOPIC.matcher(lines[i]);
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
    var templates = new HashMap<String, CardTemplate>();
    source
        .filesEndingWith(".card.yaml")
        .forEach(
            (path, text) -> {
              try {
                CardTemplate template = CardTemplateReader.read(YamlData.parse(path, text));
                CardTemplate previous = templates.put(template.topic(), template);
                if (previous != null) {
                  problems.add(
                      new RuleProblem(
                          path, 0, 0, "the topic " + template.topic() + " has two card files"));
                }
              } catch (InvalidRuleSetException e) {
                problems.addAll(e.problems());
              }
            });
    return templates;
  }

  private static Map<String, String> scenarios(RuleSource source) {
    var scenarios = new HashMap<String, String>();
    source
        .filesEndingWith(".json")
        .forEach(
            (path, text) -> {
              if (path.startsWith(SCENARIOS)) {
                scenarios.put(
                    path.substring(SCENARIOS.length(), path.length() - ".json".length()), text);
              }
            });
    return scenarios;
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
    KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
    configuration.setProperty("drools.shareBetaNodes", "false");
    return configuration;
  }
}
