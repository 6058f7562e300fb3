package org.ketaminecds.workbench;

import java.util.Comparator;
import java.util.List;
import org.ketaminecds.scenarios.FactWords;

/**
 * One fact of the working memory at the end of an evaluation, in words ({@link FactWords}): its
 * type as the rules name it, each field by its name in words with ISO dates and yes/no, and the
 * whole on one line (what the page's filter searches). Read from the record's components, so a fact
 * a rule author adds needs nothing here.
 *
 * @param reference one of the reference tables every call sees (parameters, minimum doses), which
 *     the page keeps folded away
 */
record FactView(String type, String text, List<FactWords.Field> fields, boolean reference) {

  static List<FactView> of(List<Object> facts) {
    return facts.stream()
        .map(
            fact ->
                new FactView(
                    FactWords.type(fact),
                    FactWords.line(fact),
                    FactWords.fields(fact),
                    FactWords.isReference(fact)))
        .sorted(Comparator.comparing(FactView::type).thenComparing(FactView::text))
        .toList();
  }
}
