package org.ketaminecds.hooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ketaminecds.fhir.PrefetchKey;
import org.springframework.stereotype.Component;

/** The services of the contract, in the fixed order discovery lists them. */
@Component
class CdsServiceCatalog {

  static final String USAGE_REQUIREMENTS =
      "Reads Patient, Condition, MedicationStatement (with Medication), Observation (blood"
          + " pressure, pregnancy status, PHQ-9, body weight), AllergyIntolerance,"
          + " MedicationAdministration and MedicationRequest of the patient in context: prefetch"
          + " them, or grant patient/*.read (or patient/*.rs) scopes for these types in"
          + " fhirAuthorization.";

  private static final List<PrefetchKey> ALL_DATA = Arrays.asList(PrefetchKey.values());

  private final List<CdsService> services =
      List.of(
          new CdsService(
              "ketamine-eligibility",
              "patient-view",
              "Ketamine / esketamine for treatment-resistant depression",
              "For a patient with a depressive disorder: whether the patient meets the criteria of"
                  + " treatment-resistant depression (two or more failed adequate antidepressant"
                  + " trials), and what stands against ketamine or esketamine.",
              ALL_DATA,
              USAGE_REQUIREMENTS,
              false),
          new CdsService(
              "ketamine-order-select",
              "order-select",
              "Ketamine / esketamine order check (select)",
              "When ketamine or esketamine is selected for ordering: whether treatment-resistant"
                  + " depression is documented, and the contraindications and cautions, early.",
              ALL_DATA,
              USAGE_REQUIREMENTS,
              true),
          new CdsService(
              "ketamine-order-sign",
              "order-sign",
              "Ketamine / esketamine order check (sign)",
              "The final check before a ketamine or esketamine order is signed; labelled"
                  + " contraindications carry a suggestion that removes the draft order.",
              ALL_DATA,
              USAGE_REQUIREMENTS,
              true));

  List<CdsService> all() {
    return services;
  }

  Optional<CdsService> find(String id) {
    return services.stream().filter(service -> service.id().equals(id)).findFirst();
  }

  /** The service that answers a hook (one per hook). */
  Optional<CdsService> forHook(String hook) {
    return services.stream().filter(service -> service.hook().equals(hook)).findFirst();
  }
}
