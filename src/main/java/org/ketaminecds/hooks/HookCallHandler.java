package org.ketaminecds.hooks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.CardAssembler;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.facts.fhir.DraftOrderReader;
import org.ketaminecds.fhir.PatientDataLoader;
import org.ketaminecds.fhir.PatientDataRequest;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.rules.Evaluation;
import org.ketaminecds.rules.RuleEvaluator;
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
  private final ChartFacts chartFacts;
  private final DraftOrderReader draftOrders;
  private final ActiveRuleSet rules;
  private final RuleEvaluator evaluator;
  private final CardAssembler cardAssembler;
  private final Clock clock;

  HookCallHandler(
      PatientDataLoader patientData,
      ChartFacts chartFacts,
      DraftOrderReader draftOrders,
      ActiveRuleSet rules,
      RuleEvaluator evaluator,
      CardAssembler cardAssembler,
      Clock clock) {
    this.patientData = patientData;
    this.chartFacts = chartFacts;
    this.draftOrders = draftOrders;
    this.rules = rules;
    this.evaluator = evaluator;
    this.cardAssembler = cardAssembler;
    this.clock = clock;
  }

  Answer handle(HookCall call) {
    long started = System.nanoTime();
    // One rule set for the whole call, even if a new one goes live meanwhile.
    RuleSet ruleSet = rules.current();
    List<KetamineOrder> orders =
        call.draftOrders() == null ? List.of() : draftOrders.ketamineOrders(call.draftOrders());
    if (call.service().orderHook() && orders.isEmpty()) {
      log.info(
          "hookInstance={} service={} ruleset={} no ketamine/esketamine draft order: 0 cards in {} ms",
          call.request().hookInstance(), call.service().id(), ruleSet.version(), millisSince(started));
      return new Answer(HookResponse.none(), ruleSet.version());
    }
    PatientRecord chart = patientData.load(dataRequest(call));
    long loaded = System.nanoTime();
    var facts = new ArrayList<Object>(chartFacts.extract(chart));
    facts.addAll(orders);
    facts.add(new HookContext(call.service().hook(), LocalDate.now(clock)));
    Evaluation evaluation = evaluator.evaluate(ruleSet, facts);
    List<Card> cards = cardAssembler.cards(evaluation, ruleSet, orders);
    log.info(
        "hookInstance={} service={} ruleset={} facts={} rulesFired={} cards={} load={} ms total={} ms",
        call.request().hookInstance(),
        call.service().id(),
        ruleSet.version(),
        facts.size(),
        evaluation.firedRules().size(),
        cards.size(),
        (loaded - started) / 1_000_000,
        millisSince(started));
    return new Answer(new HookResponse(cards), ruleSet.version());
  }

  private static PatientDataRequest dataRequest(HookCall call) {
    HookRequest request = call.request();
    String token =
        request.fhirAuthorization() == null ? null : request.fhirAuthorization().accessToken();
    return new PatientDataRequest(
        call.patientId(),
        request.fhirServer(),
        token,
        request.prefetch() == null ? Map.of() : request.prefetch());
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** The response, and the version of the rules that produced it. */
  record Answer(HookResponse response, String ruleSetVersion) {}
}
