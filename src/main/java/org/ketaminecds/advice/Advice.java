package org.ketaminecds.advice;

import java.util.List;
import org.ketaminecds.cards.Card;
import org.ketaminecds.rules.Evaluation;

/** The cards for one patient and hook, with the evaluation that produced them. */
public record Advice(List<Card> cards, Evaluation evaluation, int factCount) {

  public Advice {
    cards = List.copyOf(cards);
  }
}
