package org.ketaminecds.feedback;

import java.time.Instant;
import java.util.List;
import org.ketaminecds.cards.Card;

/**
 * What the audit trail and the issued-card table keep of one hook call. The patient id is hashed
 * before it is written; nothing of the chart or the cards' text is kept.
 *
 * @param status the HTTP status answered (200, or 412/400 when the chart could not be had)
 * @param snoozedTopics the topics left out because a clinician snoozed them for this patient
 */
public record HookCallRecord(
    String hookInstance,
    String serviceId,
    String ruleSetVersion,
    String patientId,
    List<IssuedCard> cards,
    List<String> snoozedTopics,
    int status,
    long latencyMicros,
    Instant calledAt) {

  public HookCallRecord {
    cards = List.copyOf(cards);
    snoozedTopics = List.copyOf(snoozedTopics);
  }

  /** A card as stored: its uuid, topic and indicator, nothing of its text. */
  public record IssuedCard(String uuid, String topic, String indicator) {

    public static List<IssuedCard> of(List<Card> cards) {
      return cards.stream()
          .map(card -> new IssuedCard(card.uuid(), topic(card), card.indicator()))
          .toList();
    }

    private static String topic(Card card) {
      return card.source() == null || card.source().topic() == null
          ? "unknown"
          : card.source().topic().code();
    }
  }
}
