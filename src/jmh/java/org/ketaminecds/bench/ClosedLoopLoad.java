package org.ketaminecds.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load on loopback: {@code connections} threads, each sending the same request on its
 * own keep-alive connection as soon as the previous answer is in. Bounded twice: a warm-up and a
 * measuring time, and a cap on requests, so it always stops by itself.
 */
final class ClosedLoopLoad {

  static final long MAX_REQUESTS_PER_STEP = 300_000;

  private final int port;
  private final Duration warmUp;
  private final Duration measure;

  ClosedLoopLoad(int port, Duration warmUp, Duration measure) {
    this.port = port;
    this.warmUp = warmUp;
    this.measure = measure;
  }

  LoadResult run(String target, String chart, String path, byte[] body, int connections)
      throws InterruptedException {
    byte[] request = RawHttpConnection.post(port, path, body);
    drive(request, connections, warmUp, new ArrayList<>(), new AtomicLong());
    var histograms = new ArrayList<Histogram>();
    var errors = new AtomicLong();
    long started = System.nanoTime();
    drive(request, connections, measure, histograms, errors);
    double seconds = (System.nanoTime() - started) / 1e9;
    Histogram total = new Histogram(3_600_000_000L, 3);
    histograms.forEach(total::add);
    return new LoadResult(
        target, chart, connections, total.getTotalCount(), errors.get(), seconds, total);
  }

  private void drive(
      byte[] request,
      int connections,
      Duration duration,
      List<Histogram> histograms,
      AtomicLong errors)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    long perConnection = MAX_REQUESTS_PER_STEP / connections;
    var done = new CountDownLatch(connections);
    var threads = new ArrayList<Thread>();
    for (int i = 0; i < connections; i++) {
      Histogram histogram = new Histogram(3_600_000_000L, 3);
      histograms.add(histogram);
      Thread thread =
          new Thread(
              () -> {
                try (var connection = new RawHttpConnection(port)) {
                  for (long n = 0; n < perConnection && System.nanoTime() < deadline; n++) {
                    long sent = System.nanoTime();
                    RawHttpConnection.Answer answer = connection.exchange(request);
                    histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    if (answer.status() != 200) {
                      errors.incrementAndGet();
                    }
                  }
                } catch (IOException e) {
                  errors.incrementAndGet();
                  System.err.println("load connection failed: " + e);
                } finally {
                  done.countDown();
                }
              },
              "load-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    done.await();
  }
}
