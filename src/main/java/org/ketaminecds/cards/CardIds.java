package org.ketaminecds.cards;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * The uuids of cards and suggestions: time-ordered UUIDs (version 7, RFC 9562: 48 bits of Unix
 * milliseconds, then random bits), still unique and unguessable enough for CDS Hooks feedback. Each
 * card issued is stored under its uuid (issue 14); random (version 4) uuids land at random places
 * of that index, and on the embedded database every commit rewrote a page per card (profiled: a
 * quarter of the service's CPU under load), where time-ordered ones are appended.
 */
final class CardIds {

  private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

  private CardIds() {}

  static String next() {
    return GENERATOR.generate().toString();
  }
}
