package org.ketaminecds.facts.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The word scan of {@link PsychotropicNames} finds exactly the agents the pattern it replaced
 * found, {@code (?i)\b(name|...)\b}, which stays here as the oracle.
 */
class PsychotropicNamesTest {

  private static final Pattern FORMER =
      Pattern.compile(
          "(?i)\\b("
              + String.join("|", PsychotropicNames.GENERICS)
              + "|dextromethorphan|"
              + String.join("|", PsychotropicNames.BRANDS.keySet())
              + ")\\b");

  @Test
  void findsWhatTheFormerPatternFoundInChartedNames() {
    List<String> texts =
        List.of(
            "Sertraline 50 MG Oral Tablet",
            "sertraline",
            "SERTRALINE HCL",
            "Zoloft 100mg tab",
            "zoloft/prozac",
            "Prozac(fluoxetine)",
            "fluoxetine20mg",
            "20mg-fluoxetine",
            "fluoxetine_hcl",
            "fluoxetines",
            "nortriptyline",
            "amitriptyline 25 mg; nortriptyline 10 mg",
            "Auvelity (dextromethorphan-bupropion) 45-105 mg",
            "dextromethorphan",
            "Emsam 6 mg/24 hr transdermal (selegiline)",
            "lithium carbonate 300 MG",
            "éprozac",
            "prozacé",
            "prozac é",
            "ZOLOFT\u00a0tablet",
            "Zoloft\tq.d.",
            "ſertraline",
            "\u212Aetamine",
            "paroxetine mesylate 7.5 mg (Brisdelle)",
            "",
            "   ",
            "vitamin D 1000 IU",
            "😀sertraline😀",
            "sertraline😀x");
    texts.forEach(text -> assertThat(scanned(text)).as(text).isEqualTo(former(text)));
  }

  @Test
  void findsWhatTheFormerPatternFoundInRandomTexts() {
    List<String> words = new ArrayList<>(PsychotropicNames.GENERICS);
    words.addAll(PsychotropicNames.BRANDS.keySet());
    words.addAll(List.of("dextromethorphan", "mg", "tab", "x", "é", "_", "12", "ER", "hcl"));
    String[] separators = {" ", "", "-", "/", "_", "(", ")", ".", "é", "1", "\u00a0", ";"};
    var random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      var text = new StringBuilder();
      int parts = 1 + random.nextInt(5);
      for (int p = 0; p < parts; p++) {
        String word = words.get(random.nextInt(words.size()));
        text.append(random.nextBoolean() ? word : word.toUpperCase(Locale.ROOT))
            .append(separators[random.nextInt(separators.length)]);
      }
      String charted = text.toString();
      assertThat(scanned(charted)).as(charted).isEqualTo(former(charted));
    }
  }

  @Test
  void everyNameStandsForItsAgent() {
    Stream.concat(PsychotropicNames.GENERICS.stream(), PsychotropicNames.BRANDS.keySet().stream())
        .forEach(name -> assertThat(scanned("take " + name + " daily")).isEqualTo(former(name)));
  }

  private static Set<String> scanned(String text) {
    Set<String> agents = new LinkedHashSet<>();
    boolean found = PsychotropicNames.addAgentsNamed(text, agents);
    assertThat(found).as("found, for %s", text).isEqualTo(!agents.isEmpty());
    return agents;
  }

  private static Set<String> former(String text) {
    Set<String> agents = new LinkedHashSet<>();
    Matcher matcher = FORMER.matcher(text);
    while (matcher.find()) {
      String name = matcher.group(1).toLowerCase(Locale.ROOT);
      agents.add(PsychotropicNames.BRANDS.getOrDefault(name, name));
    }
    return agents;
  }
}
