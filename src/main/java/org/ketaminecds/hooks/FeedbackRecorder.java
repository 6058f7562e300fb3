package org.ketaminecds.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Feedback on cards (CDS Hooks 2.0 {@code /feedback}): checked, counted per service and outcome
 * (metric {@code cds.feedback}) and logged as counts. Card uuids and override reasons are not
 * clinical content, but nothing else of the body is kept.
 */
@Component
class FeedbackRecorder {

  private static final Logger log = LoggerFactory.getLogger(FeedbackRecorder.class);
  private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");

  private final MeterRegistry meters;

  FeedbackRecorder(MeterRegistry meters) {
    this.meters = meters;
  }

  void record(CdsService service, byte[] body) {
    JsonNode items = feedbackItems(body);
    int accepted = 0;
    int overridden = 0;
    for (JsonNode item : items) {
      JsonNode card = item.get("card");
      JsonNode outcome = item.get("outcome");
      if (card == null
          || !card.isString()
          || outcome == null
          || !OUTCOMES.contains(outcome.asString())) {
        throw new InvalidHookRequestException(
            "Each feedback item needs card (the card's uuid) and outcome (accepted or overridden)");
      }
      if ("accepted".equals(outcome.asString())) {
        accepted++;
      } else {
        overridden++;
      }
    }
    meters
        .counter("cds.feedback", "service", service.id(), "outcome", "accepted")
        .increment(accepted);
    meters
        .counter("cds.feedback", "service", service.id(), "outcome", "overridden")
        .increment(overridden);
    log.info("feedback service={} accepted={} overridden={}", service.id(), accepted, overridden);
  }

  private static JsonNode feedbackItems(byte[] body) {
    JsonNode items = RequestJson.object(body, "feedback request").get("feedback");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw new InvalidHookRequestException(
          "The feedback request needs a non-empty feedback array");
    }
    return items;
  }
}
