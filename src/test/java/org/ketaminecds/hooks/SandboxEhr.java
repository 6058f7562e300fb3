package org.ketaminecds.hooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.ketaminecds.security.TestEhr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An EHR-side client that calls the service exactly as the CDS Hooks sandbox does
 * (cds-hooks/sandbox: src/retrieve-data-helpers/jwt-generator.js for the token, the Rx Sign / Rx
 * View pages for the context), so that what worked with the real sandbox keeps working:
 *
 * <ul>
 *   <li>a JWT with {@code typ} JWT, {@code kid} and {@code jku} in the header, and {@code iss},
 *       {@code sub}, {@code aud} (the URL called, a string), {@code iat}, {@code exp} = iat + 300
 *       s, {@code jti} (a UUID) in the claims (signed ES384: the sandbox's source signs ES256,
 *       which CDS Hooks 2.0 does not allow);
 *   <li>{@code context.draftOrders} a Bundle with no {@code type}, of one entry holding the draft
 *       MedicationRequest (status draft, intent order, an RxNorm {@code medicationCodeableConcept}
 *       with text and display, a structured dose and frequency, a supply duration, and the
 *       condition treated as {@code reasonCode});
 *   <li>{@code hookInstance} a UUID, {@code userId} a Practitioner reference, the prefetch the
 *       service's discovery asks for.
 * </ul>
 */
final class SandboxEhr {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final TestEhr keys;
  private final String jku;

  /**
   * @param keys the keys it signs with (the service must trust them, as configured keys)
   * @param jku the JWKS URL it names in every token
   */
  SandboxEhr(int port, TestEhr keys, String jku) {
    this.baseUrl = "http://localhost:" + port;
    this.keys = keys;
    this.jku = jku;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> post(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * An order hook as the sandbox's Rx Sign page sends it, for {@code prefetch} of the patient.
   *
   * @param rxnorm the RxNorm code and display of the prescribable chosen
   * @param reason the ICD-10-CM code and display of the condition treated
   */
  static ObjectNode orderHook(
      String hook,
      String patientId,
      String orderId,
      String[] rxnorm,
      String[] reason,
      JsonNode prefetch) {
    ObjectNode request = CdsCalls.JSON.createObjectNode();
    request.put("hookInstance", UUID.randomUUID().toString());
    request.put("fhirServer", "https://launch.smarthealthit.org/v/r4/fhir");
    request.put("hook", hook);
    ObjectNode context = request.putObject("context");
    context.put("userId", "Practitioner/COREPRACTITIONER1");
    context.put("patientId", patientId);
    ObjectNode order =
        context
            .putObject("draftOrders")
            .put("resourceType", "Bundle")
            .putArray("entry")
            .addObject()
            .putObject("resource");
    order.put("resourceType", "MedicationRequest");
    order.put("id", orderId);
    order.put("status", "draft");
    order.put("intent", "order");
    order.putObject("subject").put("reference", "Patient/" + patientId);
    ObjectNode medication = order.putObject("medicationCodeableConcept");
    medication.put("text", rxnorm[1]);
    medication
        .putArray("coding")
        .addObject()
        .put("display", rxnorm[1])
        .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
        .put("code", rxnorm[0]);
    ObjectNode dosage = order.putArray("dosageInstruction").addObject();
    dosage
        .putArray("doseAndRate")
        .addObject()
        .putObject("doseQuantity")
        .put("value", 1)
        .put("system", "http://unitsofmeasure.org")
        .put("code", "{pill}");
    dosage
        .putObject("timing")
        .putObject("repeat")
        .put("frequency", 1)
        .put("period", 1)
        .put("periodUnit", "d");
    order
        .putObject("dispenseRequest")
        .put("numberOfRepeatsAllowed", 1)
        .putObject("expectedSupplyDuration")
        .put("value", 30)
        .put("unit", "days")
        .put("system", "http://unitsofmeasure.org")
        .put("code", "d");
    ObjectNode reasonCode = order.putArray("reasonCode").addObject();
    reasonCode.put("text", reason[1]);
    reasonCode
        .putArray("coding")
        .addObject()
        .put("system", "http://hl7.org/fhir/sid/icd-10-cm")
        .put("code", reason[0])
        .put("display", reason[1]);
    request.set("prefetch", prefetch);
    return request;
  }

  private HttpRequest.Builder request(String path) {
    String url = baseUrl + path;
    String token = keys.sandboxStyle(url, jku).build();
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("The service did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
