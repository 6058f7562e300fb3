package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TrialsTextTest {

  /**
   * The weeks of a trial read as {@code %.1f} of {@code days / 7.0} wrote them, for every count.
   */
  @Test
  void weeksAreWrittenAsTheFormatterWroteThem() {
    for (long days = -1_000; days <= 200_000; days++) {
      assertThat(TrialsText.weeks(days))
          .as("%d days", days)
          .isEqualTo(String.format(Locale.ROOT, "%.1f", days / 7.0));
    }
  }
}
