package org.ketaminecds.hooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ketaminecds.feedback.FeedbackItem;
import org.ketaminecds.feedback.FeedbackStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Feedback on cards (CDS Hooks 2.0 {@code /feedback}): every item is checked before anything is
 * stored (a malformed item is a 400 and nothing of the request is kept), then all are stored in one
 * transaction ({@link FeedbackStore}). Of the body only card uuids, outcomes, suggestion ids,
 * override reason codes and the length of the comment are kept: never the comment itself.
 */
@Component
class FeedbackRecorder {

  private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");
  static final int MAX_ITEMS = 1000;
  private static final int MAX_ID = 64;

  private final FeedbackStore store;

  FeedbackRecorder(FeedbackStore store) {
    this.store = store;
  }

  void record(CdsService service, byte[] body) {
    JsonNode items = feedbackItems(body);
    var parsed = new ArrayList<FeedbackItem>(items.size());
    int index = 0;
    for (JsonNode item : items) {
      parsed.add(item(item, index++));
    }
    store.store(service.id(), parsed);
  }

  private static FeedbackItem item(JsonNode item, int index) {
    String at = "feedback[" + index + "]";
    JsonNode card = item.get("card");
    JsonNode outcome = item.get("outcome");
    if (card == null
        || !card.isString()
        || card.asString().isBlank()
        || outcome == null
        || !outcome.isString()
        || !OUTCOMES.contains(outcome.asString())) {
      throw new InvalidHookRequestException(
          "Each feedback item needs card (the card's uuid) and outcome (accepted or overridden);"
              + " "
              + at
              + " does not have them");
    }
    if (card.asString().length() > MAX_ID) {
      throw new InvalidHookRequestException(at + ".card is longer than a card uuid can be");
    }
    List<String> accepted = acceptedSuggestions(item.get("acceptedSuggestions"), at);
    JsonNode reason = item.get("overrideReason");
    String system = null;
    String code = null;
    Integer commentLength = null;
    if (reason != null && !reason.isNull()) {
      if (!reason.isObject()) {
        throw new InvalidHookRequestException(at + ".overrideReason must be an object");
      }
      JsonNode coding = reason.get("reason");
      if (coding != null && !coding.isNull()) {
        if (!coding.isObject()) {
          throw new InvalidHookRequestException(at + ".overrideReason.reason must be a Coding");
        }
        system = text(coding.get("system"), at + ".overrideReason.reason.system");
        code = text(coding.get("code"), at + ".overrideReason.reason.code");
      }
      String comment = text(reason.get("userComment"), at + ".overrideReason.userComment");
      commentLength = comment == null ? null : comment.length();
    }
    return new FeedbackItem(
        card.asString(),
        outcome.asString(),
        accepted,
        system,
        code,
        commentLength,
        timestamp(item.get("outcomeTimestamp"), at));
  }

  private static List<String> acceptedSuggestions(JsonNode suggestions, String at) {
    if (suggestions == null || suggestions.isNull()) {
      return List.of();
    }
    if (!suggestions.isArray()) {
      throw new InvalidHookRequestException(at + ".acceptedSuggestions must be an array");
    }
    var ids = new ArrayList<String>();
    for (JsonNode suggestion : suggestions) {
      JsonNode id = suggestion.get("id");
      if (!suggestion.isObject() || id == null || !id.isString() || id.asString().isBlank()) {
        throw new InvalidHookRequestException(
            "Each of " + at + ".acceptedSuggestions needs an id (the suggestion's uuid)");
      }
      if (id.asString().length() > MAX_ID) {
        throw new InvalidHookRequestException(
            at + ".acceptedSuggestions holds an id longer than a suggestion uuid can be");
      }
      ids.add(id.asString());
    }
    return ids;
  }

  private static String text(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new InvalidHookRequestException(where + " must be a string");
    }
    return node.asString();
  }

  private static Instant timestamp(JsonNode node, String at) {
    String text = text(node, at + ".outcomeTimestamp");
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidHookRequestException(
          at + ".outcomeTimestamp must be an ISO 8601 instant with an offset");
    }
  }

  private static JsonNode feedbackItems(byte[] body) {
    JsonNode items = RequestJson.object(body, "feedback request").get("feedback");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw new InvalidHookRequestException(
          "The feedback request needs a non-empty feedback array");
    }
    if (items.size() > MAX_ITEMS) {
      throw new InvalidHookRequestException(
          "A feedback request holds at most " + MAX_ITEMS + " items; send them in parts");
    }
    return items;
  }
}
