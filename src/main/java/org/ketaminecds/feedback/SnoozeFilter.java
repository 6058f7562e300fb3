package org.ketaminecds.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.Snooze;
import org.ketaminecds.rules.CardTemplate;
import org.ketaminecds.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Leaves out of a hook call's answer the warning and info cards whose topic a clinician snoozed for
 * this patient. Critical cards, and topics whose card file turns snooze off, always stay. In memory
 * only ({@link SnoozeCache}); when the snoozes are not known recently enough, every card stays and
 * the miss is logged (no patient data) and counted ({@code cds.snooze.lookup.missed}).
 */
@Component
public class SnoozeFilter {

  private static final Logger log = LoggerFactory.getLogger(SnoozeFilter.class);

  private final SnoozeCache cache;
  private final PatientHasher hasher;
  private final Clock clock;
  private final Counter missed;
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;
  private volatile long lastMissLogged = System.nanoTime() - LOG_EVERY_NANOS - 1;

  SnoozeFilter(SnoozeCache cache, PatientHasher hasher, Clock clock, MeterRegistry meters) {
    this.cache = cache;
    this.hasher = hasher;
    this.clock = clock;
    this.missed = meters.counter("cds.snooze.lookup.missed");
  }

  /** The cards to answer, and the topics left out as snoozed. */
  public Visible visible(String patientId, RuleSet ruleSet, List<Card> cards) {
    if (cards.stream().noneMatch(card -> Snooze.mayApplyTo(card.indicator()))) {
      return new Visible(cards, List.of());
    }
    if (!cache.current()) {
      missed.increment();
      long now = System.nanoTime();
      if (now - lastMissLogged > LOG_EVERY_NANOS) {
        // At most one line per interval: an outage must not flood the log.
        lastMissLogged = now;
        log.warn(
            "Snoozes unknown (storage unavailable): cards answered unsnoozed ({} so far)",
            (long) missed.count());
      }
      return new Visible(cards, List.of());
    }
    String patient = hasher.hash(patientId);
    if (!cache.anyFor(patient)) {
      return new Visible(cards, List.of());
    }
    Instant now = clock.instant();
    var kept = new ArrayList<Card>(cards.size());
    var snoozed = new ArrayList<String>();
    for (Card card : cards) {
      String topic = card.source().topic().code();
      if (Snooze.mayApplyTo(card.indicator())
          && snoozable(ruleSet, topic)
          && cache.snoozed(patient, topic, now)) {
        snoozed.add(topic);
      } else {
        kept.add(card);
      }
    }
    return new Visible(List.copyOf(kept), List.copyOf(snoozed));
  }

  private static boolean snoozable(RuleSet ruleSet, String topic) {
    return ruleSet.cardTemplate(topic).map(CardTemplate::snooze).orElse(true);
  }

  /** The cards to answer, and the topics left out as snoozed. */
  public record Visible(List<Card> cards, List<String> snoozedTopics) {}
}
