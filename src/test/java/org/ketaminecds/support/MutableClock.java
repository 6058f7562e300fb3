package org.ketaminecds.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set to the date their fixtures are written for, so fixtures never go stale. */
public final class MutableClock extends Clock {

  private volatile Instant instant;
  private final ZoneId zone;

  public MutableClock(LocalDate today) {
    this(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private MutableClock(Instant instant, ZoneId zone) {
    this.instant = instant;
    this.zone = zone;
  }

  public void setToday(LocalDate today) {
    this.instant = today.atTime(12, 0).atZone(zone).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(instant, zone);
  }

  @Override
  public Instant instant() {
    return instant;
  }
}
