package org.ketaminecds.facts.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationStatement;

/**
 * Whether a statement's {@code statusReason} or {@code note} documents response or remission
 * (clinical brief rev. 2, "Failure must not be contradicted"): "stopped: in remission", "responded
 * well", "remitted". Negated or qualified mentions ("no response", "partial response", "did not
 * respond", "not in remission", "inadequate response") are failures, not responses.
 */
final class ResponseText {

  private static final Pattern RESPONSE =
      Pattern.compile(
          "(?i)\\b(remission|remitted|remitting|responded|response|responding|responder|"
              + "recovered|recovery)\\b");

  /** Words before a mention that turn it into a failure. */
  private static final Pattern NEGATED =
      Pattern.compile(
          "(?i)\\b(no|not|non|without|lack|lacking|failed|fail|failure|partial|partially|"
              + "inadequate|insufficient|poor|minimal|limited|never|little|nor|loss|lost|"
              + "didn't|didnt|doesn't|suboptimal|incomplete)\\b[^.;,]*$|non-$");

  private ResponseText() {}

  /** The words that document response or remission, or null. */
  static String documented(MedicationStatement statement) {
    List<String> texts = new ArrayList<>();
    for (CodeableConcept reason : statement.getStatusReason()) {
      if (reason.hasText()) {
        texts.add(reason.getText());
      }
      for (Coding coding : reason.getCoding()) {
        if (coding.hasDisplay()) {
          texts.add(coding.getDisplay());
        }
      }
    }
    for (Annotation note : statement.getNote()) {
      if (note.hasText()) {
        texts.add(note.getText());
      }
    }
    for (String text : texts) {
      if (documentsResponse(text)) {
        return text.strip();
      }
    }
    return null;
  }

  static boolean documentsResponse(String text) {
    Matcher mention = RESPONSE.matcher(text);
    while (mention.find()) {
      String before = text.substring(Math.max(0, mention.start() - 40), mention.start());
      if (!NEGATED.matcher(before).find()) {
        return true;
      }
    }
    return false;
  }
}
