package org.ketaminecds.bench;

import java.time.LocalDate;
import org.ketaminecds.charts.ChartGenerator;
import org.ketaminecds.charts.ChartSize;
import org.ketaminecds.charts.GeneratedChart;

/**
 * The charts every benchmark uses: seed 42, dated relative to the real today (the service under
 * load uses the system clock, and the chart's windows must line up with it).
 */
public final class BenchCharts {

  public static final long SEED = 42;

  private BenchCharts() {}

  public static LocalDate today() {
    return LocalDate.now();
  }

  public static GeneratedChart chart(String size) {
    return new ChartGenerator(SEED, today()).generate(ChartSize.named(size));
  }
}
