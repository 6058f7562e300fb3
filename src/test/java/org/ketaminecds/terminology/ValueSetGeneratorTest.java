package org.ketaminecds.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.terminology.generator.ValueSetGenerator;

/**
 * Regenerates the terminology resources from the checked-in code lists and holds them to the
 * checked-in files and to the clinical rules of the lists.
 */
class ValueSetGeneratorTest {

  private static final String REGENERATE = "./mvnw -q -Pvaluesets process-classes";
  private static final Path PROFILES = Path.of("fhir-profiles");
  private static final Path CODE_LISTS = PROFILES.resolve("code-lists");
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String ATC = "http://www.whocc.no/atc";

  @TempDir static Path generated;

  /** value set id → "system|code" of its expansion. */
  private static final Map<String, Set<String>> members = new HashMap<>();

  private static final IParser parser = FhirContext.forR4Cached().newJsonParser();

  @BeforeAll
  static void generate() throws IOException {
    ValueSetGenerator.main(new String[] {PROFILES.toString(), generated.toString(), "rules"});
    for (Path file : generatedFiles(generated)) {
      if (file.getFileName().toString().startsWith("ValueSet-")) {
        ValueSet valueSet = parser.parseResource(ValueSet.class, Files.readString(file));
        members.put(
            valueSet.getIdElement().getIdPart(),
            valueSet.getExpansion().getContains().stream()
                .map(c -> c.getSystem() + "|" + c.getCode())
                .collect(Collectors.toSet()));
      }
    }
  }

