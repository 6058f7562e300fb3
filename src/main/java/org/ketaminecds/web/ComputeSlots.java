package org.ketaminecds.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most a few hook calls compute at once, about one per core; the others wait their turn, first
 * come first served.
 *
 * <p>Why: a hook call is CPU work (read the chart, run the rules, write the cards). With one Tomcat
 * thread per EHR connection, sixteen connections on two cores meant sixteen calls sliced against
 * each other and against the JIT compiler: each call took sixteen times as long, held its chart and
 * rule session in the heap all that time (longer young collections), and the compiler was starved
 * (minutes to reach compiled code). Measured on the two-core machine with {@code wrk -t2 -c16} on
 * the small chart: 1,124 requests/s with Tomcat's own pool, 2,653 with Tomcat held to three
 * threads, which the slots reproduce without holding up calls that wait on the FHIR server (README,
 * Performance).
 *
 * <p>A call that waits on I/O gives its slot back meanwhile ({@link #whileWaiting}), so a slow FHIR
 * server does not hold the cores idle.
 */
public final class ComputeSlots {

  private final Semaphore slots;
  private final Duration maxWait;
  private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /**
   * @param size how many calls compute at once
   * @param maxWait how long a call waits for a slot before it is answered 503
   */
  public ComputeSlots(int size, Duration maxWait) {
    if (size < 1) {
      throw new IllegalArgumentException("compute slots must be at least 1, not " + size);
    }
    this.slots = new Semaphore(size, true);
    this.maxWait = maxWait;
  }

  /**
   * Slots that no thread takes, for loaders used outside the service (tools, tests): {@link
   * #whileWaiting} just waits.
   */
  public static ComputeSlots none() {
    return new ComputeSlots(1, Duration.ofSeconds(1));
  }

  /** About one call per core, plus one to cover a call that is between reading and computing. */
  public static int forCores(int cores) {
    return cores + 1;
  }

  /**
   * Takes a slot for the current thread, waiting at most {@code maxWait}.
   *
   * @return false when none became free in time (the caller answers 503)
   */
  public boolean enter() throws InterruptedException {
    if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    holding.set(Boolean.TRUE);
    return true;
  }

  /** Gives back the current thread's slot. */
  public void leave() {
    holding.set(Boolean.FALSE);
    slots.release();
  }

  /**
   * Runs blocking I/O without the current thread's slot, if it holds one, and takes a slot again
   * before returning: the I/O's result is then computed on like any other call.
   */
  public <T> T whileWaiting(Wait<T> io) throws InterruptedException {
    if (!holding.get()) {
      return io.get();
    }
    leave();
    try {
      return io.get();
    } finally {
      slots.acquireUninterruptibly();
      holding.set(Boolean.TRUE);
    }
  }

  /** Blocking I/O, such as waiting for FHIR queries to answer. */
  @FunctionalInterface
  public interface Wait<T> {
    T get() throws InterruptedException;
  }

  /** Calls waiting for a slot now. */
  public int waiting() {
    return slots.getQueueLength();
  }
}
