package org.ketaminecds.workbench;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven headless.
 * Both paths are given to Selenium explicitly, so Selenium Manager never runs: it would try to
 * download a browser and a driver, and the build has no internet. Without Chromium the test fails
 * with instructions rather than skipping: CI installs it ({@code .ci/run}).
 */
public final class HeadlessChromium implements AutoCloseable {

  static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static HeadlessChromium start() {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      fail(
          "The workbench browser test needs Chromium and its driver at %s and %s. Install them"
              + " with: apt-get update && apt-get install -y chromium chromium-driver (.ci/run does"
              + " this), or point -Dchromium.binary and -Dchromium.driver at them.",
          BROWSER, DRIVER);
    }
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("workbench-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1900",
        "--user-data-dir=" + profile);
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * One browser for a test class, started before its first test and closed after its last:
   * {@code @RegisterExtension static final HeadlessChromium.PerClass chromium = new PerClass();}
   */
  public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
    private HeadlessChromium browser;

    @Override
    public void beforeAll(ExtensionContext context) {
      browser = start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
      if (browser != null) {
        browser.close();
        browser = null;
      }
    }

    public ChromeDriver driver() {
      return browser.driver();
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind does not change the test's outcome.
    }
  }
}
