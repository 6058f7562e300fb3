package org.ketaminecds.terminology.generator;

import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * CodeSystem {@code card-topic}: the topic codes of the Cards table of the service contract
 * (shared/contract.md), used as {@code card.source.topic}. Hand-maintained here because it is part
 * of the contract, not of a code list; codes keep their meaning once published.
 */
final class CardTopics {

  static final String ID = "card-topic";
  static final String DEFAULT_INDICATOR = "default-indicator";

  private static final List<Topic> TOPICS =
      List.of(
          new Topic(
              "trd-criteria-met",
              "Treatment-resistant depression criteria met",
              "info",
              "An active depressive-disorder Condition and at least 2 failed adequate trials of"
                  + " distinct antidepressants (see the clinical brief). Shown by patient-view."),
          new Topic(
              "trd-criteria-not-met",
              "Treatment-resistant depression criteria not met",
              "warning",
              "Ketamine or esketamine is being ordered and fewer than 2 failed adequate trials are"
                  + " documented. Shown by order-select and order-sign."),
          new Topic(
              "ci-vascular-aneurysm-or-avm",
              "Aneurysmal vascular disease or AVM",
              "critical",
              "Aneurysmal vascular disease (aorta, intracranial, peripheral arteries) or"
                  + " arteriovenous malformation, any clinical status."),
          new Topic(
              "ci-intracerebral-hemorrhage",
              "History of intracerebral hemorrhage",
              "critical",
              "History of intracerebral hemorrhage, any clinical status."),
          new Topic(
              "ci-hypersensitivity",
              "Hypersensitivity to ketamine or esketamine",
              "critical",
              "An AllergyIntolerance to ketamine or esketamine whose type is allergy or absent (an"
                  + " intolerance is ketamine-intolerance)."),
          new Topic(
              "ci-pregnancy",
              "Pregnancy",
              "warning",
              "Currently pregnant (Condition, pregnancy-status Observation or positive hCG test),"
                  + " not ended by a later not-pregnant status or delivery."),
          new Topic(
              "ci-uncontrolled-hypertension",
              "Uncontrolled hypertension",
              "warning",
              "Most recent blood pressure above 140 systolic or above 90 diastolic, or an active"
                  + " hypertensive-crisis/urgency Condition."),
          new Topic(
              "ci-cardiovascular-disease",
              "Cardiovascular or cerebrovascular disease",
              "warning",
              "Active coronary disease, heart failure, arrhythmia, or a history of stroke/TIA."),
          new Topic(
              "ci-psychosis",
              "Psychotic disorder",
              "warning",
              "A psychotic disorder, any clinical status (history counts)."),
          new Topic(
              "ci-substance-use-disorder",
              "Substance use disorder",
              "warning",
              "A substance use disorder, any clinical status including remission."),
          new Topic(
              "ci-increased-intracranial-pressure",
              "Increased intracranial pressure",
              "critical",
              "An active condition with raised intracranial pressure (label: contraindicated where"
                  + " a rise in intracranial pressure poses a serious risk)."),
          new Topic(
              "ci-bipolar-disorder",
              "Bipolar disorder",
              "warning",
              "Bipolar disorder, any clinical status."),
          new Topic("ci-dementia", "Dementia", "warning", "Active dementia."),
          new Topic(
              "ci-pediatric",
              "Under 18 years of age",
              "warning",
              "Age under 18 on the day of the call."),
          // contract revision 2 (issue 11)
          new Topic(
              "ketamine-intolerance",
              "Intolerance of ketamine or esketamine",
              "warning",
              "An AllergyIntolerance to ketamine or esketamine of type intolerance; the card names"
                  + " the reaction."),
          new Topic(
              "ci-lactation",
              "Breastfeeding",
              "warning",
              "Breastfeeding now: an active lactation Condition, or the most recent"
                  + " breastfeeding-status Observation says so, within a parameter window."),
          new Topic(
              "mdd-suicidal-ideation-indication",
              "Esketamine for MDD with acute suicidal ideation or behavior",
              "info",
              "Esketamine ordered for a patient with an active suicidal-ideation Condition within a"
                  + " parameter window: the label's second indication applies (with an oral"
                  + " antidepressant); trd-criteria-not-met is then not shown."));

  private CardTopics() {}

  static CodeSystem create() {
    CodeSystem codeSystem = new CodeSystem();
    codeSystem.setId(ID);
    codeSystem.setUrl(Release.url("CodeSystem", ID));
    codeSystem.setVersion(Release.VERSION);
    codeSystem.setName(Release.pascalCase(ID));
    codeSystem.setTitle("CDS card topic");
    codeSystem.setStatus(PublicationStatus.ACTIVE);
    codeSystem.setExperimental(false);
    codeSystem.setDateElement(new DateTimeType(Release.DATE));
    codeSystem.setPublisher(Release.PUBLISHER);
    codeSystem.setDescription(
        "The topics of the cards the ketamine-cds CDS Hooks services return"
            + " (`card.source.topic`), one card per topic, from the Cards table of the service"
            + " contract. Property `"
            + DEFAULT_INDICATOR
            + "` is the card's indicator unless a rule"
            + " raises or lowers it.");
    codeSystem.setCaseSensitive(true);
    codeSystem.setContent(CodeSystemContentMode.COMPLETE);
    codeSystem.setCount(TOPICS.size());
    codeSystem
        .addProperty()
        .setCode(DEFAULT_INDICATOR)
        .setDescription("The CDS Hooks card indicator used by default: info, warning or critical")
        .setType(PropertyType.CODE);
    for (Topic topic : TOPICS) {
      codeSystem
          .addConcept()
          .setCode(topic.code())
          .setDisplay(topic.display())
          .setDefinition(topic.definition())
          .addProperty()
          .setCode(DEFAULT_INDICATOR)
          .setValue(new CodeType(topic.indicator()));
    }
    return codeSystem;
  }

  private record Topic(String code, String display, String indicator, String definition) {}
}
