package org.ketaminecds.terminology.generator;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * CodeSystem {@code card-topic}: the topic codes of the cards, used as {@code card.source.topic}.
 * Generated from the card files ({@code rules/**}{@code /*.card.yaml}: topic, title, indicator,
 * definition), never kept by hand, so that a new topic is published by adding its card; codes keep
 * their meaning once published.
 */
public final class CardTopics {

  static final String ID = "card-topic";
  static final String DEFAULT_INDICATOR = "default-indicator";

  private CardTopics() {}

  /**
   * One topic of the CodeSystem.
   *
   * @param definition null when the card file gives none
   */
  public record Topic(String code, String display, String indicator, String definition) {}

  /** The CodeSystem of these topics, in code order whatever order they come in. */
  public static CodeSystem create(Collection<Topic> topics) {
    List<Topic> sorted = topics.stream().sorted(Comparator.comparing(Topic::code)).toList();
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
            + " (`card.source.topic`), one card per topic, generated from the card files of the"
            + " rules. Property `"
            + DEFAULT_INDICATOR
            + "` is the card's indicator unless a rule"
            + " raises or lowers it.");
    codeSystem.setCaseSensitive(true);
    codeSystem.setContent(CodeSystemContentMode.COMPLETE);
    codeSystem.setCount(sorted.size());
    codeSystem
        .addProperty()
        .setCode(DEFAULT_INDICATOR)
        .setDescription("The CDS Hooks card indicator used by default: info, warning or critical")
        .setType(PropertyType.CODE);
    for (Topic topic : sorted) {
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
}
