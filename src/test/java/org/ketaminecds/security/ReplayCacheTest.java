package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {

  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final Instant LATER = NOW.plusSeconds(300);

  @Test
  void refusesASecondUseWhileTheTokenCouldStillBeAccepted() {
    ReplayCache cache = new ReplayCache(10);

    assertThat(cache.use("iss", "jti-1", LATER, NOW)).isEqualTo(ReplayCache.Outcome.FIRST_USE);
    assertThat(cache.use("iss", "jti-1", LATER, NOW.plusSeconds(299)))
        .isEqualTo(ReplayCache.Outcome.REPLAY);
  }

  @Test
  void keysByIssuerAndJti() {
    ReplayCache cache = new ReplayCache(10);

    cache.use("iss-a", "same-jti", LATER, NOW);

    assertThat(cache.use("iss-b", "same-jti", LATER, NOW)).isEqualTo(ReplayCache.Outcome.FIRST_USE);
  }

  @Test
  void forgetsAJtiOnceItsTokenHasExpired() {
    ReplayCache cache = new ReplayCache(10);
    cache.use("iss", "jti-1", LATER, NOW);

    assertThat(cache.use("iss", "jti-1", LATER.plusSeconds(300), LATER))
        .isEqualTo(ReplayCache.Outcome.FIRST_USE);
  }

  @Test
  void whenFullOfLiveEntriesRefusesRatherThanForget() {
    ReplayCache cache = new ReplayCache(2);
    cache.use("iss", "jti-1", LATER, NOW);
    cache.use("iss", "jti-2", LATER, NOW);

    assertThat(cache.use("iss", "jti-3", LATER, NOW)).isEqualTo(ReplayCache.Outcome.FULL);
    assertThat(cache.use("iss", "jti-1", LATER, NOW)).isEqualTo(ReplayCache.Outcome.REPLAY);
  }

  @Test
  void whenFullPurgesExpiredEntriesFirst() {
    ReplayCache cache = new ReplayCache(2);
    cache.use("iss", "jti-1", NOW.plusSeconds(10), NOW);
    cache.use("iss", "jti-2", NOW.plusSeconds(10), NOW);

    assertThat(cache.use("iss", "jti-3", LATER, NOW.plusSeconds(11)))
        .isEqualTo(ReplayCache.Outcome.FIRST_USE);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void purgesExpiredEntriesPeriodically() {
    ReplayCache cache = new ReplayCache(100);
    cache.use("iss", "jti-1", NOW.plusSeconds(10), NOW);
    cache.use("iss", "jti-2", NOW.plusSeconds(10), NOW);

    cache.use("iss", "jti-3", LATER, NOW.plus(ReplayCache.PURGE_INTERVAL));

    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void needsRoomForAtLeastOneEntry() {
    assertThatThrownBy(() -> new ReplayCache(0)).isInstanceOf(IllegalStateException.class);
  }
}
