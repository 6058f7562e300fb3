package org.ketaminecds.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of one card topic, kept beside the rules that make it ({@code *.card.yaml}) so that rule
 * authors edit the words a clinician reads without touching Java.
 *
 * @param topic the card-topic code, e.g. {@code ci-psychosis}
 * @param title the topic's display, e.g. "History of psychosis"
 * @param indicator info, warning or critical
 * @param summary one line under 140 characters; {@code {{findings}}}, {@code {{count}}} and {@code
 *     {{drug}}} (the drug ordered: ketamine or esketamine; "ketamine or esketamine" on
 *     patient-view) are filled in
 * @param detail Markdown; {@code {{evidence}}} is replaced by the list of findings, {@code
 *     {{drug}}} as in the summary
 * @param sourceLabel who says so (e.g. the prescribing information)
 * @param sourceUrl where the clinician can read it
 * @param links further reading shown on the card
 * @param snooze whether a clinician may snooze a warning or info card of this topic for a patient
 *     ({@code snooze: false} in the card file turns it off; critical cards are never snoozed)
 * @param definition what the topic means, for the card-topic CodeSystem (which is generated from
 *     the card files); null when the card file gives none
 * @param suggestions the words of the actions the rules may offer on this card, by id (a rule
 *     concludes a {@code SuggestedAction} with that id); {@code {{dose}}} and {@code {{sessions}}}
 *     (a week) are filled in
 */
public record CardTemplate(
    String topic,
    String title,
    String indicator,
    String summary,
    String detail,
    String sourceLabel,
    String sourceUrl,
    List<Link> links,
    boolean snooze,
    String definition,
    Map<String, SuggestionText> suggestions) {

  public CardTemplate {
    links = List.copyOf(links);
    // In the card file's order: the order in which the card offers them.
    suggestions = Collections.unmodifiableMap(new LinkedHashMap<>(suggestions));
  }

  /** A card that may be snoozed, without a definition or suggestions of its own. */
  public CardTemplate(
      String topic,
      String title,
      String indicator,
      String summary,
      String detail,
      String sourceLabel,
      String sourceUrl,
      List<Link> links) {
    this(
        topic,
        title,
        indicator,
        summary,
        detail,
        sourceLabel,
        sourceUrl,
        links,
        true,
        null,
        Map.of());
  }

  /** The same card with other summary and detail text (parameters filled in). */
  CardTemplate withText(String newSummary, String newDetail) {
    return new CardTemplate(
        topic,
        title,
        indicator,
        newSummary,
        newDetail,
        sourceLabel,
        sourceUrl,
        links,
        snooze,
        definition,
        suggestions);
  }

  /** The label of a suggestion (on the button) and the description of its action. */
  public record SuggestionText(String label, String description) {}

  /** A link of the card: a label and an absolute URL. */
  public record Link(String label, String url) {}
}