  @Test
  void checkedInResourcesAreUpToDate() throws IOException {
    List<String> outOfDate = new ArrayList<>();
    for (Path file : generatedFiles(generated)) {
      Path checkedIn = PROFILES.resolve(file.getFileName());
      if (!Files.exists(checkedIn)
          || !Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(checkedIn))) {
        outOfDate.add(checkedIn.toString());
      }
    }
    assertThat(outOfDate)
        .as(
            "fhir-profiles/ does not match the code lists; run `%s` and commit the result",
            REGENERATE)
        .isEmpty();
  }

  @Test
  void noStaleResourceIsLeftInFhirProfiles() throws IOException {
    Set<Path> expected =
        generatedFiles(generated).stream().map(Path::getFileName).collect(Collectors.toSet());
    List<String> stale =
        generatedFiles(PROFILES).stream()
            .filter(file -> !expected.contains(file.getFileName()))
            .map(Path::toString)
            .toList();
    assertThat(stale)
        .as("the generator no longer writes these; delete them (Terminology would load them)")
        .isEmpty();
  }

  @Test
  void everyResourceParsesWithUrlVersionAndCompleteExpansion() throws IOException {
    List<Path> files = generatedFiles(generated);
    assertThat(files).hasSize(members.size() + 2);
    for (Path file : files) {
      MetadataResource resource =
          (MetadataResource) parser.parseResource(Files.readString(file, StandardCharsets.UTF_8));
      String id = resource.getIdElement().getIdPart();
      assertThat(resource.getUrl())
          .isEqualTo("https://fhir.ketamine-cds.org/" + resource.fhirType() + "/" + id);
      assertThat(resource.getVersion()).isNotBlank();
      assertThat(resource.getDescription()).isNotBlank();
      if (resource instanceof ValueSet valueSet) {
        int composed =
            valueSet.getCompose().getInclude().stream()
                .mapToInt(include -> include.getConcept().size())
                .sum();
        assertThat(valueSet.getExpansion().getTotal()).as(id).isEqualTo(composed).isPositive();
        assertThat(valueSet.getExpansion().getContains()).as(id).hasSize(composed);
        assertThat(members.get(id)).as(id + " has duplicate codings").hasSize(composed);
      }
    }
  }

  @Test
  void unverifiedCodesAreInNoValueSet() throws IOException {
    Set<String> unverified = unverifiedCodings();
    assertThat(unverified).contains(RXNORM + "|2119365", SNOMED + "|2032001");
    members.forEach(
        (id, codings) -> assertThat(codings).as(id).doesNotContainAnyElementsOf(unverified));
  }

  @Test
  void oralSelegilineAndZybanAreNotAntidepressantTrials() {
    assertThat(members.get("antidepressant-medication"))
        .doesNotContain(
            RXNORM + "|859186", RXNORM + "|859190", RXNORM + "|859193", RXNORM + "|1801289")
        .contains(RXNORM + "|865206", RXNORM + "|312941", RXNORM + "|36437", ATC + "|N06AB06");
  }

  @Test
  void esketamineAndAugmentationAgentsAreNotAntidepressantMedication() {
    assertThat(members.get("antidepressant-medication"))
        .doesNotContain(ATC + "|N06AX27", RXNORM + "|6448", RXNORM + "|89013");
    assertThat(members.get("augmentation-agent")).contains(RXNORM + "|6448", RXNORM + "|89013");
  }

  @Test
  void ketamineValueSetHoldsMedicationCodesOnly() {
    assertThat(members.get("ketamine-esketamine"))
        .doesNotContain(SNOMED + "|724713006", SNOMED + "|724715004")
        .contains(RXNORM + "|6130", "http://hl7.org/fhir/sid/ndc|50458-028-02", ATC + "|N06AX27")
        .noneMatch(coding -> coding.startsWith(SNOMED));
  }

  @Test
  void everyCardiovascularRowLandsInASubset() throws IOException {
    Set<String> split =
        Stream.of("coronary-heart-disease", "heart-failure", "arrhythmia", "stroke-or-tia")
            .flatMap(id -> members.get(id).stream())
            .collect(Collectors.toSet());
    assertThat(split)
        .containsExactlyInAnyOrderElementsOf(
            codings(CODE_LISTS.resolve("cardiovascular_cerebrovascular_disease.csv")));
  }

  @Test
  void unknownAneurysmTagStopsTheGenerator(@TempDir Path profiles, @TempDir Path out)
      throws IOException {
    Path lists = copyCodeLists(profiles);
    Files.writeString(
        lists.resolve("spravato_contraindication_aneurysm_avm_ich.csv"),
        "http://hl7.org/fhir/sid/icd-10-cm,I72.9,Aneurysm of unspecified site,[mystery] CURATED\n",
        StandardOpenOption.APPEND);
    assertThatThrownBy(
            () ->
                ValueSetGenerator.main(new String[] {profiles.toString(), out.toString(), "rules"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lands in none")
        .hasMessageContaining("[mystery]");
  }

  @Test
  void cardiovascularRowOfUnknownVsacSetStopsTheGenerator(@TempDir Path profiles, @TempDir Path out)
      throws IOException {
    Path lists = copyCodeLists(profiles);
    Files.writeString(
        lists.resolve("cardiovascular_cerebrovascular_disease.csv"),
        "http://snomed.info/sct,1,Test,VSAC Valve Disease 2.16.840.1.1 v20240101\n",
        StandardOpenOption.APPEND);
    assertThatThrownBy(
            () ->
                ValueSetGenerator.main(new String[] {profiles.toString(), out.toString(), "rules"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Valve Disease");
  }

  private static List<Path> generatedFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(
              file ->
                  file.getFileName()
                      .toString()
                      .matches("(ValueSet|ConceptMap|CodeSystem)-.+\\.json"))
          .sorted()
          .toList();
    }
  }

  /** UNVERIFIED_candidates.csv and every row whose source starts with UNVERIFIED. */
  private static Set<String> unverifiedCodings() throws IOException {
    Set<String> codings = new HashSet<>(codings(CODE_LISTS.resolve("UNVERIFIED_candidates.csv")));
    try (Stream<Path> lists = Files.list(CODE_LISTS)) {
      for (Path list : lists.filter(p -> p.toString().endsWith(".csv")).toList()) {
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
          // the source is the last column; a display may hold commas but never this marker
          if (line.contains(",UNVERIFIED") || line.contains(",\"UNVERIFIED")) {
            String[] fields = line.split(",", 3);
            codings.add(fields[0] + "|" + fields[1]);
          }
        }
      }
    }
    return codings;
  }

  /** "system|code" of every data row; the lists never quote their first two columns. */
  private static Set<String> codings(Path list) throws IOException {
    return Files.readAllLines(list, StandardCharsets.UTF_8).stream()
        .skip(1)
        .filter(line -> !line.isBlank())
        .map(line -> line.split(",", 3))
        .map(fields -> fields[0] + "|" + fields[1])
        .collect(Collectors.toSet());
  }

  /** A copy of the terminology folder (catalogue and code lists); returns its code-lists/. */
  private static Path copyCodeLists(Path profiles) throws IOException {
    Path target = Files.createDirectories(profiles.resolve("code-lists"));
    Files.copy(PROFILES.resolve("value-sets.yaml"), profiles.resolve("value-sets.yaml"));
    try (Stream<Path> lists = Files.list(CODE_LISTS)) {
      for (Path list : lists.toList()) {
        Files.copy(list, target.resolve(list.getFileName()));
      }
    }
    return target;
  }
}
