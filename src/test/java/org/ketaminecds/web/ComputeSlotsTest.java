package org.ketaminecds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ComputeSlotsTest {

  @Test
  void aSlotIsHeldUntilItIsGivenBack() throws Exception {
    var slots = new ComputeSlots(1, Duration.ofMillis(50));
    assertThat(slots.enter()).isTrue();

    assertThat(CompletableFuture.supplyAsync(() -> enter(slots)).get(30, TimeUnit.SECONDS))
        .as("the only slot is taken")
        .isFalse();

    slots.leave();
    assertThat(CompletableFuture.supplyAsync(() -> enter(slots)).get(30, TimeUnit.SECONDS))
        .isTrue();
  }

  @Test
  void whileWaitingTheSlotIsFreeForOthersAndTakenBackAfter() throws Exception {
    var slots = new ComputeSlots(1, Duration.ofMillis(200));
    assertThat(slots.enter()).isTrue();

    String answer =
        slots.whileWaiting(
            () -> {
              boolean other = CompletableFuture.supplyAsync(() -> enterAndLeave(slots)).join();
              assertThat(other).as("another call computes during the wait").isTrue();
              return "fetched";
            });

    assertThat(answer).isEqualTo("fetched");
    assertThat(CompletableFuture.supplyAsync(() -> enter(slots)).get(30, TimeUnit.SECONDS))
        .as("the waiting call holds its slot again")
        .isFalse();
    slots.leave();
  }

  @Test
  void whileWaitingWithoutASlotJustWaits() throws Exception {
    var slots = new ComputeSlots(1, Duration.ofMillis(50));
    assertThat(slots.whileWaiting(() -> 42)).isEqualTo(42);
    assertThat(slots.enter()).as("no slot was taken or given").isTrue();
    slots.leave();
  }

  @Test
  void oneSlotMoreThanCoresByDefault() {
    assertThat(new ComputeProperties(0, Duration.ofSeconds(2)).slotsFor(2)).isEqualTo(3);
    assertThat(new ComputeProperties(5, Duration.ofSeconds(2)).slotsFor(2)).isEqualTo(5);
    assertThatThrownBy(() -> new ComputeProperties(-1, Duration.ofSeconds(2)))
        .hasMessageContaining("cds.compute.slots");
    assertThatThrownBy(() -> new ComputeProperties(0, Duration.ZERO))
        .hasMessageContaining("cds.compute.max-wait");
  }

  private static boolean enter(ComputeSlots slots) {
    try {
      return slots.enter();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean enterAndLeave(ComputeSlots slots) {
    boolean entered = enter(slots);
    if (entered) {
      slots.leave();
    }
    return entered;
  }
}
