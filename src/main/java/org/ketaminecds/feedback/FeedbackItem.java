package org.ketaminecds.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One feedback item as stored: what the clinician did with a card. Of the override reason only its
 * code and the length of the clinician's comment are kept, never the comment.
 *
 * @param outcomeAt the item's {@code outcomeTimestamp}; null when the EHR sent none
 */
public record FeedbackItem(
    String card,
    String outcome,
    List<String> acceptedSuggestions,
    String reasonSystem,
    String reasonCode,
    Integer commentLength,
    Instant outcomeAt) {

  public FeedbackItem {
    acceptedSuggestions = List.copyOf(acceptedSuggestions);
  }

  boolean overridden() {
    return "overridden".equals(outcome);
  }
}
