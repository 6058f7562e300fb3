package org.ketaminecds.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Threads that help one hook call with a large chart: its independent pieces of work (the prefetch
 * keys to read, the kinds of facts to extract) are shared between the call's own thread and the
 * helpers, one fewer than the cores.
 *
 * <p>Why: an EHR waits on every call, and a long-treated patient's chart (about 1 MB) takes
 * milliseconds to read on one core while the other cores may be idle. Under full load the cores are
 * busy anyway, and sharing gains nothing; so the call's own thread never waits for a helper to
 * become free. It takes the next piece of work itself, and does whatever no helper has taken: a
 * busy helper costs nothing, and a call waits only for the pieces a helper is working on.
 */
public final class ComputeHelpers implements AutoCloseable {

  private static final ComputeHelpers NONE = new ComputeHelpers(null, 0);

  private final ThreadPoolExecutor pool;
  private final int helpers;
  private final LongAdder helped = new LongAdder();

  private ComputeHelpers(ThreadPoolExecutor pool, int helpers) {
    this.pool = pool;
    this.helpers = helpers;
  }

  /** No helpers: the call's own thread does all its work (tools, tests, one core). */
  public static ComputeHelpers none() {
    return NONE;
  }

  /**
   * One helper thread fewer than the cores (none on one core). The threads are daemons and idle
   * threads stay ready: a call hands work over without starting one.
   */
  public static ComputeHelpers forCores(int cores) {
    int helpers = cores - 1;
    if (helpers < 1) {
      return NONE;
    }
    var threads = new AtomicInteger();
    var pool =
        new ThreadPoolExecutor(
            helpers,
            helpers,
            0,
            TimeUnit.SECONDS,
            // An offer of help waits for a helper that is still busy; by then the call may have
            // done the work itself, and the offer is only a look at an empty to-do list. Beyond a
            // few dozen waiting offers, more are dropped: the calls do that work themselves.
            new LinkedBlockingQueue<>(32 * helpers),
            runnable -> {
              var thread = new Thread(runnable, "compute-helper-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());
    pool.prestartAllCoreThreads();
    return new ComputeHelpers(pool, helpers);
  }

  /** How many threads help besides the call's own. */
  public int helpers() {
    return helpers;
  }

  /** How many tasks the helpers have done so far (the rest were done by the calls' own threads). */
  public long tasksHelped() {
    return helped.sum();
  }

  /**
   * Runs every task and returns their results in the order of the tasks, as running them one after
   * the other would. Each task runs exactly once, on the calling thread or on a helper. When tasks
   * fail, the first failing task's exception (in the order of the tasks) is thrown, once all have
   * run: tasks must not depend on each other.
   */
  public <T> List<T> runAll(List<? extends Callable<T>> tasks) {
    int count = tasks.size();
    var work = new SharedTasks<T>(tasks);
    if (pool != null && count > 1) {
      for (int i = 0; i < Math.min(helpers, count - 1); i++) {
        pool.execute(() -> work.drain(helped));
      }
    }
    work.drain(null);
    work.awaitAll();
    var results = new ArrayList<T>(count);
    for (int i = 0; i < count; i++) {
      if (work.failures[i] != null) {
        throw rethrown(work.failures[i]);
      }
      results.add(work.results[i]);
    }
    return results;
  }

  /**
   * Offers one task to a free helper and returns at once; {@link Offered#join} gives its result.
   * The task runs exactly once: on a helper that took it, or on the joining thread if none has.
   */
  public <T> Offered<T> offer(Callable<T> task) {
    var offered = new Offered<T>(task);
    if (pool != null) {
      pool.execute(() -> offered.runUnlessTaken(helped));
    }
    return offered;
  }

  /** A task offered to the helpers, whose result is waited for, or worked out, by {@link #join}. */
  public static final class Offered<T> {
    private final Callable<T> task;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private T result;
    private Throwable failure;

    private Offered(Callable<T> task) {
      this.task = task;
    }

    /**
     * The task's result, or its exception: run here if no helper has taken it yet, else waited for.
     */
    public T join() {
      runUnlessTaken(null);
      awaitUninterruptibly(done);
      if (failure != null) {
        throw rethrown(failure);
      }
      return result;
    }

    /**
     * Runs the task unless another thread has taken it.
     *
     * @param helped counts the task, before it is seen done, when a helper runs it; null on the
     *     joining thread
     */
    private void runUnlessTaken(LongAdder helped) {
      if (!taken.compareAndSet(false, true)) {
        return;
      }
      try {
        result = task.call();
      } catch (Throwable e) {
        failure = e;
      } finally {
        if (helped != null) {
          helped.increment();
        }
        done.countDown();
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /**
   * Waits for work a helper has taken: it is bounded by that work, and its results must not be read
   * half written. An interrupt is kept for the caller to see after.
   */
  private static void awaitUninterruptibly(CountDownLatch done) {
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }

  /** The tasks of one call; whichever thread comes next takes the next task. */
  private static final class SharedTasks<T> {
    private final List<? extends Callable<T>> tasks;
    private final T[] results;
    private final Throwable[] failures;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;

    @SuppressWarnings("unchecked")
    SharedTasks(List<? extends Callable<T>> tasks) {
      this.tasks = tasks;
      this.results = (T[]) new Object[tasks.size()];
      this.failures = new Throwable[tasks.size()];
      this.done = new CountDownLatch(tasks.size());
    }

    /**
     * Runs tasks until none is left to take.
     *
     * @param helped counts each task, before it is seen done, on a helper; null on the call's
     *     thread
     */
    void drain(LongAdder helped) {
      for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
        try {
          results[i] = tasks.get(i).call();
        } catch (Throwable failure) {
          failures[i] = failure;
        } finally {
          if (helped != null) {
            helped.increment();
          }
          done.countDown();
        }
      }
    }

    /** Waits for the tasks a helper took. */
    void awaitAll() {
      awaitUninterruptibly(done);
    }
  }
}
