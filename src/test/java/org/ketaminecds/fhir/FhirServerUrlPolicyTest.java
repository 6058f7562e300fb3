package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FhirServerUrlPolicyTest {

  private final FhirServerUrlPolicy strict = new FhirServerUrlPolicy(false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://ehr.example/fhir",
        "HTTPS://ehr.example:8443/r4/",
        "http://localhost:8080/fhir",
        "http://127.0.0.1/fhir",
        "http://127.1.2.3:9000/fhir",
        "http://[::1]:8080/fhir",
        "http://[0:0:0:0:0:0:0:1]/fhir"
      })
  void acceptsHttpsAndLoopbackHttp(String url) {
    assertThat(strict.checkFhirServer(url).toString()).doesNotEndWith("/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.org/fhir",
        "http://10.0.0.5/fhir",
        "http://127.0.0.1.example.org/fhir",
        "http://localhost.example.org/fhir",
        "http://128.0.0.1/fhir",
        "ftp://ehr.example/fhir",
        "file:///etc/passwd",
        "ehr.example/fhir",
        "https://user:secret@ehr.example/fhir",
        "https://ehr.example/fhir?x=1",
        "https://ehr.example/fhir#frag",
        "https://",
        "https://ehr example/fhir"
      })
  void rejectsEverythingElse(String url) {
    assertThatThrownBy(() -> strict.checkFhirServer(url))
        .isInstanceOf(InvalidFhirServerException.class)
        .message()
        .doesNotContain("secret")
        .doesNotContain("example");
  }

  @Test
  void plainHttpAnywhereWhenAllowed() {
    FhirServerUrlPolicy lax = new FhirServerUrlPolicy(true);

    assertThat(lax.checkFhirServer("http://ehr.internal/fhir"))
        .isEqualTo(URI.create("http://ehr.internal/fhir"));
    assertThatThrownBy(() -> lax.checkFhirServer("ftp://ehr.internal/fhir"))
        .isInstanceOf(InvalidFhirServerException.class);
  }

  @Test
  void nextLinksMustStayOnTheSameOrigin() {
    URI base = URI.create("https://ehr.example/fhir");

    assertThat(strict.sameOriginLink(base, "https://ehr.example/fhir?_getpages=abc"))
        .contains(URI.create("https://ehr.example/fhir?_getpages=abc"));
    assertThat(strict.sameOriginLink(base, "https://EHR.example:443/fhir/Condition?page=2"))
        .isPresent();
    assertThat(strict.sameOriginLink(base, "Condition?page=2"))
        .contains(URI.create("https://ehr.example/fhir/Condition?page=2"));
    assertThat(strict.sameOriginLink(base, "http://ehr.example/fhir?page=2")).isEmpty();
    assertThat(strict.sameOriginLink(base, "https://ehr.example:8443/fhir?page=2")).isEmpty();
    assertThat(strict.sameOriginLink(base, "https://other.example/fhir?page=2")).isEmpty();
    assertThat(strict.sameOriginLink(base, "https://u:p@ehr.example/fhir?page=2")).isEmpty();
    assertThat(strict.sameOriginLink(base, "//other.example/fhir")).isEmpty();
    assertThat(strict.sameOriginLink(base, "not a uri")).isEmpty();
  }
}
