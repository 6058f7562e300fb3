package org.ketaminecds.workbench;

import java.util.Comparator;
import java.util.List;

/**
 * One fact of the working memory at the end of an evaluation: its type and its values. The text is
 * the fact's {@code toString}, which for the fact records names every component, and which works
 * for any fact a rule author may add or declare in DRL without teaching the workbench about it.
 */
record FactView(String type, String text) {

  static List<FactView> of(List<Object> facts) {
    return facts.stream()
        .map(fact -> new FactView(fact.getClass().getSimpleName(), String.valueOf(fact)))
        .sorted(Comparator.comparing(FactView::type).thenComparing(FactView::text))
        .toList();
  }
}
