package org.ketaminecds.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ketaminecds.support.RulesFolders;
import org.ketaminecds.support.TestClockConfiguration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workbench warns the author in a banner when a saved change of the rules folder was refused
 * (in a real headless Chromium, on a service watching a copy of the rules folder).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.security.require-jwt=false",
      "cds.workbench.enabled=true",
      "cds.rules.settle=100ms"
    })
@Import(TestClockConfiguration.class)
class WorkbenchBannerBrowserTest {

  static final Path RULES = RulesFolders.temporaryCopyOfRules("banner-rules");

  @RegisterExtension
  static final HeadlessChromium.PerClass chromium = new HeadlessChromium.PerClass();

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void rulesFolder(DynamicPropertyRegistry registry) {
    registry.add("cds.rules.dir", RULES::toString);
  }

  @Test
  void aRefusedChangeShowsInABannerWithTheCheckWords() throws Exception {
    Path dementia = RULES.resolve("cautions/ci-dementia.drl");
    Files.writeString(dementia, Files.readString(dementia).replace("active )", "active "));
    awaitRefusal();

    ChromeDriver browser = chromium.driver();
    browser.get("http://localhost:" + port + "/workbench/");
    WebElement banner =
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-banner")));

    assertThat(banner.getText())
        .matches(
            "The last change of the rules folder was refused: cautions/ci-dementia\\.drl, line 14:"
                + " the '\\(' opened here is never closed: a '\\)' is missing\\. The rules of"
                + " version [0-9a-f]{12} stay live\\.");
  }

  /** Polls the page's status API (bounded) until the broken save has been refused. */
  private void awaitRefusal() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest status =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/workbench/api/status"))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
    while (!body.contains("refused") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
    }
    assertThat(body).contains("refused");
  }
}
