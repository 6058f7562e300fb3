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
              "An AllergyIntolerance to ketamine or esketamine."),
          new Topic(
              "ci-pregnancy",
              "Pregnancy",
              "warning",
              "Currently pregnant (Condition or pregnancy-status Observation)."),
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
              "warning",
              "An active condition with raised intracranial pressure."),
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
          // The treatment course and interactions (contract revision 2, issue 13).
          new Topic(
              "interaction-cns-depressant",
              "CNS depressant taken",
              "warning",
              "An active benzodiazepine, opioid, barbiturate, z-drug or gabapentinoid"
                  + " (MedicationStatement or MedicationRequest active): more sedation."),
          new Topic(
              "interaction-psychostimulant",
              "Psychostimulant taken",
              "warning",
              "An active amphetamine, methylphenidate, modafinil or armodafinil: blood pressure"
                  + " rises further."),
          new Topic(
              "interaction-maoi",
              "Monoamine oxidase inhibitor taken",
              "warning",
              "An active monoamine oxidase inhibitor: blood pressure rises further."),
          new Topic(
              "esketamine-course-plan",
              "Esketamine session plan",
              "info",
              "An esketamine order: REMS setting, observation, blood pressure, driving, and where"
                  + " the patient is in the course with the label's dose and frequency."),
          new Topic(
              "ketamine-infusion-plan",
              "IV ketamine infusion plan",
              "info",
              "An IV racemic ketamine order: off-label; 0.5 mg/kg over 40 minutes for the latest"
                  + " weight; a course of about 6 infusions; infusions so far; monitoring."),
          new Topic(
              "dosing-schedule-deviation",
              "Dose or schedule departs from the label or protocol",
              "warning",
              "The draft order departs from the esketamine label's dose or schedule, or the IV"
                  + " ketamine dose from 0.5 mg/kg of the latest weight."),
          new Topic(
              "course-no-response",
              "No response to the course",
              "warning",
              "PHQ-9 reduced by less than the parameter from the baseline after the parameter"
                  + " number of infusions or at the end of esketamine induction."),
          new Topic(
              "course-response",
              "Response to the course",
              "info",
              "PHQ-9 reduced by 50 % or more, or below 5, during a course: the maintenance step"
                  + " that is due."));

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
