package org.ketaminecds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.advice.Advice;
import org.ketaminecds.cards.Card;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.rules.RuleSource;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.scenarios.Scenario;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.scenarios.ScenarioRunner;
import org.ketaminecds.terminology.Terminology;

/**
 * A reload compiles only the changed DRL package and reuses the compiled others. Whatever it
 * reuses, the rule set that goes live must answer every scenario exactly as the same folder
 * compiled from scratch does: the same rules firing in the same order, the same cards.
 */
class IncrementalReloadTest {

  static ScenarioReader reader;
  static ScenarioRunner runner;
  static Terminology terminology;

  @BeforeAll
  static void wire() {
    DecisionPath path = DecisionPath.released();
    terminology = path.terminology();
    reader = path.scenarioReader();
    runner = path.scenarioRunner();
  }

  static RuleSource edited(RuleSource source, String path, String text, String replacement) {
    var files = new TreeMap<>(source.files());
    assertThat(files.get(path)).contains(text);
    files.put(path, files.get(path).replace(text, replacement));
    return new RuleSource(source.origin(), files);
  }

  /**
   * What a scenario showed: the rules fired, in order, and the cards. A card lists its evidence in
   * the order of working memory, which is not fixed: two knowledge bases of the same rules may list
   * two aneurysms either way round. So a card is compared by everything but its random ids, with
   * its detail compared as the same words in any order and its summary up to the list of findings
   * (which is cut at a length, so different words are left when the order differs).
   */
  record Answer(List<String> firedRules, List<Card> cards) {}

  static Answer answer(RuleSet ruleSet, Scenario scenario) {
    Advice advice = runner.run(ruleSet, scenario).advice();
    return new Answer(
        advice.rulesRan() ? advice.evaluation().firedRules() : List.of(),
        advice.cards().stream().map(IncrementalReloadTest::comparable).toList());
  }

  static Card comparable(Card card) {
    return new Card(
        null,
        card.summary().replaceFirst(" \\(.*", " (...)"),
        sortedWords(card.detail()),
        card.indicator(),
        card.source(),
        card.suggestions() == null
            ? null
            : card.suggestions().stream()
                .map(s -> new Card.Suggestion(s.label(), null, s.isRecommended(), s.actions()))
                .toList(),
        card.selectionBehavior(),
        card.overrideReasons(),
        card.links(),
        card.extension());
  }

  static String sortedWords(String text) {
    return text == null
        ? null
        : String.join(" ", java.util.Arrays.stream(text.split("[\\s,…]+")).sorted().toList());
  }

  @Test
  void aReloadAnswersEveryScenarioAsAColdCompileOfTheSameFolder() {
    RuleSource released = RuleSourceReader.fromFolder(Path.of("rules"));
    RuleCompiler compiler = new RuleCompiler();
    RuleSetCheck check = new RuleSetCheck(compiler, reader, runner, terminology);
    CheckReport live = check.check(released);
    assertThat(live.passed()).isTrue();

    String name = "Card trd-criteria-met: the patient meets the TRD criteria";
    RuleSource changed =
        edited(
            released, "trd/trd-criteria-met.drl", "\"" + name + "\"", "\"" + name + ", edited\"");
    CheckReport reload = check.check(changed);
    CheckReport cold =
        new RuleSetCheck(new RuleCompiler(), reader, runner, terminology).check(changed);

    assertThat(reload.passed()).as(reload.scenarios().toString()).isTrue();
    assertThat(cold.passed()).isTrue();
    var kept = new ArrayList<>(live.ruleSet().compiledUnits());
    kept.retainAll(reload.ruleSet().compiledUnits());
    assertThat(kept)
        .as("every unchanged package is reused")
        .hasSize(live.ruleSet().compiledUnits().size() - 1);
    assertThat(reload.ruleSet().compiledUnits()).isEqualTo(cold.ruleSet().compiledUnits());

    boolean editedRuleFired = false;
    for (var file : changed.scenarios().entrySet()) {
      Scenario scenario = reader.read(file.getKey(), file.getValue());
      Answer fromReload = answer(reload.ruleSet(), scenario);
      assertThat(fromReload).as(file.getKey()).isEqualTo(answer(cold.ruleSet(), scenario));
      assertThat(fromReload.firedRules()).doesNotContain(name);
      editedRuleFired |= fromReload.firedRules().contains(name + ", edited");
    }
    assertThat(editedRuleFired).as("the edited rule is the one that fires").isTrue();
  }
}
