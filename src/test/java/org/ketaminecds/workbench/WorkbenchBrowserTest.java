package org.ketaminecds.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ketaminecds.support.TestClockConfiguration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workbench page in a real headless Chromium, checked for what a person sees: the cards as an
 * EHR shows them, the rules that fired, the scenario's verdict, and pasted data shown as text.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.security.require-jwt=false", "cds.workbench.enabled=true"})
@Import(TestClockConfiguration.class)
class WorkbenchBrowserTest {

  static final Path SCREENSHOT = Path.of("target/workbench.png");

  @RegisterExtension
  static final HeadlessChromium.PerClass chromium = new HeadlessChromium.PerClass();

  @Value("${local.server.port}")
  int port;

  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openTheWorkbench() {
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get("http://localhost:" + port + "/workbench");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#scenario option[value='" + TestBundles.TRD_SCENARIO + "']")));
  }

  @Test
  void aScenarioShowsItsCardAsAnEhrDoesWithTheRulesThatFiredAndItsPassMark() throws IOException {
    assertThat(browser.getCurrentUrl()).endsWith("/workbench/");
    new Select(browser.findElement(By.id("scenario"))).selectByValue(TestBundles.TRD_SCENARIO);
    assertThat(value(By.id("as-of"))).isEqualTo("2026-06-01");
    // ISO, as written: a date input would show the browser locale's order (06/01/2026).
    assertThat(browser.findElement(By.id("as-of")).getAttribute("type")).isEqualTo("text");

    browser.findElement(By.id("evaluate")).click();
    WebElement card =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cds-card")));

    assertThat(card.findElement(By.cssSelector(".card-summary")).getText())
        .startsWith("Meets TRD criteria");
    WebElement indicator = card.findElement(By.cssSelector(".indicator"));
    assertThat(indicator.getText()).containsIgnoringCase("info");
    assertThat(indicator.getAttribute("class")).contains("indicator-info");
    assertThat(indicator.getCssValue("background-color")).isEqualTo("rgba(26, 95, 180, 1)");
    assertThat(card.getCssValue("border-left-color")).isEqualTo("rgba(26, 95, 180, 1)");

    List<WebElement> trials = card.findElements(By.cssSelector(".card-detail ul > li"));
    assertThat(trials)
        .extracting(WebElement::getText)
        .anyMatch(text -> text.contains("sertraline"));
    WebElement sertraline =
        trials.stream().filter(li -> li.getText().contains("sertraline")).findFirst().orElseThrow();
    assertThat(sertraline.findElement(By.tagName("strong")).getText()).isEqualTo("sertraline");
    assertThat(card.findElement(By.cssSelector(".card-detail")).getText()).doesNotContain("**");
    assertThat(card.findElement(By.cssSelector(".card-source a")).getAttribute("href"))
        .startsWith("https://dailymed.nlm.nih.gov/");
    assertThat(card.findElements(By.cssSelector(".card-links a"))).hasSize(2);

    assertThat(browser.findElements(By.cssSelector("#fired-rules li")))
        .extracting(WebElement::getText)
        .contains("Card trd-criteria-met: the patient meets the TRD criteria");
    WebElement verdict = browser.findElement(By.id("scenario-check"));
    assertThat(verdict.isDisplayed()).isTrue();
    assertThat(verdict.getAttribute("class")).contains("pass");
    assertThat(verdict.findElement(By.cssSelector(".verdict")).getText()).contains("PASS");
    assertThat(browser.findElements(By.cssSelector("#facts tbody th")))
        .extracting(WebElement::getText)
        .contains("Diagnosis", "MedicationTrial", "TreatmentResistance")
        .doesNotContain("Parameters", "MinimumDose");
    // Facts in clinical words, each field on its own line; no Java record toString.
    String facts = browser.findElement(By.id("facts")).getText();
    assertThat(facts).contains("condition id", "mdd").doesNotContain("Diagnosis[", "conditionId=");
    // The reference tables are there but folded away until asked for.
    WebElement referenceTables = browser.findElement(By.id("reference-tables"));
    assertThat(referenceTables.getDomProperty("open")).isEqualTo("false");
    assertThat(browser.findElement(By.id("reference-facts")).isDisplayed()).isFalse();
    referenceTables.findElement(By.tagName("summary")).click();
    assertThat(browser.findElement(By.id("reference-facts")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector("#reference-facts tbody th")))
        .extracting(WebElement::getText)
        .contains("Parameters", "MinimumDose");
    // The released rules are live and the watcher is fine: no banner.
    assertThat(browser.findElement(By.id("rules-banner")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("ruleset-version")).getText()).matches("[0-9a-f]{12}");

    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOT,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void markupInAPastedConditionIsShownAsTextAndNeverRuns() {
    ObjectNode bundle = TestBundles.trdCandidate();
    ObjectNode aneurysm = ((ArrayNode) bundle.get("entry")).addObject().putObject("resource");
    aneurysm.put("resourceType", "Condition");
    aneurysm.put("id", "aneurysm");
    ObjectNode code = aneurysm.putObject("code");
    code.putArray("coding")
        .addObject()
        .put("system", "http://hl7.org/fhir/sid/icd-10-cm")
        .put("code", "I67.1");
    String payload =
        "<script>window.injected = 'script'</script>"
            + "<img src=x onerror=\"window.injected = 'img'\"> **cerebral aneurysm**";
    code.put("text", payload);

    browser.findElement(By.id("source-bundle")).click();
    setValue(By.id("bundle"), bundle.toPrettyString());
    new Select(browser.findElement(By.id("hook"))).selectByValue("patient-view");
    setValue(By.id("as-of"), "2026-06-01");
    browser.findElement(By.id("evaluate")).click();
    WebElement card =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".cds-card[data-topic='ci-vascular-aneurysm-or-avm']")));

    assertThat(card.findElement(By.cssSelector(".indicator")).getText())
        .containsIgnoringCase("critical");
    assertThat(card.findElement(By.cssSelector(".card-summary")).getText())
        .contains("<script>window.injected = 'script'</script>");
    assertThat(card.findElement(By.cssSelector(".card-detail")).getText())
        .contains("<img src=x onerror=\"window.injected = 'img'\">");
    assertThat(browser.findElements(By.cssSelector("#cards script, #cards img, #facts img")))
        .isEmpty();
    assertThat(browser.findElement(By.id("facts")).getText()).contains("<script>");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === undefined"))
        .isEqualTo(true);
  }

  @Test
  void aDateOfTheCallNotWrittenAsIsoIsRefusedOnThePage() {
    browser.findElement(By.id("source-bundle")).click();
    setValue(By.id("bundle"), TestBundles.trdCandidate().toPrettyString());
    setValue(By.id("as-of"), "06/01/2026");
    browser.findElement(By.id("evaluate")).click();

    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(error.getText())
        .isEqualTo("Write the date of the call as yyyy-mm-dd, for example 2026-06-01.");
    assertThat(browser.findElements(By.cssSelector(".cds-card"))).isEmpty();
  }

  @Test
  void aBundleThatIsNotJsonShowsTheServicesMessageAndNoCards() {
    browser.findElement(By.id("source-bundle")).click();
    setValue(By.id("bundle"), "{\"resourceType\": \"Bundle\", ");
    browser.findElement(By.id("evaluate")).click();

    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(error.getText()).startsWith("HTTP 400: The bundle is not valid FHIR R4 JSON");
    assertThat(browser.findElements(By.cssSelector(".cds-card"))).isEmpty();
  }

  private String value(By field) {
    return browser.findElement(field).getDomProperty("value");
  }

  /** Fills a field as pasting does, in one go (typing a whole Bundle key by key takes long). */
  private void setValue(By field, String text) {
    WebElement element = browser.findElement(field);
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            element,
            text);
  }
}
