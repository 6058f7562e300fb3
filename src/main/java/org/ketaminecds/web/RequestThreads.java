package org.ketaminecds.web;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Tomcat serves requests on: one more than the {@link ComputeSlots}, so that one is
 * always ready to read the next call while the slots compute, and more only while threads wait on
 * I/O.
 *
 * <p>Why not Tomcat's own pool: it starts a thread per busy connection (sixteen for sixteen EHR
 * connections), and every call then cost two thread wake-ups, one to read it and one to give it a
 * slot. Measured on the two-core machine with {@code wrk -t2 -c16} on the small chart: a fifth of
 * the service's CPU per call went to waking and switching threads (README, Performance).
 *
 * <p>A thread that waits on I/O (a FHIR query, a slow client's body, the database) says so through
 * {@link #block}: the pool then lets another thread run meanwhile (a {@link
 * ForkJoinPool.ManagedBlocker}), up to {@code maxBlocked} more threads than the pool's size, so
 * that a slow FHIR server or database never leaves the calls that need neither without a thread.
 */
public final class RequestThreads implements AutoCloseable {

  private final ForkJoinPool pool;

  /**
   * @param size threads that run at once when none waits on I/O
   * @param maxBlocked most threads added while others wait on I/O; past that, waiting threads are
   *     not replaced (as with a fixed pool) instead of failing
   */
  public RequestThreads(int size, int maxBlocked) {
    if (size < 1 || maxBlocked < 0) {
      throw new IllegalArgumentException("request threads: size " + size + ", " + maxBlocked);
    }
    ClassLoader loader = RequestThreads.class.getClassLoader();
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ForkJoinPool(
            size,
            pool -> new RequestThread(pool, "http-worker-" + count.incrementAndGet(), loader),
            null,
            // First in, first out: the order in which Tomcat hands over the connections.
            true,
            size,
            size + maxBlocked,
            // One thread may wait without being replaced: that is the one beyond the slots.
            Math.max(1, size - 1),
            pool -> true,
            60,
            TimeUnit.SECONDS);
  }

  /** The executor for Tomcat's connector. */
  public ForkJoinPool executor() {
    return pool;
  }

  /** Threads alive now, waiting or not. */
  public int threads() {
    return pool.getPoolSize();
  }

  /**
   * Runs blocking I/O; on a request thread, the pool lets another thread run meanwhile. Elsewhere
   * (tools, tests, other pools) it just runs.
   *
   * @throws E what the I/O throws
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public static <T, E extends Exception> T block(BlockingIo<T, E> io)
      throws E, InterruptedException {
    if (!(Thread.currentThread() instanceof RequestThread)) {
      return io.get();
    }
    Waiting<T, E> waiting = new Waiting<>(io);
    ForkJoinPool.managedBlock(waiting);
    return waiting.result();
  }

  /** Stops the threads once Tomcat has stopped handing them requests. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** I/O that waits: a query, a read, a statement. */
  @FunctionalInterface
  public interface BlockingIo<T, E extends Exception> {
    T get() throws E, InterruptedException;
  }

  private static final class RequestThread extends ForkJoinWorkerThread {
    RequestThread(ForkJoinPool pool, String name, ClassLoader loader) {
      super(pool);
      setName(name);
      // Drools and HAPI load classes through it; the creating thread's could be any.
      setContextClassLoader(loader);
    }
  }

  /** One wait, run by the pool's {@link ForkJoinPool#managedBlock}. */
  private static final class Waiting<T, E extends Exception>
      implements ForkJoinPool.ManagedBlocker {
    private final BlockingIo<T, E> io;
    private T result;
    private Exception failure;
    private boolean done;

    Waiting(BlockingIo<T, E> io) {
      this.io = io;
    }

    @Override
    public boolean block() throws InterruptedException {
      try {
        result = io.get();
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        failure = e;
      }
      done = true;
      return true;
    }

    @Override
    public boolean isReleasable() {
      return done;
    }

    @SuppressWarnings("unchecked")
    T result() throws E {
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure != null) {
        // io.get() declares only E, InterruptedException (rethrown above) and unchecked ones.
        throw (E) failure;
      }
      return result;
    }
  }
}
