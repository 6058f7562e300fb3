package org.ketaminecds.cards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.SuggestedAction;
import org.ketaminecds.rules.CardTemplate;
import org.ketaminecds.rules.Evaluation;
import org.ketaminecds.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the findings of one evaluation into CDS Hooks cards: one card per topic naming all the
 * evidence of that topic, in the words of the topic's card file. Critical cards on the order hooks
 * carry a suggestion that deletes the draft order, with override reasons.
 */
public class CardAssembler {

  public static final String TOPIC_SYSTEM = "https://fhir.ketamine-cds.org/CodeSystem/card-topic";
  static final String RULESET_EXTENSION = "org.ketaminecds.ruleset-version";

  /** The FHIR references of a card's evidence ("Condition/abc"): never in the card's text. */
  public static final String EVIDENCE_EXTENSION = "org.ketaminecds.evidence";

  static final int SUMMARY_LIMIT = 140;

  private static final Logger log = LoggerFactory.getLogger(CardAssembler.class);
  private static final Map<String, Integer> SEVERITY =
      Map.of("critical", 0, "warning", 1, "info", 2);

  /**
   * @param orders the draft ketamine/esketamine orders of an order hook (empty on patient-view):
   *     the targets of the delete suggestion on critical cards
   * @param today the date of the call ("3 days ago" on the card)
   */
  public List<Card> cards(
      Evaluation evaluation, RuleSet ruleSet, List<KetamineOrder> orders, LocalDate today) {
    return cards(evaluation, ruleSet, orders, today, SuggestionContext.none());
  }

  /**
   * @param context the patient and the draft orders, for the resources of suggestions
   */
  public List<Card> cards(
      Evaluation evaluation,
      RuleSet ruleSet,
      List<KetamineOrder> orders,
      LocalDate today,
      SuggestionContext context) {
    Map<String, List<Object>> evidenceByTopic = new LinkedHashMap<>();
    for (Finding finding : evaluation.findings()) {
      evidenceByTopic
          .computeIfAbsent(finding.topic(), topic -> new ArrayList<>())
          .addAll(finding.evidence());
    }
    var cards = new ArrayList<Card>();
    var trials = new TrialsBlock(evaluation);
    evidenceByTopic.forEach(
        (topic, evidence) -> {
          CardTemplate template =
              ruleSet.cardTemplate(topic).orElseGet(() -> missingTemplate(topic, ruleSet));
          List<SuggestedAction> actions =
              distinct(evidence).stream()
                  .filter(SuggestedAction.class::isInstance)
                  .map(SuggestedAction.class::cast)
                  .toList();
          List<Object> shown =
              distinct(evidence).stream().filter(e -> !(e instanceof SuggestedAction)).toList();
          cards.add(
              card(
                  template,
                  shown,
                  SuggestionBuilder.suggestions(template, actions, context),
                  evaluation,
                  trials,
                  orders,
                  today));
        });
    cards.sort(
        Comparator.comparing((Card card) -> SEVERITY.getOrDefault(card.indicator(), 3))
            .thenComparing(card -> card.source().topic().code()));
    return cards;
  }

