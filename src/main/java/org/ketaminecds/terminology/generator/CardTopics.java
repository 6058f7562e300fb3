package org.ketaminecds.terminology.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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

  /**
   * The topics of the card files under {@code rules} ({@code topic}, {@code title}, {@code
   * indicator}, {@code definition} of each {@code *.card.yaml}). The rules check reads the cards in
   * full; this reads only what the CodeSystem publishes.
   */
  static List<Topic> readCards(Path rules) throws IOException {
    var topics = new ArrayList<Topic>();
    try (Stream<Path> files = Files.walk(rules)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (!file.getFileName().toString().endsWith(".card.yaml")) {
          continue;
        }
        Object card =
            new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(file, StandardCharsets.UTF_8));
        if (!(card instanceof Map<?, ?> fields)
            || !(fields.get("topic") instanceof String code)
            || !(fields.get("title") instanceof String title)
            || !(fields.get("indicator") instanceof String indicator)) {
          throw new IllegalStateException(file + ": a card needs topic, title and indicator");
        }
        Object definition = fields.get("definition");
        topics.add(
            new Topic(
                code.strip(),
                title.strip(),
                indicator.strip(),
                definition == null ? null : String.valueOf(definition).strip()));
      }
    }
    return topics;
  }

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
