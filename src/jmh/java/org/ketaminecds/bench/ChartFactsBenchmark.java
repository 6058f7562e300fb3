package org.ketaminecds.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.terminology.Terminology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A parsed chart (HAPI resources) to the facts the rules reason over. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChartFactsBenchmark {

  @Param({"small", "heavy"})
  public String chart;

  private ChartFacts chartFacts;
  private PatientRecord record;
  private LocalDate today;

  @Setup
  public void setUp() {
    chartFacts = new ChartFacts(new Terminology());
    record = ParsedCharts.parse(BenchCharts.chart(chart));
    today = BenchCharts.today();
  }

  @Benchmark
  public List<Object> chartToFacts() {
    return chartFacts.extract(record, today);
  }
}
