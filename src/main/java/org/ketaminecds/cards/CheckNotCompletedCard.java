package org.ketaminecds.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.fhir.PrefetchKey;
import org.ketaminecds.rules.CardTemplate;
import org.ketaminecds.rules.RuleSet;

/**
 * The one card of an order hook whose patient data cannot be had (contract, revision 2, "When the
 * check cannot run"): it says what could not be read, in words, never why in detail and never
 * patient data, so that silence is not taken for "all clear".
 */
public final class CheckNotCompletedCard {

  public static final String TOPIC = "check-not-completed";

  /** The words of the card when the rules folder has no card file for the topic. */
  private static final CardTemplate BUILT_IN =
      new CardTemplate(
          TOPIC,
          "Ketamine/esketamine safety check not completed",
          "warning",
          "The {{drug}} safety check could not run: the chart could not be read",
          "**The {{drug}} safety check could not run.** The service could not read {{unread}}"
              + " from the EHR, so this order has **not** been checked. No other card does"
              + " **not** mean that nothing stands against {{drug}}.",
          "Ketamine CDS service (its check did not run)",
          CardAssembler.TOPIC_SYSTEM,
          List.of());

  private CheckNotCompletedCard() {}

  /**
   * @param unread the keys that could not be read; empty when not known
   */
  public static Card of(RuleSet ruleSet, List<KetamineOrder> orders, Set<PrefetchKey> unread) {
    CardTemplate template = ruleSet.cardTemplate(TOPIC).orElse(BUILT_IN);
    String drug = OrderedDrug.of(orders);
    String what = unreadInWords(unread);
    return new Card(
        CardIds.next(),
        CardAssembler.fit(fill(template.summary(), drug, what)),
        fill(template.detail(), drug, what).strip(),
        template.indicator(),
        new Card.Source(
            template.sourceLabel(),
            template.sourceUrl(),
            new Card.Coding(CardAssembler.TOPIC_SYSTEM, TOPIC, template.title())),
        List.of(),
        null,
        List.of(),
        template.links().stream()
            .map(link -> new Card.Link(link.label(), link.url(), "absolute"))
            .toList(),
        Map.of(CardAssembler.RULESET_EXTENSION, ruleSet.version()));
  }

  private static String fill(String text, String drug, String unread) {
    return text.replace("{{drug}}", drug).replace("{{unread}}", unread);
  }

  /** "the patient's conditions and medication history", or the whole chart when not known. */
  static String unreadInWords(Set<PrefetchKey> unread) {
    if (unread.isEmpty() || unread.size() == PrefetchKey.values().length) {
      return "the patient's chart";
    }
    var words = new ArrayList<String>();
    for (PrefetchKey key : unread) {
      words.add(
          switch (key.key()) {
            case "patient" -> "demographics (age)";
            case "conditions" -> "conditions (problem list)";
            case "medications" -> "medication history";
            case "observations" -> "blood pressure and pregnancy observations";
            case "allergies" -> "allergies";
            default -> key.key();
          });
    }
    String last = words.remove(words.size() - 1);
    return "the patient's " + (words.isEmpty() ? last : String.join(", ", words) + " and " + last);
  }
}
