package org.ketaminecds.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Threads that help one hook call with a large chart: its independent pieces of work (slices of a
 * large Bundle's entries to read, the kinds of facts to extract) are shared between the call's own
 * thread and the helpers, one fewer than the cores.
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
            // Work handed over waits for a helper that is still busy; by then the call may have
            // done it itself, and the hand-over is only a look at an empty to-do list. Beyond a
            // few dozen waiting hand-overs, more are dropped: the calls do that work themselves.
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
    // The calling thread starts on the first task at once: one task needs no helper.
    return start(tasks, tasks.size() - 1).join();
  }

  /**
   * Hands the tasks to the free helpers and returns at once, so that the calling thread can go on
   * with other work; {@link Shared#join} later gives their results as {@link #runAll} does, doing
   * itself the tasks no helper has taken by then.
   */
  public <T> Shared<T> share(List<? extends Callable<T>> tasks) {
    return start(tasks, tasks.size());
  }

  private <T> Shared<T> start(List<? extends Callable<T>> tasks, int helpersWanted) {
    var shared = new Shared<T>(tasks);
    if (pool != null) {
      for (int i = 0; i < Math.min(helpers, helpersWanted); i++) {
        pool.execute(() -> shared.drain(helped));
      }
    }
    return shared;
  }

  /**
   * Tasks shared between the helpers and the thread that joins them: whichever thread comes next
   * takes the next task.
   */
  public static final class Shared<T> {
    private final List<? extends Callable<T>> tasks;
    private final T[] results;
    private final Throwable[] failures;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;

    @SuppressWarnings("unchecked")
    private Shared(List<? extends Callable<T>> tasks) {
      this.tasks = tasks;
      this.results = (T[]) new Object[tasks.size()];
      this.failures = new Throwable[tasks.size()];
      this.done = new CountDownLatch(tasks.size());
    }

    /**
     * The results in the order of the tasks, or the first failing task's exception: the tasks no
     * helper has taken yet are run here, then those a helper is working on are waited for.
     */
    public List<T> join() {
      runUntaken();
      awaitUninterruptibly(done);
      var list = new ArrayList<T>(results.length);
      for (int i = 0; i < results.length; i++) {
        if (failures[i] != null) {
          throw rethrown(failures[i]);
        }
        list.add(results[i]);
      }
      return list;
    }

    /**
     * Runs here the tasks no helper has taken yet, without waiting for those a helper is working
     * on: a thread that has several shared sets to join does what is left of each before it waits
     * on any.
     */
    public void runUntaken() {
      drain(null);
    }

    /**
     * Runs tasks until none is left to take.
     *
     * @param helped counts each task, before it is seen done, on a helper; null on the joining
     *     thread
     */
    private void drain(LongAdder helped) {
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
}
