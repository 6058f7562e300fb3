package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.fhir.TestFhirServer;
import org.ketaminecds.support.CardsContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A prefetched searchset Bundle with a {@code next} link is a first page, not the chart: the
 * service follows the link on {@code fhirServer} with the bearer token and answers the same cards
 * as for the whole chart prefetched; without a {@code fhirServer} such a key counts as not
 * prefetched (412 on patient-view). The contraindication sits on a later page, so a decision on
 * page one alone would miss it.
 */
class PagedPrefetchHttpTest extends ServiceHttpTest {

  static final String TOKEN = "ehr-access-token-for-paging";
  static final String ELIGIBILITY = "/cds-services/ketamine-eligibility";
  static final FhirContext FHIR = FhirContext.forR4Cached();

  TestFhirServer fhir;

  @BeforeEach
  void start() throws IOException {
    fhir = TestFhirServer.start(2).requireBearerToken(TOKEN);
    ObjectNode example = HooksHttpTest.example();
    IParser parser = FHIR.newJsonParser();
    JsonNode prefetch = example.get("prefetch");
    fhir.add((Resource) parser.parseResource(prefetch.get("patient").toString()));
    for (String key : new String[] {"conditions", "medications", "observations", "allergies"}) {
      if (prefetch.get(key).isObject()) {
        Bundle bundle = (Bundle) parser.parseResource(prefetch.get(key).toString());
        bundle.getEntry().forEach(entry -> fhir.add(entry.getResource()));
      }
    }
    for (int i = 0; i < 3; i++) {
      // Unrelated history, so that the Conditions come over several pages.
      fhir.add(
          new Condition()
              .setSubject(new Reference("Patient/example-trd"))
              .setCode(
                  new CodeableConcept()
                      .addCoding(
                          new Coding(
                              "http://snomed.info/sct", "195662009", "Acute viral pharyngitis")))
              .setId("pharyngitis-" + i));
    }
    // Added last: on the last page of Conditions.
    fhir.add(
        new Condition()
            .setSubject(new Reference("Patient/example-trd"))
            .setCode(
                new CodeableConcept()
                    .addCoding(
                        new Coding(
                            "http://hl7.org/fhir/sid/icd-10-cm",
                            "I67.1",
                            "Cerebral aneurysm, nonruptured")))
            .setId("aneurysm-on-a-later-page"));
  }

  @AfterEach
  void stop() {
    fhir.close();
  }

  @Test
  void aPagedPrefetchLeadsToTheSameCardsAsAFullOne() throws IOException {
    Bundle firstConditions = firstPage("Condition?patient=example-trd");
    Bundle firstStatements =
        firstPage(
            "MedicationStatement?patient=example-trd&_include=MedicationStatement:medication");
    assertThat(firstConditions.getLink(Bundle.LINK_NEXT)).as("paged").isNotNull();
    assertThat(firstStatements.getLink(Bundle.LINK_NEXT)).as("paged").isNotNull();
    assertThat(encode(firstConditions)).doesNotContain("aneurysm-on-a-later-page");

    HttpResponse<String> full =
        calls.post(
            ELIGIBILITY,
            request(allPages("Condition?patient=example-trd"), allPages(statementsQuery()), true));
    int requestsBefore = fhir.requestCount();
    HttpResponse<String> paged =
        calls.post(ELIGIBILITY, request(firstConditions, firstStatements, true));

    assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
    assertThat(paged.statusCode()).as(paged.body()).isEqualTo(200);
    JsonNode fullCards = withoutUuids(CdsCalls.json(full));
    CardsContract.check(CdsCalls.json(paged));
    assertThat(withoutUuids(CdsCalls.json(paged))).isEqualTo(fullCards);
    assertThat(topics(fullCards)).contains("trd-criteria-met", "ci-vascular-aneurysm-or-avm");
    assertThat(fhir.requestCount()).as("next pages fetched").isGreaterThan(requestsBefore);
    assertThat(fhir.requestsWithoutAuthorization()).isZero();
  }

  @Test
  void aPagedPrefetchWithoutAFhirServerIsNotPrefetched() throws IOException {
    HttpResponse<String> response =
        calls.post(
            ELIGIBILITY,
            request(
                firstPage("Condition?patient=example-trd"), allPages(statementsQuery()), false));

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(response.body()).contains("OperationOutcome").contains("conditions");
  }

  private static String statementsQuery() {
    return "MedicationStatement?patient=example-trd&_include=MedicationStatement:medication";
  }

  private String request(Bundle conditions, Bundle statements, boolean withFhirServer)
      throws IOException {
    ObjectNode request = HooksHttpTest.example();
    ObjectNode prefetch = (ObjectNode) request.get("prefetch");
    prefetch.set("conditions", CdsCalls.JSON.readTree(encode(conditions)));
    prefetch.set("medications", CdsCalls.JSON.readTree(encode(statements)));
    if (withFhirServer) {
      request.put("fhirServer", fhir.baseUrl());
      request
          .putObject("fhirAuthorization")
          .put("access_token", TOKEN)
          .put("token_type", "Bearer")
          .put("expires_in", 300)
          .put("scope", "patient/*.read")
          .put("subject", "ketamine-cds");
    } else {
      request.remove("fhirServer");
    }
    return request.toString();
  }

  private IGenericClient fhirClient() {
    IGenericClient client = FHIR.newRestfulGenericClient(fhir.baseUrl());
    client.registerInterceptor(new BearerTokenAuthInterceptor(TOKEN));
    return client;
  }

  /** Page one of a search, as an EHR would prefetch it: with its next link. */
  private Bundle firstPage(String query) {
    return fhirClient().search().byUrl(query).returnBundle(Bundle.class).execute();
  }

  /** Every page of a search in one searchset Bundle, without a next link. */
  private Bundle allPages(String query) {
    IGenericClient client = fhirClient();
    Bundle page = client.search().byUrl(query).returnBundle(Bundle.class).execute();
    Bundle all = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    page.getEntry().forEach(all::addEntry);
    while (page.getLink(Bundle.LINK_NEXT) != null) {
      page = client.loadPage().next(page).execute();
      page.getEntry().forEach(all::addEntry);
    }
    all.setTotal(all.getEntry().size());
    return all;
  }

  private static String encode(Bundle bundle) {
    return FHIR.newJsonParser().encodeResourceToString(bundle);
  }

  private static JsonNode withoutUuids(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("uuid");
      object.forEach(PagedPrefetchHttpTest::withoutUuids);
    } else if (node.isArray()) {
      node.forEach(PagedPrefetchHttpTest::withoutUuids);
    }
    return node;
  }

  private static List<String> topics(JsonNode body) {
    var topics = new ArrayList<String>();
    body.get("cards")
        .forEach(card -> topics.add(card.get("source").get("topic").get("code").asString()));
    return topics;
  }
}
