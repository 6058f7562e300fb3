package org.ketaminecds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.rules.RuleSource;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.support.RulesFolders;

/** The build's stamp: what it names, how it is written, and the build step that writes it. */
class BuildVerificationTest {

  @TempDir Path temp;

  @Test
  void theStampReadsBackAsWritten() {
    var stamp =
        new BuildVerification(
            "06ef46f2088b",
            "75971637f9c7054f",
            Map.of("a-scenario", "A title: with = signs, \"quotes\" and ü", "b", "B"),
            List.of("a-scenario", "b"));

    BuildVerification read = BuildVerification.parse(stamp.format());

    assertThat(read).isEqualTo(stamp);
    assertThat(stamp.format()).isEqualTo(read.format()).doesNotContain("UTC");
  }

  @Test
  void itCoversOnlyTheExactFolderItNames() {
    RuleSource rules = RuleSourceReader.fromFolder(Path.of("rules"));
    var files = new TreeMap<>(rules.files());
    files.put("cautions/ci-dementia.card.yaml", files.get("cautions/ci-dementia.card.yaml") + " ");
    String runningCode = BuildVerification.currentCodeFingerprint();
    var stamp = new BuildVerification(rules.version(), runningCode, Map.of(), List.of());

    assertThat(stamp.covers(rules, runningCode)).isTrue();
    assertThat(stamp.covers(new RuleSource(rules.origin(), files), runningCode)).isFalse();
    assertThat(stamp.covers(rules, "another-build-0")).isFalse();
  }

  @Test
  void theCodeFingerprintIsStableWithinAProcess() {
    assertThat(BuildVerification.currentCodeFingerprint())
        .hasSize(16)
        .isEqualTo(BuildVerification.currentCodeFingerprint());
  }

  @Test
  void theBuildStepStampsThePassingReleasedRules() throws Exception {
    ReleasedRulesVerifier.main(new String[] {"rules", temp.toString()});

    BuildVerification stamp =
        BuildVerification.parse(Files.readString(temp.resolve(BuildVerification.FILE)));
    // the rules with the value sets they were checked with, as the service reads them
    RuleSource rules = RuleSourceReader.fromFolders(Path.of("rules"), Path.of("fhir-profiles"));
    assertThat(stamp.covers(rules, BuildVerification.currentCodeFingerprint())).isTrue();
    assertThat(stamp.scenarios()).containsKey("trd-candidate-two-adequate-trials");
    assertThat(stamp.scenarios())
        .hasSize(
            (int) rules.files().keySet().stream().filter(p -> p.startsWith("scenarios/")).count());
    // each hook, and every card topic, with far fewer scenarios than all
    assertThat(stamp.warmUp()).hasSizeBetween(3, stamp.scenarios().size() / 4);
  }

  @Test
  void theBuildStepLeavesNoStampWhenAScenarioFails() throws Exception {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("scenarios/trd-candidate-two-adequate-trials.json"),
        "\"trd-criteria-met\": \"info\"",
        "\"trd-criteria-met\": \"warning\"");
    Path classes = temp.resolve("classes");
    Files.createDirectories(classes.resolve("rules-compiled"));
    Files.writeString(classes.resolve(BuildVerification.FILE), "stale");

    ReleasedRulesVerifier.main(new String[] {rules.toString(), classes.toString()});

    assertThat(classes.resolve(BuildVerification.FILE)).doesNotExist();
  }
}
