package org.ketaminecds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestThreadsTest {

  @Test
  void aThreadWaitingOnIoIsReplacedSoThatQueuedRequestsRun() throws Exception {
    try (var threads = new RequestThreads(1, 2)) {
      var released = new CountDownLatch(1);
      var waiting = new CompletableFuture<String>();
      threads.executor().execute(() -> waiting.complete(blockUntil(released, "fetched")));

      // With the only thread waiting and not replaced, this would never run.
      var next = new CompletableFuture<String>();
      threads.executor().execute(() -> next.complete("served"));

      assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo("served");
      assertThat(waiting).isNotDone();
      released.countDown();
      assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("fetched");
    }
  }

  @Test
  void pastTheLimitWaitingThreadsAreNotReplacedAndNothingFails() throws Exception {
    try (var threads = new RequestThreads(1, 0)) {
      var released = new CountDownLatch(1);
      var waiting = new CompletableFuture<String>();
      var started = new CountDownLatch(1);
      threads
          .executor()
          .execute(
              () -> {
                started.countDown();
                waiting.complete(blockUntil(released, "fetched"));
              });
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

      var next = new CompletableFuture<String>();
      threads.executor().execute(() -> next.complete("served"));
      Thread.sleep(200);
      assertThat(next).as("no thread beyond the limit").isNotDone();

      released.countDown();
      assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("fetched");
      assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo("served");
    }
  }

  @Test
  void whatTheIoThrowsIsThrownAsItIsOnAndOffTheRequestThreads() throws Exception {
    RequestThreads.BlockingIo<String, IOException> failing =
        () -> {
          throw new IOException("client went away");
        };
    RequestThreads.BlockingIo<String, RuntimeException> broken =
        () -> {
          throw new IllegalStateException("broken");
        };
    assertThatThrownBy(() -> RequestThreads.block(failing))
        .isInstanceOf(IOException.class)
        .hasMessage("client went away");

    try (var threads = new RequestThreads(1, 1)) {
      var onThread = new CompletableFuture<Throwable>();
      var runtime = new CompletableFuture<Throwable>();
      threads
          .executor()
          .execute(
              () -> {
                onThread.complete(thrownBy(failing));
                runtime.complete(thrownBy(broken));
              });
      assertThat(onThread.get(30, TimeUnit.SECONDS))
          .isInstanceOf(IOException.class)
          .hasMessage("client went away");
      assertThat(runtime.get(30, TimeUnit.SECONDS))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("broken");
    }
  }

  @Test
  void requestThreadsLoadClassesThroughTheServicesClassLoader() throws Exception {
    try (var threads = new RequestThreads(1, 0)) {
      var loader = new CompletableFuture<ClassLoader>();
      threads
          .executor()
          .execute(() -> loader.complete(Thread.currentThread().getContextClassLoader()));
      assertThat(loader.get(30, TimeUnit.SECONDS)).isSameAs(RequestThreads.class.getClassLoader());
    }
  }

  private static String blockUntil(CountDownLatch released, String answer) {
    try {
      return RequestThreads.block(
          () -> {
            released.await();
            return answer;
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Throwable thrownBy(RequestThreads.BlockingIo<String, ?> io) {
    try {
      RequestThreads.block(io);
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
