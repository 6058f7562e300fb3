package org.ketaminecds.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit row and the issued cards of each hook call without making the call wait: the call
 * only queues its record; the storage thread writes the queue in batches every {@code
 * cds.feedback.write-interval}. While the database is down the rows wait (up to the queue's
 * capacity, then the oldest are dropped and counted); the call has answered either way.
 */
@Component
public class CallRecorder implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

  private final BlockingQueue<HookCallRecord> queue;
  private final ArrayDeque<HookCallRecord> pending = new ArrayDeque<>();
  private final CallRows rows;
  private final int batchSize;
  private final int capacity;
  private final Counter dropped;
  private final Counter failures;
  private final Counter written;
  private boolean failing;

  CallRecorder(
      CallRows rows,
      FeedbackProperties properties,
      ScheduledExecutorService storageTasks,
      MeterRegistry meters) {
    this.rows = rows;
    this.batchSize = properties.writeBatchSize();
    this.capacity = properties.writeQueueCapacity();
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.dropped = meters.counter("cds.storage.calls.dropped");
    this.failures = meters.counter("cds.storage.write.failures");
    this.written = meters.counter("cds.storage.calls.written");
    meters.gauge("cds.storage.calls.waiting", this, recorder -> recorder.waiting());
    long interval = properties.writeInterval().toMillis();
    storageTasks.scheduleWithFixedDelay(
        this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** Queues a call's record; never blocks, never fails the call. */
  public void record(HookCallRecord call) {
    if (!queue.offer(call)) {
      dropped.increment();
    }
  }

  /**
   * Writes everything queued so far, now. The feedback endpoint calls it before it decides that a
   * card is unknown, so that feedback on a card issued a moment ago finds it.
   */
  synchronized void flush() {
    queue.drainTo(pending);
    while (!pending.isEmpty()) {
      List<HookCallRecord> batch = new ArrayList<>(Math.min(batchSize, pending.size()));
      for (HookCallRecord call : pending) {
        if (batch.size() == batchSize) {
          break;
        }
        batch.add(call);
      }
      rows.write(batch);
      for (int i = 0; i < batch.size(); i++) {
        pending.removeFirst();
      }
      written.increment(batch.size());
    }
  }

  private void flushQuietly() {
    try {
      flush();
      if (failing) {
        failing = false;
        log.info("Storage is back: the waiting hook calls were written");
      }
    } catch (RuntimeException e) {
      failures.increment();
      synchronized (this) {
        while (pending.size() > capacity) {
          pending.removeFirst();
          dropped.increment();
        }
      }
      if (!failing) {
        failing = true;
        // The exception's class only: driver messages can quote values.
        log.warn(
            "Storage unavailable ({}): {} hook calls wait to be written to the audit trail",
            e.getClass().getSimpleName(),
            waiting());
      }
    }
  }

  private synchronized int waitingPending() {
    return pending.size();
  }

  private int waiting() {
    return queue.size() + waitingPending();
  }

  @Override
  public void destroy() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn(
          "Storage unavailable at shut-down ({}): {} hook calls not written",
          e.getClass().getSimpleName(),
          waiting());
    }
  }
}
