package org.ketaminecds.facts.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.ketaminecds.facts.DepressionScore;

/**
 * PHQ-9 total scores (LOINC 44261-6, "Patient Health Questionnaire 9 item (PHQ-9) total score
 * [Reported]") to DepressionScore facts, for the rule that a fall of half or more during a trial is
 * a response (clinical brief rev. 2). Scores dated after the day of the call are ignored.
 */
final class DepressionScoreFacts {

  static final String PHQ9_TOTAL = "44261-6";

  private static final Set<String> LOINC =
      Set.of("http://loinc.org", "urn:oid:2.16.840.1.113883.6.1");

  private static final Set<String> COUNTS = Set.of("final", "amended", "corrected");

  private DepressionScoreFacts() {}

  static boolean isPhq9(String system, String code) {
    return PHQ9_TOTAL.equals(code) && system != null && LOINC.contains(system);
  }

  static void addAll(List<Object> facts, List<Observation> observations, LocalDate today) {
    for (Observation observation : observations) {
      if (!isPhq9Total(observation)
          || (observation.hasStatus() && !COUNTS.contains(observation.getStatus().toCode()))) {
        continue;
      }
      LocalDate date = FhirDates.localDate(FhirDates.startOf(observation.getEffective()));
      Integer score = score(observation);
      if (date != null && score != null && !date.isAfter(today)) {
        facts.add(new DepressionScore(observation.getIdElement().getIdPart(), date, score));
      }
    }
  }

  private static boolean isPhq9Total(Observation observation) {
    for (Coding coding : observation.getCode().getCoding()) {
      if (isPhq9(coding.getSystem(), coding.getCode())) {
        return true;
      }
    }
    return false;
  }

  private static Integer score(Observation observation) {
    if (observation.getValue() instanceof IntegerType integer && integer.getValue() != null) {
      return integer.getValue();
    }
    if (observation.getValue() instanceof Quantity quantity && quantity.hasValue()) {
      return (int) Math.round(quantity.getValue().doubleValue());
    }
    return null;
  }
}
