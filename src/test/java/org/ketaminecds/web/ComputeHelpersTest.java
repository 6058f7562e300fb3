package org.ketaminecds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComputeHelpersTest {

  /** Against a hang, not a timing: a latch that is never counted down fails the test. */
  private static final long GUARD_SECONDS = 30;

  private ComputeHelpers helpers;

  @AfterEach
  void close() {
    if (helpers != null) {
      helpers.close();
    }
  }

  @Test
  void oneHelperFewerThanTheCores() {
    assertThat(ComputeHelpers.forCores(1).helpers()).isZero();
    assertThat(ComputeHelpers.none().helpers()).isZero();
    helpers = ComputeHelpers.forCores(4);
    assertThat(helpers.helpers()).isEqualTo(3);
  }

  @Test
  void everyTaskRunsOnceAndTheResultsKeepTheTasksOrder() {
    helpers = ComputeHelpers.forCores(4);
    var runs = new AtomicIntegerArray(50);
    List<Callable<Integer>> tasks =
        IntStream.range(0, 50)
            .mapToObj(
                i ->
                    (Callable<Integer>)
                        () -> {
                          runs.incrementAndGet(i);
                          return i * i;
                        })
            .toList();

    List<Integer> results = helpers.runAll(tasks);

    assertThat(results).isEqualTo(IntStream.range(0, 50).map(i -> i * i).boxed().toList());
    assertThat(IntStream.range(0, 50).map(runs::get)).containsOnly(1);
  }

  @Test
  void aFreeHelperWorksBesideTheCallingThread() {
    helpers = ComputeHelpers.forCores(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    // Either task can only end once both have started: one thread alone would wait in vain.
    var bothStarted = new CountDownLatch(2);
    Callable<Boolean> meetsTheOther =
        () -> {
          threads.add(Thread.currentThread().getName());
          bothStarted.countDown();
          return bothStarted.await(GUARD_SECONDS, TimeUnit.SECONDS);
        };

    List<Boolean> met = helpers.runAll(List.of(meetsTheOther, meetsTheOther));

    assertThat(met).containsExactly(true, true);
    assertThat(threads).hasSize(2).contains(Thread.currentThread().getName());
    assertThat(helpers.tasksHelped()).isEqualTo(1);
  }

  @Test
  void whenEveryHelperIsBusyTheCallingThreadDoesAllTheWork() throws Exception {
    helpers = ComputeHelpers.forCores(2);
    var release = new CountDownLatch(1);
    var bothBlocked = new CountDownLatch(2);
    Callable<Boolean> blocks =
        () -> {
          bothBlocked.countDown();
          return release.await(GUARD_SECONDS, TimeUnit.SECONDS);
        };
    var otherCall = new AtomicReference<List<Boolean>>();
    var other = new Thread(() -> otherCall.set(helpers.runAll(List.of(blocks, blocks))));
    other.start();
    // The other call's thread and the one helper are both inside a blocking task now.
    assertThat(bothBlocked.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

    String caller = Thread.currentThread().getName();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Integer> results = helpers.runAll(numbersNotingTheirThread(5, threads));

    assertThat(results).containsExactly(0, 1, 2, 3, 4);
    assertThat(threads).containsExactly(caller);
    // The helper is inside the other call's second task; the first is the other call's own.
    assertThat(helpers.tasksHelped()).isZero();
    release.countDown();
    other.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    assertThat(otherCall.get()).containsExactly(true, true);
    assertThat(helpers.tasksHelped()).isEqualTo(1);
  }

  @Test
  void theFirstFailingTaskInOrderFailsTheCallOnceEveryTaskHasRun() {
    helpers = ComputeHelpers.forCores(4);
    var ran = new AtomicInteger();
    List<Callable<String>> tasks =
        IntStream.range(0, 10)
            .mapToObj(
                i ->
                    (Callable<String>)
                        () -> {
                          ran.incrementAndGet();
                          if (i == 3 || i == 7) {
                            throw new IllegalArgumentException("task " + i);
                          }
                          return "ok";
                        })
            .toList();

    assertThatThrownBy(() -> helpers.runAll(tasks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task 3");
    assertThat(ran.get()).isEqualTo(10);
  }

  @Test
  void withoutHelpersTheCallingThreadRunsEverything() {
    helpers = ComputeHelpers.none();
    String caller = Thread.currentThread().getName();
    Set<String> threads = ConcurrentHashMap.newKeySet();

    List<Integer> results = helpers.runAll(numbersNotingTheirThread(3, threads));

    assertThat(results).containsExactly(0, 1, 2);
    assertThat(threads).containsExactly(caller);
  }

  @Test
  void aSharedTaskIsDoneByAFreeHelper() throws Exception {
    helpers = ComputeHelpers.forCores(2);
    var started = new CountDownLatch(1);
    var thread = new AtomicReference<String>();

    ComputeHelpers.Shared<String> shared =
        helpers.share(
            List.of(
                () -> {
                  thread.set(Thread.currentThread().getName());
                  started.countDown();
                  return "read";
                }));

    // Started before anyone joins: a helper took it.
    assertThat(started.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(shared.join()).containsExactly("read");
    assertThat(thread.get()).startsWith("compute-helper-");
    assertThat(helpers.tasksHelped()).isEqualTo(1);
  }

  @Test
  void aSharedTaskNoHelperTookIsDoneByTheThreadThatJoinsOnce() throws Exception {
    helpers = ComputeHelpers.forCores(2);
    var release = new CountDownLatch(1);
    var helperBusy = new CountDownLatch(1);
    ComputeHelpers.Shared<Boolean> busy =
        helpers.share(
            List.of(
                () -> {
                  helperBusy.countDown();
                  return release.await(GUARD_SECONDS, TimeUnit.SECONDS);
                }));
    assertThat(helperBusy.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    var runs = new AtomicInteger();
    var thread = new AtomicReference<String>();

    ComputeHelpers.Shared<Integer> shared =
        helpers.share(
            List.of(
                () -> {
                  thread.set(Thread.currentThread().getName());
                  return runs.incrementAndGet();
                }));

    assertThat(shared.join()).containsExactly(1);
    assertThat(thread.get()).isEqualTo(Thread.currentThread().getName());
    release.countDown();
    assertThat(busy.join()).containsExactly(true);
    // The helper later finds nothing left to take.
    assertThat(shared.join()).containsExactly(1);
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void theJoiningThreadDoesTheSharedTasksLeftWhileAHelperFinishesTheOneItTook() throws Exception {
    helpers = ComputeHelpers.forCores(2);
    var release = new CountDownLatch(1);
    var helperInFirst = new CountDownLatch(1);
    var restDone = new CountDownLatch(5);
    Set<String> threadsOfTheRest = ConcurrentHashMap.newKeySet();
    List<Callable<Integer>> tasks =
        IntStream.range(0, 6)
            .mapToObj(
                i ->
                    (Callable<Integer>)
                        () -> {
                          if (i == 0) {
                            helperInFirst.countDown();
                            return release.await(GUARD_SECONDS, TimeUnit.SECONDS) ? 0 : -1;
                          }
                          threadsOfTheRest.add(Thread.currentThread().getName());
                          restDone.countDown();
                          return i;
                        })
            .toList();

    ComputeHelpers.Shared<Integer> shared = helpers.share(tasks);
    // The one helper took the first task, and is held there.
    assertThat(helperInFirst.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    var joined = new AtomicReference<List<Integer>>();
    var joiner = new Thread(() -> joined.set(shared.join()), "joins");
    joiner.start();

    // The joiner does the five others without waiting for the helper, then waits for it.
    assertThat(restDone.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(threadsOfTheRest).containsExactly("joins");
    assertThat(joined.get()).isNull();
    release.countDown();
    joiner.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    assertThat(joined.get()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(helpers.tasksHelped()).isEqualTo(1);
  }

  @Test
  void aSharedTasksFailureIsThrownByJoin() {
    helpers = ComputeHelpers.forCores(2);

    ComputeHelpers.Shared<String> shared =
        helpers.share(
            List.of(
                () -> {
                  throw new IllegalArgumentException("unreadable");
                }));

    assertThatThrownBy(shared::join)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unreadable");
  }

  /** Tasks that give 0, 1, 2... and note the thread each ran on. */
  private static List<Callable<Integer>> numbersNotingTheirThread(int count, Set<String> threads) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                (Callable<Integer>)
                    () -> {
                      threads.add(Thread.currentThread().getName());
                      return i;
                    })
        .toList();
  }
}
