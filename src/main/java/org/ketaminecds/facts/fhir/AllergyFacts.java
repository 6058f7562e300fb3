package org.ketaminecds.facts.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceReactionComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.ketaminecds.facts.KetamineAllergy;
import org.ketaminecds.terminology.Terminology;

/**
 * AllergyIntolerances to ketamine or esketamine: by a code of the ketamine-esketamine value set,
 * or, for an uncoded entry, by its text.
 */
final class AllergyFacts {

  static final ElementsRead READS =
      ElementsRead.of(
          "AllergyIntolerance",
          "clinicalStatus",
          "verificationStatus",
          "code",
          "criticality",
          "recordedDate",
          "type",
          "reaction");

  static final String KETAMINE = "ketamine-esketamine";
  static final Pattern KETAMINE_TEXT =
      Pattern.compile("\\b(es)?ketamine\\b|\\bspravato\\b|\\bketalar\\b", Pattern.CASE_INSENSITIVE);
  static final Pattern ESKETAMINE_TEXT =
      Pattern.compile("\\besketamine\\b|\\bspravato\\b", Pattern.CASE_INSENSITIVE);

  private final Terminology terminology;

  AllergyFacts(Terminology terminology) {
    this.terminology = terminology;
  }

  void addTo(List<Object> facts, AllergyIntolerance allergy) {
    if (!Verification.counts(allergy.getVerificationStatus())) {
      return;
    }
    CodeableConcept code = allergy.getCode();
    String substance = ketamineSubstance(code);
    if (substance == null) {
      return;
    }
    String status = Verification.statusCode(allergy.getClinicalStatus());
    facts.add(
        new KetamineAllergy(
            allergy.getIdElement().getIdPart(),
            substance,
            allergy.hasCriticality() ? allergy.getCriticality().toCode() : null,
            status == null || "active".equals(status),
            FhirDates.localDate(allergy.getRecordedDateElement()),
            allergy.hasType() ? allergy.getType().toCode() : null,
            reactions(allergy)));
  }

  /** The manifestations of every reaction, in words (text, else the first display, else code). */
  private static List<String> reactions(AllergyIntolerance allergy) {
    List<String> reactions = new ArrayList<>();
    for (AllergyIntoleranceReactionComponent reaction : allergy.getReaction()) {
      for (CodeableConcept manifestation : reaction.getManifestation()) {
        String words = manifestation.getText();
        for (Coding coding : manifestation.getCoding()) {
          if (words == null) {
            words = coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
          }
        }
        if (words != null && !reactions.contains(words)) {
          reactions.add(words);
        }
      }
      if (reaction.getManifestation().isEmpty() && reaction.hasDescription()) {
        reactions.add(reaction.getDescription());
      }
    }
    return reactions;
  }

  private String ketamineSubstance(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      if (terminology.contains(KETAMINE, coding.getSystem(), coding.getCode())) {
        return coding.hasDisplay()
            ? coding.getDisplay()
            : code.hasText() ? code.getText() : "ketamine";
      }
    }
    String text = code.getText();
    if (text == null) {
      text =
          code.getCoding().stream()
              .map(Coding::getDisplay)
              .filter(d -> d != null)
              .findFirst()
              .orElse(null);
    }
    if (text != null && KETAMINE_TEXT.matcher(text).find()) {
      return text.toLowerCase(Locale.ROOT).contains("spravato") ? text + " (esketamine)" : text;
    }
    return null;
  }
}
