package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Map;

/**
 * A CDS Hooks 2.0 card. Empty and null members are left out of the JSON: the contract allows no
 * {@code null}, {@code ""}, {@code []} or {@code {}} in a response.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
    String uuid,
    String summary,
    String detail,
    String indicator,
    Source source,
    List<Suggestion> suggestions,
    String selectionBehavior,
    List<Coding> overrideReasons,
    List<Link> links,
    Map<String, Object> extension) {

  /** Where the card's knowledge comes from; {@code topic} is the card-topic Coding. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Source(String label, String url, Coding topic) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Coding(String system, String code, String display) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Suggestion(
      String label, String uuid, Boolean isRecommended, List<Action> actions) {}

  /**
   * A suggested action: {@code delete} of a draft order by {@code resourceId}, or {@code create} /
   * {@code update} of {@code resource}, a FHIR R4 resource as JSON (written as it is).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Action(
      String type, String description, String resourceId, @JsonRawValue String resource) {

    public Action(String type, String description, String resourceId) {
      this(type, description, resourceId, null);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Link(String label, String url, String type) {}
}
