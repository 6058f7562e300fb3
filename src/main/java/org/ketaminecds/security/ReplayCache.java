package org.ketaminecds.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti}s of accepted tokens, each remembered until its token could no longer be accepted
 * anyway (its {@code exp} plus the clock skew), so that a captured token cannot be sent a second
 * time.
 *
 * <p>Bounded, and failing closed: when full of entries that are still live, a new token is refused.
 * An evicting cache (LRU) would instead forget a live jti and let its token be replayed. Only
 * tokens with a valid signature from a trusted EHR get here, so only a trusted EHR can fill it.
 * Expired entries are purged at most once per {@link #PURGE_INTERVAL}, and at once when full.
 */
final class ReplayCache {

  enum Outcome {
    FIRST_USE,
    REPLAY,
    FULL
  }

  private record Seen(String issuer, String jti) {}

  static final Duration PURGE_INTERVAL = Duration.ofSeconds(30);

  private final Map<Seen, Instant> rememberedUntil = new ConcurrentHashMap<>();
  private final int maxEntries;
  private volatile Instant nextPurge = Instant.MIN;

  ReplayCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalStateException("cds.security.replay-cache-max-entries must be positive");
    }
    this.maxEntries = maxEntries;
  }

  /**
   * Records the use of a token.
   *
   * @param until when the token can no longer be accepted, so its jti can be forgotten
   */
  Outcome use(String issuer, String jti, Instant until, Instant now) {
    if (!now.isBefore(nextPurge)) {
      purge(now);
    }
    Seen seen = new Seen(issuer, jti);
    Instant known = rememberedUntil.get(seen);
    if (known != null && known.isAfter(now)) {
      return Outcome.REPLAY;
    }
    if (rememberedUntil.size() >= maxEntries) {
      purge(now);
      if (rememberedUntil.size() >= maxEntries) {
        return Outcome.FULL;
      }
    }
    boolean[] first = {false};
    // compute() is atomic per key: of two concurrent uses of one jti, one only is the first.
    rememberedUntil.compute(
        seen,
        (key, previous) -> {
          if (previous != null && previous.isAfter(now)) {
            return previous;
          }
          first[0] = true;
          return until;
        });
    return first[0] ? Outcome.FIRST_USE : Outcome.REPLAY;
  }

  int size() {
    return rememberedUntil.size();
  }

  private void purge(Instant now) {
    nextPurge = now.plus(PURGE_INTERVAL);
    rememberedUntil.values().removeIf(until -> !until.isAfter(now));
  }
}
