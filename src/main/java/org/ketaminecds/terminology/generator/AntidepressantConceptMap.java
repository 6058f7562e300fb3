package org.ketaminecds.terminology.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * ConceptMap {@code antidepressant-ingredient}: antidepressant product (and ingredient, and ATC
 * substance) codes to their RxNorm ingredient, so that two strengths of one drug are one agent. The
 * properties named here are read back by {@code org.ketaminecds.terminology.IngredientIndex}; the
 * two must agree (TerminologyTest checks the round trip).
 */
final class AntidepressantConceptMap {

  static final String ID = "antidepressant-ingredient";
  static final String DRUG_CLASS = "drug-class";
  static final String AUGMENTATION_AGENT = "augmentation-agent";
  static final String NOT_AN_ANTIDEPRESSANT_TRIAL = "not-an-antidepressant-trial";

  private final CodeLists lists;
  private final List<ProductMapping> products;

  AntidepressantConceptMap(CodeLists lists, List<ProductMapping> products) {
    this.lists = lists;
    this.products = products;
  }

  ConceptMap create() {
    Map<String, Ingredient> ingredients = ingredients();
    List<Mapping> rxnorm = new ArrayList<>();
    for (ProductMapping product : products) {
      Ingredient ingredient = ingredientOf(product, ingredients);
      String comment = join(product.flags(), product.drugClass().note());
      rxnorm.add(
          new Mapping(
              product.rxnormCode(),
              product.display(),
              ingredient,
              ConceptMapEquivalence.WIDER,
              comment,
              product.notATrialReason().orElse("")));
    }
    for (Ingredient ingredient : ingredients.values()) {
      rxnorm.add(
          new Mapping(
              ingredient.rxcui(),
              ingredient.name(),
              ingredient,
              ConceptMapEquivalence.EQUAL,
              ingredient.drugClass().note(),
              ""));
    }
    List<Mapping> atc = atcMappings(ingredients);

    ConceptMap map = new ConceptMap();
    map.setId(ID);
    map.setUrl(Release.url("ConceptMap", ID));
    map.setVersion(Release.VERSION);
    map.setName(Release.pascalCase(ID));
    map.setTitle("Antidepressant product to ingredient");
    map.setStatus(PublicationStatus.ACTIVE);
    map.setExperimental(false);
    map.setDateElement(new DateTimeType(Release.DATE));
    map.setPublisher(Release.PUBLISHER);
    map.setDescription(description());
    addGroup(map, CodeLists.ATC, atc);
    addGroup(map, CodeLists.RXNORM, rxnorm);
    return map;
  }

  private Map<String, Ingredient> ingredients() {
    Map<String, Ingredient> byRxcui = new HashMap<>();
    for (CodeRow row : lists.verified(ValueSetCatalog.ANTIDEPRESSANT_INGREDIENTS)) {
      if (!row.system().equals(CodeLists.RXNORM)) {
        throw new IllegalStateException(
            ValueSetCatalog.ANTIDEPRESSANT_INGREDIENTS + ": " + row.code() + " is not RxNorm");
      }
      byRxcui.put(
          row.code(),
          new Ingredient(row.code(), row.display(), ValueSetCatalog.ingredientClass(row)));
    }
    return byRxcui;
  }

  /** The class map and the ingredient list must agree, or the rules would see two classes. */
  private static Ingredient ingredientOf(ProductMapping product, Map<String, Ingredient> all) {
    Ingredient ingredient = all.get(product.ingredientRxcui());
    if (ingredient == null) {
      throw new IllegalStateException(
          ProductMapping.FILE
              + ": product "
              + product.rxnormCode()
              + " maps to ingredient "
              + product.ingredientRxcui()
              + ", which is not in "
              + ValueSetCatalog.ANTIDEPRESSANT_INGREDIENTS);
    }
    if (!ingredient.name().equals(product.ingredientName())
        || !ingredient.drugClass().name().equals(product.drugClass().name())) {
      throw new IllegalStateException(
          ProductMapping.FILE
              + ": product "
              + product.rxnormCode()
              + " says "
              + product.ingredientName()
              + " / "
              + product.drugClass().name()
              + " but the ingredient list says "
              + ingredient.name()
              + " / "
              + ingredient.drugClass().name());
    }
    return ingredient;
  }

