package org.ketaminecds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleSource;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.support.RulesFolders;

/**
 * The start-up check trusts a build's stamp only for the exact folder and code it names: anything
 * else is checked with every scenario. A stamp's scenario titles are marked here, so that a report
 * shows which path it came from.
 */
class StartUpCheckTest {

  private static final String FROM_STAMP = "(verified by the build)";
  private static final String WARM_UP = "age-17-shows-pediatric-on-patient-view";

  @TempDir Path temp;

  private final DecisionPath path = DecisionPath.released();
  private final RuleCompiler compiler = path.compiler();

  private CheckReport startUpCheck(RuleSource source, BuildVerification stamp) {
    return new StartUpCheck(
            path.check(),
            compiler,
            path.scenarioReader(),
            path.scenarioRunner(),
            new ReleaseStamp(
                Optional.ofNullable(stamp), BuildVerification.currentCodeFingerprint()))
        .check(source);
  }

  /** A stamp claiming that every scenario of {@code source} passed, with the running code. */
  private static BuildVerification stampOf(RuleSource source, String codeFingerprint) {
    Map<String, String> scenarios = new TreeMap<>();
    source.files().keySet().stream()
        .filter(path -> path.startsWith("scenarios/") && path.endsWith(".json"))
        .forEach(path -> scenarios.put(path.substring(10, path.length() - 5), FROM_STAMP));
    return new BuildVerification(source.version(), codeFingerprint, scenarios, List.of(WARM_UP));
  }

  private static List<String> titles(CheckReport report) {
    return report.scenarios().stream().map(CheckReport.ScenarioOutcome::title).distinct().toList();
  }

  @Test
  void aFolderVerifiedWithThisCodeGoesLiveWithoutRunningEveryScenario() {
    RuleSource rules = RuleSourceReader.fromFolder(Path.of("rules"));

    CheckReport report =
        startUpCheck(rules, stampOf(rules, BuildVerification.currentCodeFingerprint()));

    assertThat(report.passed()).isTrue();
    assertThat(report.version()).isEqualTo(rules.version());
    assertThat(report.scenarios()).hasSize(report.ruleSet().scenarios().size());
    assertThat(titles(report)).containsExactly(FROM_STAMP);
  }

  @Test
  void aChangedScenarioIsCheckedInFullAndItsFailureStopsTheFolder() {
    RuleSource verified = RuleSourceReader.fromFolder(Path.of("rules"));
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("scenarios/trd-candidate-two-adequate-trials.json"),
        "\"trd-criteria-met\": \"info\"",
        "\"trd-criteria-met\": \"warning\"");

    CheckReport report =
        startUpCheck(
            RuleSourceReader.fromFolder(rules),
            stampOf(verified, BuildVerification.currentCodeFingerprint()));

    assertThat(report.passed()).isFalse();
    assertThat(titles(report)).doesNotContain(FROM_STAMP);
    assertThat(report.scenarios())
        .filteredOn(outcome -> !outcome.passed())
        .extracting(CheckReport.ScenarioOutcome::name)
        .containsExactly("trd-candidate-two-adequate-trials");
  }

  @Test
  void aChangedParameterIsCheckedInFull() {
    RuleSource verified = RuleSourceReader.fromFolder(Path.of("rules"));
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("parameters.yaml"),
        "# Parameters of the clinical rules.",
        "# Parameters of the clinical rules (changed).");

    CheckReport report =
        startUpCheck(
            RuleSourceReader.fromFolder(rules),
            stampOf(verified, BuildVerification.currentCodeFingerprint()));

    assertThat(report.passed()).isTrue();
    assertThat(titles(report)).doesNotContain(FROM_STAMP);
  }

  @Test
  void aStampOfOtherCodeProvesNothing() {
    RuleSource rules = RuleSourceReader.fromFolder(Path.of("rules"));

    CheckReport report = startUpCheck(rules, stampOf(rules, "0123456789abcdef"));

    assertThat(report.passed()).isTrue();
    assertThat(titles(report)).doesNotContain(FROM_STAMP);
  }

  @Test
  void withoutAStampEveryScenarioRuns() {
    RuleSource rules = RuleSourceReader.fromFolder(Path.of("rules"));

    CheckReport report = startUpCheck(rules, null);

    assertThat(report.passed()).isTrue();
    assertThat(titles(report)).doesNotContain(FROM_STAMP);
  }

  @Test
  void aWarmUpScenarioThatFailsSendsTheFolderToTheFullCheck() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("scenarios/" + WARM_UP + ".json"),
        "\"ci-pediatric\": \"warning\"",
        "\"ci-pediatric\": \"critical\"");
    RuleSource changed = RuleSourceReader.fromFolder(rules);

    // A stamp that (wrongly) names this very folder: the warm-up's re-check catches it.
    CheckReport report =
        startUpCheck(changed, stampOf(changed, BuildVerification.currentCodeFingerprint()));

    assertThat(report.passed()).isFalse();
    assertThat(titles(report)).doesNotContain(FROM_STAMP);
  }
}
