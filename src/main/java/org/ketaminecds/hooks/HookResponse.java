package org.ketaminecds.hooks;

import java.util.List;
import org.ketaminecds.cards.Card;

/**
 * The answer to a hook call: {@code {"cards": [...]}}, where an empty list is the one empty value
 * the contract allows.
 */
record HookResponse(List<Card> cards) {

  static HookResponse none() {
    return new HookResponse(List.of());
  }
}
