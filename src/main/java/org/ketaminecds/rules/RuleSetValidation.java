package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;

/**
 * What a rules folder must be before its DRL is compiled: a readable parameters file, card files
 * that read and fill with the parameters, at least one DRL file, and a card file for every topic a
 * rule concludes. All problems are collected and reported together, by file and line.
 */
final class RuleSetValidation {

  private RuleSetValidation() {}

  /** The checked content of a folder, ready for its DRL to be compiled. */
  record Validated(
      Parameters parameters,
      List<MinimumDose> doses,
      Map<String, CardTemplate> templates,
      Map<String, String> drl) {}

  /**
   * @throws InvalidRuleSetException with every problem of the folder
   */
  static Validated validate(RuleSource source) {
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
        CardFiles.withParameters(CardFiles.read(source, problems), parameterValues, problems);
    Map<String, String> drl = source.filesEndingWith(".drl");
    if (drl.isEmpty()) {
      problems.add(new RuleProblem(source.origin(), 0, 0, "there is no .drl file"));
    }
    drl.forEach((path, text) -> checkTopicsHaveCards(path, text, templates, problems));
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    return new Validated(parameters, doses, templates, drl);
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
}
