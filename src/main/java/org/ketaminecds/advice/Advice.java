package org.ketaminecds.advice;

import java.util.List;
import org.ketaminecds.cards.Card;
import org.ketaminecds.rules.Evaluation;

/** The cards for one patient and hook, with the evaluation that produced them. */
public record Advice(List<Card> cards, Evaluation evaluation, int factCount) {

  public Advice {
    cards = List.copyOf(cards);
  }

  /** No cards, and no rules run: an order hook whose draft orders hold no ketamine. */
  public static Advice withoutRules() {
    return new Advice(List.of(), null, 0);
  }

  /** Whether the rules ran; when not, {@link #evaluation()} is null. */
  public boolean rulesRan() {
    return evaluation != null;
  }
}