  /** ATC substance codes whose name is exactly an ingredient's name (N06AB06 sertraline). */
  private List<Mapping> atcMappings(Map<String, Ingredient> ingredients) {
    Map<String, Ingredient> byName =
        ingredients.values().stream()
            .collect(Collectors.toMap(i -> i.name().toLowerCase(Locale.ROOT), i -> i));
    List<Mapping> mappings = new ArrayList<>();
    for (CodeRow row : lists.verified(ValueSetCatalog.ANTIDEPRESSANT_ATC)) {
      Ingredient ingredient = byName.get(row.display().toLowerCase(Locale.ROOT));
      if (ingredient != null && !row.code().equals(ValueSetCatalog.ESKETAMINE_ATC)) {
        mappings.add(
            new Mapping(
                row.code(),
                row.display(),
                ingredient,
                ConceptMapEquivalence.EQUIVALENT,
                ingredient.drugClass().note(),
                ""));
      }
    }
    return mappings;
  }

  private static void addGroup(ConceptMap map, String sourceSystem, List<Mapping> mappings) {
    ConceptMapGroupComponent group =
        map.addGroup().setSource(sourceSystem).setTarget(CodeLists.RXNORM);
    mappings.stream()
        .sorted(Comparator.comparing(Mapping::code))
        .forEach(
            mapping -> {
              TargetElementComponent target =
                  group
                      .addElement()
                      .setCode(mapping.code())
                      .setDisplay(mapping.display())
                      .addTarget()
                      .setCode(mapping.ingredient().rxcui())
                      .setDisplay(mapping.ingredient().name())
                      .setEquivalence(mapping.equivalence());
              if (!mapping.comment().isEmpty()) {
                target.setComment(mapping.comment());
              }
              target
                  .addProduct()
                  .setProperty(DRUG_CLASS)
                  .setValue(mapping.ingredient().drugClass().name());
              if (mapping.ingredient().drugClass().augmentationAgent()) {
                target.addProduct().setProperty(AUGMENTATION_AGENT).setValue("true");
              }
              if (!mapping.notATrialReason().isEmpty()) {
                target
                    .addProduct()
                    .setProperty(NOT_AN_ANTIDEPRESSANT_TRIAL)
                    .setValue(mapping.notATrialReason());
              }
            });
  }

  private static String description() {
    return "Maps every antidepressant product of `"
        + ProductMapping.FILE
        + "` (equivalence"
        + " wider), every ingredient of `"
        + ValueSetCatalog.ANTIDEPRESSANT_INGREDIENTS
        + "`"
        + " including augmentation agents (to itself, equivalence equal), and every ATC N06A"
        + " substance code whose name is one of those ingredients (equivalence equivalent) to its"
        + " RxNorm ingredient; the target display is the ingredient name. Distinct agents of the"
        + " TRD rule are distinct targets.\n\n"
        + "Each target carries `product` entries (ConceptMap.group.element.target.product) with"
        + " these properties:\n\n"
        + "- `"
        + DRUG_CLASS
        + "`: the ingredient's drug class, e.g. SSRI, SNRI, TCA, MAOI,"
        + " augmentation agent;\n"
        + "- `"
        + AUGMENTATION_AGENT
        + "`: `true` for lithium and second-generation"
        + " antipsychotics (absent otherwise);\n"
        + "- `"
        + NOT_AN_ANTIDEPRESSANT_TRIAL
        + "`: present on products that must not count as an"
        + " antidepressant trial (oral selegiline, Zyban), its value the reason shown to the"
        + " clinician. These products are left out of ValueSet antidepressant-medication but are"
        + " mapped here so the service can say why a statement was not counted.\n\n"
        + "`target.comment` holds the list's flags (e.g. low-dose doxepin or trazodone used as"
        + " hypnotics: dose check required) and class notes.";
  }

  private static String join(String first, String second) {
    if (first.isEmpty()) {
      return second;
    }
    return second.isEmpty() ? first : first + "; " + second;
  }

  private record Ingredient(String rxcui, String name, DrugClass drugClass) {}

  private record Mapping(
      String code,
      String display,
      Ingredient ingredient,
      ConceptMapEquivalence equivalence,
      String comment,
      String notATrialReason) {}
}
