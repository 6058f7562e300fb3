package org.ketaminecds.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ketaminecds.advice.Advice;
import org.ketaminecds.advice.ClinicalAdvisor;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.CheckNotCompletedCard;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.feedback.CallRecorder;
import org.ketaminecds.feedback.HookCallRecord;
import org.ketaminecds.feedback.SnoozeFilter;
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
 * Logs identifiers, the rule-set version and counts, never a token or clinical content; its timings
 * are Micrometer timers ({@code cds.hook.call} by service and outcome, and {@code
 * cds.hook.chart.load}), read at {@code /actuator/metrics} on the management port.
 */
@Component
class HookCallHandler {

  private static final Logger log = LoggerFactory.getLogger(HookCallHandler.class);

  private final PatientDataLoader patientData;
  private final ClinicalAdvisor advisor;
  private final ActiveRuleSet rules;
  private final Clock clock;
  private final SnoozeFilter snoozes;
  private final CallRecorder audit;
  private final MeterRegistry meters;

  HookCallHandler(
      PatientDataLoader patientData,
      ClinicalAdvisor advisor,
      ActiveRuleSet rules,
      Clock clock,
      SnoozeFilter snoozes,
      CallRecorder audit,
      MeterRegistry meters) {
    this.patientData = patientData;
    this.advisor = advisor;
    this.rules = rules;
    this.clock = clock;
    this.snoozes = snoozes;
    this.audit = audit;
    this.meters = meters;
  }

  Answer handle(HookCall call) {
    long started = System.nanoTime();
    // One rule set and one "today" for the whole call, even if new rules go live meanwhile.
    RuleSet ruleSet = rules.current();
    LocalDate today = LocalDate.now(clock);
    List<KetamineOrder> orders = advisor.ketamineOrders(call.draftOrders());
    if (!advisor.needsChart(call.service().hook(), orders)) {
      log.info(
          "hookInstance={} service={} ruleset={} no ketamine/esketamine draft order: 0 cards",
          call.request().hookInstance(),
          call.service().id(),
          ruleSet.version());
      audit(call, ruleSet, new SnoozeFilter.Visible(List.of(), List.of()), 200, started);
      time(call, "no-ketamine-order", started);
      return new Answer(HookResponse.none(), ruleSet.version());
    }
    PatientRecord chart;
    try {
      chart = patientData.load(call.patientDataRequest());
    } catch (PatientDataUnavailableException e) {
      if (HookContext.isOrderHook(call.service().hook())) {
        // A ketamine/esketamine order is being written: a 412 would read as "all clear".
        log.info(
            "hookInstance={} service={} ruleset={} check-not-completed: {}",
            call.request().hookInstance(),
            call.service().id(),
            ruleSet.version(),
            e.getMessage());
        var shown =
            new SnoozeFilter.Visible(
                List.of(CheckNotCompletedCard.of(ruleSet, orders, e.unread())), List.of());
        audit(call, ruleSet, shown, 200, started);
        time(call, "check-not-completed", started);
        return new Answer(new HookResponse(shown.cards()), ruleSet.version());
      }
      logRefusal(call, ruleSet, "412", e);
      audit(call, ruleSet, new SnoozeFilter.Visible(List.of(), List.of()), 412, started);
      time(call, "412", started);
      throw e;
    } catch (InvalidPatientDataRequestException e) {
      logRefusal(call, ruleSet, "400", e);
      audit(call, ruleSet, new SnoozeFilter.Visible(List.of(), List.of()), 400, started);
      time(call, "400", started);
      throw e;
    }
    Timer.builder("cds.hook.chart.load")
        .description("Reading the patient's chart: prefetch, or FHIR server queries")
        .tag("service", call.service().id())
        .register(meters)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    Advice advice = advise(call, ruleSet, chart, orders, today);
    // Topics a clinician snoozed for this patient are left out (issue 14).
    SnoozeFilter.Visible visible = snoozes.visible(call.patientId(), ruleSet, advice.cards());
    log.info(
        "hookInstance={} service={} ruleset={} facts={} rulesFired={} cards={}",
        call.request().hookInstance(),
        call.service().id(),
        ruleSet.version(),
        advice.factCount(),
        // no rules run for a racemic ketamine order outside psychiatry (contract rev. 2)
        advice.rulesRan() ? advice.evaluation().firedRules().size() : 0,
        visible.cards().size());
    audit(call, ruleSet, visible, 200, started);
    time(call, "cards", started);
    return new Answer(new HookResponse(visible.cards()), ruleSet.version());
  }

  /**
   * The cards {@link #handle} would answer, without the log line, audit row, timers or snoozes: the
   * warm-up after start-up runs the hook path with it ({@link HookPathWarmUp}).
   *
   * @param today the day to evaluate on (a scenario's own)
   */
  HookResponse rehearse(HookCall call, LocalDate today) {
    RuleSet ruleSet = rules.current();
    List<KetamineOrder> orders = advisor.ketamineOrders(call.draftOrders());
    if (!advisor.needsChart(call.service().hook(), orders)) {
      return HookResponse.none();
    }
    PatientRecord chart = patientData.load(call.patientDataRequest());
    return new HookResponse(advise(call, ruleSet, chart, orders, today).cards());
  }

  private Advice advise(
      HookCall call,
      RuleSet ruleSet,
      PatientRecord chart,
      List<KetamineOrder> orders,
      LocalDate today) {
    return advisor.advise(
        ruleSet,
        call.service().hook(),
        call.patientDataRequest().patientId(),
        chart,
        call.draftOrders(),
        orders,
        today);
  }

  /** Queues the call's audit row and issued cards; written in the background (issue 14). */
  private void audit(
      HookCall call, RuleSet ruleSet, SnoozeFilter.Visible visible, int status, long started) {
    List<Card> cards = visible.cards();
    audit.record(
        new HookCallRecord(
            call.request().hookInstance(),
            call.service().id(),
            ruleSet.version(),
            call.patientId(),
            HookCallRecord.IssuedCard.of(cards),
            visible.snoozedTopics(),
            status,
            (System.nanoTime() - started) / 1_000,
            clock.instant()));
  }

  /** The messages name keys and causes, never content or the token. */
  private static void logRefusal(
      HookCall call, RuleSet ruleSet, String status, RuntimeException e) {
    log.info(
        "hookInstance={} service={} ruleset={} {}: {}",
        call.request().hookInstance(),
        call.service().id(),
        ruleSet.version(),
        status,
        e.getMessage());
  }

  /** The call's time, by service and outcome (cards, no-ketamine-order, ..., 400, 412). */
  private void time(HookCall call, String outcome, long started) {
    Timer.builder("cds.hook.call")
        .description("A hook call from its request read to its answer")
        .tags("service", call.service().id(), "outcome", outcome)
        .register(meters)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /** The response, and the version of the rules that produced it. */
  record Answer(HookResponse response, String ruleSetVersion) {}
}
