package org.ketaminecds.terminology.generator;

import java.util.List;

/**
 * The value sets of contract/brief revision 2 for the safety checks (issue 11): one value set per
 * code list, each list whole. Kept apart from {@link ValueSetCatalog} so that each new set is one
 * file and one entry.
 */
final class SafetyValueSets {

  private final CodeLists lists;

  SafetyValueSets(CodeLists lists) {
    this.lists = lists;
  }

  List<ValueSetSpec> specs() {
    return List.of(
        whole(
            "esketamine",
            "Esketamine medications",
            "The esketamine codes (Spravato NDCs, ATC) of the ketamine-esketamine list: an order"
                + " coded so is esketamine, not racemic ketamine (card text, course rules, topic"
                + " mdd-suicidal-ideation-indication).",
            "esketamine.csv"),
        whole(
            "suicidal-ideation",
            "Suicidal ideation or behaviour",
            "Acute suicidal ideation or behaviour (topic mdd-suicidal-ideation-indication, the"
                + " label's second esketamine indication; an order reason that makes racemic"
                + " ketamine psychiatric).",
            "suicidal_ideation.csv"),
        whole(
            "lactation",
            "Lactation",
            "Conditions that document current breastfeeding or lactation (topic ci-lactation).",
            "lactation.csv"),
        whole(
            "breastfeeding-status-observation",
            "Breastfeeding status observation",
            "The code of a breastfeeding-status Observation, LOINC 63895-7 (topic ci-lactation).",
            "breastfeeding_status_observation.csv"),
        whole(
            "breastfeeding-status-breastfeeding",
            "Breastfeeding status: breastfeeding",
            "The answers of a breastfeeding-status Observation that mean breastfeeding now (topic"
                + " ci-lactation); every other answer means not breastfeeding or unknown.",
            "breastfeeding_status_breastfeeding.csv"),
        whole(
            "hcg-test",
            "hCG pregnancy test",
            "Choriogonadotropin (hCG) tests (VSAC Pregnancy Test): a positive result counts as"
                + " pregnant (topic ci-pregnancy).",
            "hcg_test.csv"),
        whole(
            "hcg-test-positive",
            "hCG test result: positive",
            "The coded answers of a qualitative test that mean positive (topic ci-pregnancy).",
            "hcg_test_positive.csv"),
        whole(
            "pregnancy-status-not-pregnant",
            "Pregnancy status: not pregnant",
            "The answers of a pregnancy-status Observation that mean not pregnant: a later one ends"
                + " an earlier pregnancy record (topic ci-pregnancy). Unknown is not among them.",
            "pregnancy_status_not_pregnant.csv"),
        whole(
            "delivery",
            "Delivery",
            "Conditions that record a delivery (outcome of delivery, delivery encounter): a later"
                + " one ends an earlier pregnancy record (topic ci-pregnancy).",
            "delivery.csv"));
  }

  private ValueSetSpec whole(String id, String title, String purpose, String file) {
    return ValueSetSpec.of(id, title, purpose, List.of(file), lists.verified(file));
  }
}
