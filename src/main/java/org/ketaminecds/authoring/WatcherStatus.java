package org.ketaminecds.authoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The rules folder watcher's state, shown at {@code /admin/rules}: {@code watching}, {@code off}
 * (not asked to watch, or no folder) or {@code dead} (it stopped: changes are not picked up).
 *
 * @param lastChangeSeen when it last saw a saved file
 * @param diedAt when it stopped, for {@code dead}
 * @param reason why it is off or dead
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WatcherStatus(String state, Instant lastChangeSeen, Instant diedAt, String reason) {

  static final String WATCHING = "watching";
  static final String OFF = "off";
  static final String DEAD = "dead";

  static WatcherStatus watching() {
    return new WatcherStatus(WATCHING, null, null, null);
  }

  static WatcherStatus off(String reason) {
    return new WatcherStatus(OFF, null, null, reason);
  }

  static WatcherStatus dead(Instant at, String reason) {
    return new WatcherStatus(DEAD, null, at, reason);
  }

  WatcherStatus sawChange(Instant at) {
    return new WatcherStatus(state, at, diedAt, reason);
  }

  WatcherStatus died(Instant at, String why) {
    return new WatcherStatus(DEAD, lastChangeSeen, at, why);
  }

  boolean dead() {
    return DEAD.equals(state);
  }
}
