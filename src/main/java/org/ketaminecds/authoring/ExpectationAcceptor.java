package org.ketaminecds.authoring;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ketaminecds.cards.Card;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rules check --accept NAME} (or {@code --accept-all}): a scenario whose cards changed on
 * purpose gets the cards it now gives as its expectation. The diff is printed first (cards added,
 * removed, changed: indicator and summary; detail texts and suggestions no longer true), then only
 * the scenario's {@code expect} is rewritten; its chart and the rest of the file stay as written. A
 * detail text still true stays checked; one no longer true is dropped, and said so.
 */
final class ExpectationAcceptor {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path rules;
  private final PrintStream out;

  ExpectationAcceptor(Path rules, PrintStream out) {
    this.rules = rules;
    this.out = out;
  }

  /**
   * Accepts the actual cards of the scenarios named (all failed ones when {@code names} is empty);
   * true when every one asked for could be accepted or already passed.
   */
  boolean accept(CheckReport report, List<String> names) {
    if (report.ruleSet() == null) {
      out.println("\nNothing accepted: the rules must compile before a scenario can be evaluated.");
      return false;
    }
    List<String> asked =
        names.isEmpty()
            ? report.scenarios().stream()
                .filter(s -> !s.passed())
                .map(CheckReport.ScenarioOutcome::name)
                .toList()
            : names;
    boolean accepted = true;
    for (String name : asked) {
      accepted &= acceptOne(report, name);
    }
    return accepted;
  }

  private boolean acceptOne(CheckReport report, String name) {
    var outcome =
        report.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    if (outcome == null) {
      String file = "scenarios/" + name + ".json";
      String why =
          report.problems().stream()
              .filter(problem -> problem.file().equals(file))
              .map(problem -> problem.message())
              .findFirst()
              .orElse("there is no scenario " + file);
      out.println("\nNot accepted: " + name + ": its request cannot be evaluated (" + why + ").");
      return false;
    }
    if (outcome.passed()) {
      out.println("\n" + name + " gives the cards it expects: nothing to accept.");
      return true;
    }
    Path file = rules.resolve("scenarios").resolve(name + ".json");
    try {
      String text = Files.readString(file);
      JsonNode expect = JSON.readTree(text).get("expect");
      var diff = new ArrayList<String>();
      String replacement = newExpectation(expect, outcome.cards(), diff);
      out.println("\nAccepting the cards " + name + " now gives (scenarios/" + name + ".json):");
      diff.forEach(line -> out.println("  " + line));
      Files.writeString(file, ScenarioJson.replaceExpect(text, replacement));
      out.println("Written. Check again to see the rules pass with it.");
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JacksonException | IllegalArgumentException e) {
      out.println("\nNot accepted: " + name + ": " + e.getMessage());
      return false;
    }
  }

  /** The new {@code expect} object, as JSON text indented for its place in the file. */
  static String newExpectation(JsonNode old, List<Card> cards, List<String> diff) {
    Map<String, Card> shown = new LinkedHashMap<>();
    cards.forEach(card -> shown.put(card.source().topic().code(), card));
    Map<String, String> oldCards = strings(old == null ? null : old.get("cards"));
    // The topics expected before keep their place; new ones follow in the order they were shown.
    var expectCards = new LinkedHashMap<String, String>();
    oldCards.keySet().stream()
        .filter(shown::containsKey)
        .forEach(topic -> expectCards.put(topic, shown.get(topic).indicator()));
    shown.forEach(
        (topic, card) -> {
          expectCards.put(topic, card.indicator());
          String was = oldCards.get(topic);
          if (was == null) {
            diff.add("+ " + card.indicator() + " " + topic + ": " + card.summary());
          } else if (!was.equals(card.indicator())) {
            diff.add("~ " + topic + ": " + was + " -> " + card.indicator() + ": " + card.summary());
          }
        });
    oldCards.forEach(
        (topic, indicator) -> {
          if (!shown.containsKey(topic)) {
            diff.add("- " + indicator + " " + topic + " (no longer shown)");
          }
        });
    var detailContains = new LinkedHashMap<String, List<String>>();
    lists(old == null ? null : old.get("detailContains"))
        .forEach(
            (topic, texts) -> {
              Card card = shown.get(topic);
              var kept = new ArrayList<String>();
              for (String text : texts) {
                if (card != null && card.detail() != null && card.detail().contains(text)) {
                  kept.add(text);
                } else if (card != null) {
                  diff.add(
                      "- " + topic + " no longer says \"" + text + "\" (not checked any more)");
                }
              }
              if (!kept.isEmpty()) {
                detailContains.put(topic, kept);
              }
            });
    var suggestions = new LinkedHashMap<String, List<String>>();
    lists(old == null ? null : old.get("suggestions"))
        .forEach(
            (topic, labels) -> {
              Card card = shown.get(topic);
              if (card == null) {
                return;
              }
              List<String> now = card.suggestions().stream().map(Card.Suggestion::label).toList();
              if (!now.stream().sorted().toList().equals(labels.stream().sorted().toList())) {
                diff.add("~ " + topic + " suggestions: " + labels + " -> " + now);
              }
              suggestions.put(topic, now);
            });
    if (diff.isEmpty()) {
      diff.add("(the cards are the same; only what their details say differs)");
    }
    return ScenarioJson.expect(expectCards, detailContains, suggestions);
  }

  private static Map<String, String> strings(JsonNode node) {
    var map = new LinkedHashMap<String, String>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
    }
    return map;
  }

  private static Map<String, List<String>> lists(JsonNode node) {
    var map = new LinkedHashMap<String, List<String>>();
    if (node != null && node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                var items = new ArrayList<String>();
                e.getValue().forEach(item -> items.add(Objects.toString(item.asString(), "")));
                map.put(e.getKey(), items);
              });
    }
    return map;
  }
}
