package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.codegen.ExecutableModelProject;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;

/**
 * Compiles a rules folder into a {@link RuleSet} with Drools' executable model, the only build path
 * of {@code drools-engine} 10.2. All problems of the folder are collected and reported together, by
 * file and line, in an {@link InvalidRuleSetException}.
 */
public final class RuleCompiler {

  /** Sessions a pool keeps ready: one per core is enough, and it grows under load. */
  private static final int SESSIONS_KEPT = Runtime.getRuntime().availableProcessors();

  private static final String RESOURCES = "src/main/resources/";
  private static final String SCENARIOS = "scenarios/";
  private static final Pattern FINDING_TOPIC = Pattern.compile("Finding\\.of\\(\\s*\"([^\"]+)\"");

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
    KieServices kie = KieServices.Factory.get();
    ReleaseId releaseId = kie.newReleaseId("org.ketaminecds", "rules", version);
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
    var kieBase = kie.newKieContainer(releaseId).getKieBase();
    return new RuleSet(
        version,
        source.origin(),
        releaseId,
        kieBase,
        parameters,
        doses,
        templates,
        scenarios(source),
        kieBase.newKieSessionsPool(SESSIONS_KEPT));
  }

  /** Forgets a replaced rule set: Drools keeps every built module in a global repository. */
  public void release(RuleSet ruleSet) {
    KieServices.Factory.get().getRepository().removeKieModule(ruleSet.releaseId());
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
}
