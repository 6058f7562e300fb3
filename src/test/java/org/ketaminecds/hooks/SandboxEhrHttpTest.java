package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.CardsContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls exactly as the CDS Hooks sandbox makes them ({@link SandboxEhr}): its token (with a {@code
 * jku} equal to the configured JWKS), its draft-order Bundle, a trailing-slash discovery URL.
 */
class SandboxEhrHttpTest extends ServiceHttpTest {

  static final String[] KETAMINE = {"238082", "ketamine 50 MG/ML Injectable Solution"};
  static final String[] RECURRENT_MDD = {"F33.2", "Major depressive disorder, recurrent severe"};

  SandboxEhr sandbox;

  @BeforeEach
  void sandbox() {
    sandbox = new SandboxEhr(port, EHR, EHR.jwksUri());
  }

  @Test
  void discoveryAsTheSandboxFetchesIt() {
    HttpResponse<String> response = sandbox.get("/cds-services/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("ketamine-order-sign");
  }

  @Test
  void aSandboxOrderSignOfKetamineForAPatientWithAnAneurysmGetsTheCriticalCard()
      throws IOException {
    for (String hook : new String[] {"order-sign", "order-select"}) {
      ObjectNode request =
          SandboxEhr.orderHook(
              hook,
              "example-trd",
              "request-123",
              KETAMINE,
              RECURRENT_MDD,
              CheckNotCompletedHttpTest.orderSign().get("prefetch"));

      HttpResponse<String> response =
          sandbox.post("/cds-services/ketamine-" + hook, request.toString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = CdsCalls.json(response);
      CardsContract.check(body);
      JsonNode card = body.get("cards").get(0);
      assertThat(card.get("source").get("topic").get("code").asString())
          .isEqualTo("ci-vascular-aneurysm-or-avm");
      assertThat(card.get("selectionBehavior").asString()).isEqualTo("any");
      assertThat(card.get("suggestions").get(0).get("actions").get(0).get("resourceId").asString())
          .isEqualTo("MedicationRequest/request-123");
      assertThat(card.get("detail").asString()).contains("Do not start ketamine unless");
      assertThat(HooksHttpTest.evidence(card)).containsExactly("Condition/aneurysm");
    }
  }
}
