package org.ketaminecds.facts;

import java.util.List;

/**
 * Concluded by the rules: something the clinician must see, under one card topic (a code of the
 * card-topic CodeSystem). Several findings of one topic become one card naming all their evidence.
 *
 * @param topic e.g. {@code ci-vascular-aneurysm-or-avm}
 * @param evidence the facts that prove it (a Diagnosis, a BloodPressure reading, trials...)
 */
public record Finding(String topic, List<Object> evidence) {

  public Finding {
    evidence = List.copyOf(evidence);
  }

  public static Finding of(String topic, Object evidence) {
    return new Finding(topic, List.of(evidence));
  }

  public static Finding of(String topic, List<?> evidence) {
    return new Finding(topic, List.copyOf(evidence));
  }
}
