package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.ClinicalStatus;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.PatientInfo;
import org.ketaminecds.facts.PregnancyStatus;

/**
 * Rules that begin with the same conditions must each still fire. Drools 10.2 loses matches when it
 * shares and later splits the join network of such rules; the two ci-pregnancy rules (shared
 * conditions ending in {@code not PatientInfo(gender == "male")}) never fired.
 */
class RuleNetworkTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static RuleSet rules;

  @BeforeAll
  static void compileRules() {
    rules = new RuleCompiler().compile(RuleSourceReader.fromFolder(Path.of("rules")));
  }

  @Test
  void eachRuleHasItsOwnJoinNetwork() {
    assertThat(((InternalRuleBase) rules.kieBase()).getRuleBaseConfiguration().isShareBetaNodes())
        .isFalse();
  }

  @Test
  void bothPregnancyRulesFireBesideEachOther() {
    var pregnancy =
        new Diagnosis(
            "pregnancy",
            "c1",
            "http://hl7.org/fhir/sid/icd-10-cm",
            "Z33.1",
            "Pregnant state, incidental",
            ClinicalStatus.ACTIVE,
            true,
            TODAY.minusDays(90),
            null,
            null);
    var pregnant =
        new PregnancyStatus("o1", Instant.parse("2026-05-18T10:00:00Z"), TODAY.minusDays(14), true);

    List<Finding> findings =
        new RuleEvaluator()
            .evaluate(
                rules,
                List.of(
                    new PatientInfo(30, "female"),
                    pregnancy,
                    pregnant,
                    new KetamineOrder("MedicationRequest/m1", "ketamine"),
                    new HookContext("order-sign", TODAY)))
            .findings();

    assertThat(findings)
        .filteredOn(finding -> finding.topic().equals("ci-pregnancy"))
        .flatExtracting(Finding::evidence)
        .containsExactlyInAnyOrder(pregnancy, pregnant);
  }
}
