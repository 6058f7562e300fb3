package org.ketaminecds.hooks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ketaminecds.advice.Advice;
import org.ketaminecds.advice.ClinicalAdvisor;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.fhir.InvalidPatientDataRequestException;
import org.ketaminecds.fhir.PatientDataLoader;
import org.ketaminecds.fhir.PatientDataUnavailableException;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One hook call, end to end: the patient's data (prefetch or FHIR server), facts, rules, cards.
 * Logs identifiers, the rule-set version, timings and counts; never a token or clinical content.
 */
@Component
class HookCallHandler {

  private static final Logger log = LoggerFactory.getLogger(HookCallHandler.class);

  private final PatientDataLoader patientData;
  private final ClinicalAdvisor advisor;
  private final ActiveRuleSet rules;
  private final Clock clock;

  HookCallHandler(
      PatientDataLoader patientData, ClinicalAdvisor advisor, ActiveRuleSet rules, Clock clock) {
    this.patientData = patientData;
    this.advisor = advisor;
    this.rules = rules;
    this.clock = clock;
  }

  Answer handle(HookCall call) {
    long started = System.nanoTime();
    // One rule set and one "today" for the whole call, even if new rules go live meanwhile.
    RuleSet ruleSet = rules.current();
    LocalDate today = LocalDate.now(clock);
    List<KetamineOrder> orders = advisor.ketamineOrders(call.draftOrders());
    if (!advisor.needsChart(call.service().hook(), orders)) {
      log.info(
          "hookInstance={} service={} ruleset={} no ketamine/esketamine draft order: 0 cards in {} ms",
          call.request().hookInstance(),
          call.service().id(),
          ruleSet.version(),
          millisSince(started));
      return new Answer(HookResponse.none(), ruleSet.version());
    }
    PatientRecord chart;
    try {
      chart = patientData.load(call.patientDataRequest());
    } catch (PatientDataUnavailableException | InvalidPatientDataRequestException e) {
      // The messages name keys and causes, never content or the token.
      log.info(
          "hookInstance={} service={} ruleset={} {} after {} ms: {}",
          call.request().hookInstance(),
          call.service().id(),
          ruleSet.version(),
          e instanceof PatientDataUnavailableException ? "412" : "400",
          millisSince(started),
          e.getMessage());
      throw e;
    }
    long loaded = System.nanoTime();
    Advice advice =
        advisor.advise(
            ruleSet,
            call.service().hook(),
            call.patientDataRequest().patientId(),
            chart,
            call.draftOrders(),
            orders,
            today);
    log.info(
        "hookInstance={} service={} ruleset={} facts={} rulesFired={} cards={} load={} ms total={} ms",
        call.request().hookInstance(),
        call.service().id(),
        ruleSet.version(),
        advice.factCount(),
        advice.evaluation().firedRules().size(),
        advice.cards().size(),
        (loaded - started) / 1_000_000,
        millisSince(started));
    return new Answer(new HookResponse(advice.cards()), ruleSet.version());
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** The response, and the version of the rules that produced it. */
  record Answer(HookResponse response, String ruleSetVersion) {}
}
