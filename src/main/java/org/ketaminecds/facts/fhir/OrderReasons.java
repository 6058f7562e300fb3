package org.ketaminecds.facts.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.facts.OrderReason;
import org.ketaminecds.terminology.Terminology;

/**
 * Why a draft order was written (contract rev. 2, "Which orders the service advises on"): its
 * {@code reasonCode}, and the Conditions its {@code reasonReference} points to when the draft
 * orders carry them (contained, or in the bundle). A depressive disorder (bipolar depression
 * included) or suicidal ideation makes the order psychiatric; any other reason (anaesthesia,
 * sedation, pain) does not; references the draft orders do not carry are left for the chart.
 */
final class OrderReasons {

  private static final Pattern SUICIDAL_TEXT = Pattern.compile("(?i)suicid");
  private static final Pattern DEPRESSION_TEXT = Pattern.compile("(?i)depress|\\bMDD\\b|\\bTRD\\b");

  /** What the reason is, and the references still to be looked up in the chart. */
  record Decided(OrderReason reason, List<String> unresolved) {}

  private final Terminology terminology;

  OrderReasons(Terminology terminology) {
    this.terminology = terminology;
  }

  /**
   * @param bundleConditions Conditions of the draft-order bundle, by {@code Condition/id} and full
   *     URL
   */
  Decided of(MedicationRequest request, Map<String, Condition> bundleConditions) {
    List<OrderReason> found = new ArrayList<>();
    for (CodeableConcept code : request.getReasonCode()) {
      found.add(classify(code));
    }
    List<String> unresolved = new ArrayList<>();
    for (Reference reference : request.getReasonReference()) {
      Condition condition = resolve(request, reference, bundleConditions);
      if (condition != null) {
        found.add(classify(condition.getCode()));
      } else if (reference.hasDisplay() && textReason(reference.getDisplay()) != null) {
        found.add(textReason(reference.getDisplay()));
      } else if (reference.getReference() != null && reference.getReference().contains("/")) {
        unresolved.add(idPart(reference.getReference()));
      } else {
        found.add(OrderReason.OTHER);
      }
    }
    if (found.contains(OrderReason.SUICIDAL_IDEATION)) {
      return new Decided(OrderReason.SUICIDAL_IDEATION, List.of());
    }
    if (found.contains(OrderReason.DEPRESSION)) {
      return new Decided(OrderReason.DEPRESSION, List.of());
    }
    if (!unresolved.isEmpty()) {
      return new Decided(OrderReason.NOT_GIVEN, unresolved);
    }
    return new Decided(found.isEmpty() ? OrderReason.NOT_GIVEN : OrderReason.OTHER, List.of());
  }

  private OrderReason classify(CodeableConcept code) {
    OrderReason best = OrderReason.OTHER;
    for (Coding coding : code.getCoding()) {
      OrderReason reason =
          OrderReason.ofCategories(terminology.valueSetsOf(coding.getSystem(), coding.getCode()));
      if (reason == OrderReason.SUICIDAL_IDEATION) {
        return reason;
      }
      if (reason == OrderReason.DEPRESSION) {
        best = reason;
      }
    }
    if (best == OrderReason.OTHER) {
      OrderReason byText = textReason(code.getText());
      for (Coding coding : code.getCoding()) {
        if (byText == null) {
          byText = textReason(coding.getDisplay());
        }
      }
      // a coded reason outside the value sets is another reason, whatever its text
      if (byText != null && code.getCoding().stream().noneMatch(Coding::hasCode)) {
        return byText;
      }
    }
    return best;
  }

  private static OrderReason textReason(String text) {
    if (text == null) {
      return null;
    }
    if (SUICIDAL_TEXT.matcher(text).find()) {
      return OrderReason.SUICIDAL_IDEATION;
    }
    return DEPRESSION_TEXT.matcher(text).find() ? OrderReason.DEPRESSION : null;
  }

  private static Condition resolve(
      MedicationRequest request, Reference reference, Map<String, Condition> bundleConditions) {
    if (reference.getResource() instanceof Condition attached) {
      return attached;
    }
    String target = reference.getReference();
    if (target == null) {
      return null;
    }
    if (target.startsWith("#")) {
      for (Resource contained : request.getContained()) {
        if (contained instanceof Condition condition
            && target.substring(1).equals(contained.getIdElement().getIdPart())) {
          return condition;
        }
      }
      return null;
    }
    Condition condition = bundleConditions.get(target);
    return condition != null ? condition : bundleConditions.get("Condition/" + idPart(target));
  }

  /** {@code Condition/abc} (or a full URL ending so) → {@code abc}. */
  static String idPart(String reference) {
    String withoutHistory = reference.replaceFirst("/_history/.*$", "");
    return withoutHistory.substring(withoutHistory.lastIndexOf('/') + 1);
  }
}