  private Card card(
      CardTemplate template,
      List<Object> evidence,
      List<Card.Suggestion> offered,
      Evaluation evaluation,
      TrialsBlock trials,
      List<KetamineOrder> orders,
      LocalDate today) {
    String findings =
        evidence.stream().map(EvidenceText::shortName).distinct().collect(Collectors.joining(", "));
    int count = evidence.stream().mapToInt(EvidenceText::count).sum();
    // The drug ordered, or "ketamine or esketamine" on patient-view (contract, revision 2).
    String drug = OrderedDrug.of(orders);
    String summary =
        fit(
            template
                .summary()
                .replace("{{findings}}", findings)
                .replace("{{count}}", String.valueOf(count))
                .replace("{{drug}}", drug));
    String detail = template.detail().replace("{{drug}}", drug);
    // Each placeholder is filled only where the card has it: the trials block of a heavy chart
    // lists every trial, and most cards do not show it.
    if (detail.contains("{{evidence}}")) {
      detail =
          detail.replace(
              "{{evidence}}",
              evidence.stream()
                  .map(e -> EvidenceText.line(e, today))
                  .collect(Collectors.joining("\n")));
    }
    var references = new LinkedHashSet<String>();
    evidence.stream()
        .map(EvidenceText::reference)
        .filter(Objects::nonNull)
        .forEach(references::add);
    if (detail.contains("{{trials}}")) {
      detail = detail.replace("{{trials}}", trials.text());
      references.addAll(TrialsText.references(evaluation));
    }
    detail = detail.strip();
    boolean deleteOrders = "critical".equals(template.indicator()) && !orders.isEmpty();
    var suggestions = new ArrayList<Card.Suggestion>();
    if (deleteOrders) {
      suggestions.add(deleteSuggestion(orders));
    }
    suggestions.addAll(offered);
    return new Card(
        CardIds.next(),
        summary,
        detail,
        template.indicator(),
        new Card.Source(
            template.sourceLabel(),
            template.sourceUrl(),
            new Card.Coding(TOPIC_SYSTEM, template.topic(), template.title())),
        suggestions,
        // "any" on every card with suggestions (contract revision 2: what Epic accepts).
        suggestions.isEmpty() ? null : "any",
        OverrideReasons.of(template, deleteOrders),
        template.links().stream()
            .map(link -> new Card.Link(link.label(), link.url(), "absolute"))
            .toList(),
        extension(evaluation.ruleSetVersion(), references));
  }

  /**
   * The rule-set version, and the evidence references when there are any (no empty lists), sorted:
   * the order in which rules fire must not change the answer.
   */
  private static Map<String, Object> extension(String ruleSetVersion, Set<String> references) {
    return references.isEmpty()
        ? Map.of(RULESET_EXTENSION, ruleSetVersion)
        : Map.of(
            RULESET_EXTENSION,
            ruleSetVersion,
            EVIDENCE_EXTENSION,
            references.stream().sorted().toList());
  }

  private static Card.Suggestion deleteSuggestion(List<KetamineOrder> orders) {
    List<Card.Action> actions =
        orders.stream()
            .map(
                order ->
                    new Card.Action(
                        "delete",
                        "Remove the draft order of " + order.medication(),
                        order.resourceId()))
            .toList();
    String label =
        orders.size() == 1
            ? "Remove the ketamine/esketamine order"
            : "Remove the ketamine/esketamine orders";
    return new Card.Suggestion(label, CardIds.next(), true, actions);
  }

  private static List<Object> distinct(List<Object> evidence) {
    return List.copyOf(new LinkedHashSet<>(evidence));
  }

  /** Summaries must stay under 140 characters (contract); a long list of findings is cut. */
  static String fit(String summary) {
    return summary.length() < SUMMARY_LIMIT
        ? summary
        : summary.substring(0, SUMMARY_LIMIT - 2) + "…";
  }

  private static CardTemplate missingTemplate(String topic, RuleSet ruleSet) {
    // The compiler checks that each topic a rule names has a card file; this is the last guard.
    log.warn("Rule set {} has no card file for topic {}", ruleSet.version(), topic);
    return new CardTemplate(
        topic,
        topic,
        "warning",
        "Finding: " + topic,
        "{{evidence}}",
        "ketamine-cds rules",
        "https://fhir.ketamine-cds.org/CodeSystem/card-topic",
        List.of());
  }

  /** The trials block of one evaluation, written once however many cards show it. */
  private static final class TrialsBlock {
    private final Evaluation evaluation;
    private String text;

    TrialsBlock(Evaluation evaluation) {
      this.evaluation = evaluation;
    }

    String text() {
      if (text == null) {
        text = TrialsText.block(evaluation);
      }
      return text;
    }
  }
}
