package org.ketaminecds.bench;

import org.HdrHistogram.Histogram;

/**
 * One load step: a target answering one request at a fixed number of connections (closed loop),
 * with its latency distribution in microseconds.
 */
record LoadResult(
    String target,
    String chart,
    int connections,
    long requests,
    long errors,
    double seconds,
    Histogram latencyMicros) {

  double throughput() {
    return requests / seconds;
  }

  double percentileMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  String row() {
    return String.format(
        java.util.Locale.ROOT,
        "| %s | %s | %d | %,.0f | %.2f | %.2f | %.2f | %d |",
        target,
        chart,
        connections,
        throughput(),
        percentileMillis(50),
        percentileMillis(99),
        latencyMicros.getMaxValue() / 1000.0,
        errors);
  }
}
