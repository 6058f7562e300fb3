package org.ketaminecds.advice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.ketaminecds.cards.CardAssembler;
import org.ketaminecds.cards.SuggestionContext;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.facts.fhir.DraftOrderReader;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.rules.Evaluation;
import org.ketaminecds.rules.RuleEvaluator;
import org.ketaminecds.rules.RuleSet;

/**
 * The decision path shared by hook calls and scenario checks: chart to facts, facts through the
 * rules, findings to cards. It neither fetches data nor knows about HTTP.
 */
public class ClinicalAdvisor {

  private final ChartFacts chartFacts;
  private final DraftOrderReader draftOrderReader;
  private final RuleEvaluator evaluator;
  private final CardAssembler cardAssembler = new CardAssembler();

  public ClinicalAdvisor(
      ChartFacts chartFacts, DraftOrderReader draftOrderReader, RuleEvaluator evaluator) {
    this.chartFacts = chartFacts;
    this.draftOrderReader = draftOrderReader;
    this.evaluator = evaluator;
  }

  /** The draft orders of ketamine or esketamine; empty for no bundle. */
  public List<KetamineOrder> ketamineOrders(Bundle draftOrders) {
    return draftOrders == null ? List.of() : draftOrderReader.ketamineOrders(draftOrders);
  }

  /**
   * Whether the chart is needed at all: the order hooks answer no cards, without reading the
   * patient's data, when no draft order is ketamine or esketamine (contract), or when every one is
   * racemic ketamine given for another reason than depression or suicidal ideation (rev. 2).
   */
  public boolean needsChart(String hook, List<KetamineOrder> orders) {
    return OrderScope.mayBePsychiatric(hook, orders);
  }

  public Advice advise(
      RuleSet ruleSet,
      String hook,
      PatientRecord chart,
      List<KetamineOrder> orders,
      LocalDate today) {
    String patientId = chart.patient() == null ? null : chart.patient().getIdElement().getIdPart();
    return advise(ruleSet, hook, patientId, chart, null, orders, today);
  }

  /**
   * @param patientId {@code context.patientId}: the subject of every suggested resource
   * @param draftOrders the draft orders as sent, or null: an update suggestion keeps what they hold
   */
  public Advice advise(
      RuleSet ruleSet,
      String hook,
      String patientId,
      PatientRecord chart,
      Bundle draftOrders,
      List<KetamineOrder> orders,
      LocalDate today) {
    var facts = new ArrayList<Object>(chartFacts.extract(chart, today));
    if (HookContext.isOrderHook(hook)) {
      orders = OrderScope.psychiatric(orders, facts);
      if (orders.isEmpty()) {
        // racemic ketamine for anaesthesia, sedation, pain, or without a reason for a patient
        // without an active depressive disorder: not this service's order (contract rev. 2)
        return new Advice(List.of(), null, facts.size());
      }
    }
    facts.addAll(orders);
    facts.add(new HookContext(hook, today));
    Evaluation evaluation = evaluator.evaluate(ruleSet, facts);
    return new Advice(
        cardAssembler.cards(
            evaluation, ruleSet, orders, today, suggestionContext(patientId, draftOrders)),
        evaluation,
        facts.size());
  }

  private static SuggestionContext suggestionContext(String patientId, Bundle draftOrders) {
    var drafts = new HashMap<String, MedicationRequest>();
    if (draftOrders != null) {
      for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
        if (entry.getResource() instanceof MedicationRequest request
            && request.getIdElement().getIdPart() != null) {
          drafts.put("MedicationRequest/" + request.getIdElement().getIdPart(), request);
        }
      }
    }
    return new SuggestionContext(patientId, drafts);
  }
}
