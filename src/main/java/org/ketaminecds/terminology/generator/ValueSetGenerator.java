package org.ketaminecds.terminology.generator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * Writes the project's FHIR terminology resources out as JSON, for FHIR tooling and readers: one
 * {@code ValueSet-<id>.json} per entry of {@code value-sets.yaml}, {@code
 * ConceptMap-antidepressant-ingredient.json}, and {@code CodeSystem-card-topic.json} from the card
 * files of the rules. The service does not read these files: it builds the same resources from the
 * catalogue, the code lists and the cards.
 *
 * <p>Usage: {@code ValueSetGenerator [terminologyDir] [outputDir] [rulesDir]}, by default {@code
 * fhir-profiles}, {@code fhir-profiles} and {@code rules}; from the repository root run {@code
 * ./mvnw -q -Pvaluesets process-classes}. The output is deterministic: regenerating from unchanged
 * files rewrites identical bytes, which ValueSetGeneratorTest relies on.
 */
public final class ValueSetGenerator {

  private ValueSetGenerator() {}

  public static void main(String[] args) throws IOException {
    Path terminology = Path.of(args.length > 0 ? args[0] : "fhir-profiles");
    Path output = Path.of(args.length > 1 ? args[1] : "fhir-profiles");
    Path rules = Path.of(args.length > 2 ? args[2] : "rules");
    List<Path> written = generate(terminology, output, rules);
    System.out.println(
        "ValueSetGenerator: wrote "
            + written.size()
            + " resources from "
            + terminology
            + " and "
            + rules
            + " to "
            + output);
  }

  private static List<Path> generate(Path terminology, Path output, Path rules) throws IOException {
    TerminologyFiles.Resources built =
        TerminologyFiles.build(TerminologyFiles.readFolder(terminology));
    List<MetadataResource> resources = new ArrayList<>(built.valueSets());
    resources.add(built.conceptMap());
    resources.add(CardTopics.create(CardTopics.readCards(rules)));

    IParser parser = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true);
    Files.createDirectories(output);
    List<Path> written = new ArrayList<>();
    for (MetadataResource resource : resources) {
      Path file =
          output.resolve(resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json");
      // one line-ending convention whatever the platform, so the files compare byte for byte
      String json = parser.encodeResourceToString(resource).replace("\r\n", "\n") + "\n";
      Files.writeString(file, json, StandardCharsets.UTF_8);
      written.add(file);
    }
    return written;
  }
}
