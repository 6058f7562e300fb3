package org.ketaminecds.terminology.generator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * Regenerates the project's FHIR terminology resources from the code lists: one {@code
 * ValueSet-<id>.json} per value set, {@code ConceptMap-antidepressant-ingredient.json} and {@code
 * CodeSystem-card-topic.json}.
 *
 * <p>Usage: {@code ValueSetGenerator [codeListsDir] [outputDir]}, by default {@code
 * fhir-profiles/code-lists} and {@code fhir-profiles}; from the repository root run {@code ./mvnw
 * -q -Pvaluesets process-classes}. The output is deterministic: regenerating from unchanged lists
 * rewrites identical bytes, which ValueSetGeneratorTest relies on.
 */
public final class ValueSetGenerator {

  static final String DEFAULT_CODE_LISTS = "fhir-profiles/code-lists";
  static final String DEFAULT_OUTPUT = "fhir-profiles";

  private ValueSetGenerator() {}

  public static void main(String[] args) throws IOException {
    Path codeLists = Path.of(args.length > 0 ? args[0] : DEFAULT_CODE_LISTS);
    Path output = Path.of(args.length > 1 ? args[1] : DEFAULT_OUTPUT);
    List<Path> written = generate(codeLists, output);
    System.out.println(
        "ValueSetGenerator: wrote "
            + written.size()
            + " resources from "
            + codeLists
            + " to "
            + output);
  }

  private static List<Path> generate(Path codeListsDir, Path output) throws IOException {
    CodeLists lists = new CodeLists(codeListsDir);
    List<ProductMapping> products = ProductMapping.readAll(lists.folder());
    List<MetadataResource> resources = new ArrayList<>();
    new ValueSetCatalog(lists, products)
        .specs().stream().map(ValueSetFactory::create).forEach(resources::add);
    ConceptMap conceptMap = new AntidepressantConceptMap(lists, products).create();
    resources.add(conceptMap);
    resources.add(CardTopics.create());

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
