package org.ketaminecds.facts.fhir;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;

/**
 * Reads the drug a statement names when no code of the service's lists maps it (a brand or newer
 * RxNorm code, an NDC, text alone), so that every antidepressant statement is accounted for
 * (clinical brief rev. 2): the ingredients of {@code
 * fhir-profiles/code-lists/antidepressant_ingredients_rxnorm.csv} by name, their US brands (brand
 * names as on the products' FDA labels, DailyMed), and the antidepressants approved since the lists
 * were drawn: gepirone (Exxua, FDA 2023) and dextromethorphan-bupropion (Auvelity, FDA 2022). A
 * name that gives no single antidepressant (two of them, or zuranolone, or an ATC N06A code alone)
 * is "not recognised" and listed as such.
 */
final class PsychotropicNames {

  /** RxNorm ingredient of selegiline: only its transdermal system is an antidepressant. */
  static final String SELEGILINE = "9639";

  static final String GEPIRONE = "gepirone";
  static final String DEXTROMETHORPHAN_BUPROPION = "dextromethorphan-bupropion";

  /** Brand (FDA label) → generic name. */
  static final Map<String, String> BRANDS =
      Map.ofEntries(
          Map.entry("celexa", "citalopram"),
          Map.entry("lexapro", "escitalopram"),
          Map.entry("prozac", "fluoxetine"),
          Map.entry("sarafem", "fluoxetine"),
          Map.entry("luvox", "fluvoxamine"),
          Map.entry("paxil", "paroxetine"),
          Map.entry("pexeva", "paroxetine"),
          Map.entry("brisdelle", "paroxetine"),
          Map.entry("zoloft", "sertraline"),
          Map.entry("effexor", "venlafaxine"),
          Map.entry("pristiq", "desvenlafaxine"),
          Map.entry("cymbalta", "duloxetine"),
          Map.entry("drizalma", "duloxetine"),
          Map.entry("fetzima", "levomilnacipran"),
          Map.entry("savella", "milnacipran"),
          Map.entry("anafranil", "clomipramine"),
          Map.entry("norpramin", "desipramine"),
          Map.entry("sinequan", "doxepin"),
          Map.entry("silenor", "doxepin"),
          Map.entry("tofranil", "imipramine"),
          Map.entry("pamelor", "nortriptyline"),
          Map.entry("vivactil", "protriptyline"),
          Map.entry("surmontil", "trimipramine"),
          Map.entry("marplan", "isocarboxazid"),
          Map.entry("nardil", "phenelzine"),
          Map.entry("parnate", "tranylcypromine"),
          Map.entry("emsam", "selegiline"),
          Map.entry("zelapar", "selegiline"),
          Map.entry("wellbutrin", "bupropion"),
          Map.entry("aplenzin", "bupropion"),
          Map.entry("forfivo", "bupropion"),
          Map.entry("zyban", "bupropion"),
          Map.entry("remeron", "mirtazapine"),
          Map.entry("desyrel", "trazodone"),
          Map.entry("oleptro", "trazodone"),
          Map.entry("viibryd", "vilazodone"),
          Map.entry("trintellix", "vortioxetine"),
          Map.entry("exxua", GEPIRONE),
          Map.entry("auvelity", DEXTROMETHORPHAN_BUPROPION),
          Map.entry("lithobid", "lithium"),
          Map.entry("abilify", "aripiprazole"),
          Map.entry("rexulti", "brexpiprazole"),
          Map.entry("vraylar", "cariprazine"),
          Map.entry("seroquel", "quetiapine"),
          Map.entry("zyprexa", "olanzapine"),
          Map.entry("symbyax", "fluoxetine"),
          Map.entry("zurzuvae", "zuranolone"));

  private static final Set<String> AUGMENTATION =
      Set.of("lithium", "aripiprazole", "quetiapine", "olanzapine", "brexpiprazole", "cariprazine");

  static final List<String> GENERICS =
      List.of(
          "citalopram",
          "escitalopram",
          "fluoxetine",
          "fluvoxamine",
          "paroxetine",
          "sertraline",
          "venlafaxine",
          "desvenlafaxine",
          "duloxetine",
          "levomilnacipran",
          "milnacipran",
          "amitriptyline",
          "amoxapine",
          "clomipramine",
          "desipramine",
          "doxepin",
          "imipramine",
          "nortriptyline",
          "protriptyline",
          "trimipramine",
          "maprotiline",
          "isocarboxazid",
          "phenelzine",
          "tranylcypromine",
          "selegiline",
          "bupropion",
          "mirtazapine",
          "trazodone",
          "nefazodone",
          "vilazodone",
          "vortioxetine",
          "lithium",
          "aripiprazole",
          "quetiapine",
          "olanzapine",
          "brexpiprazole",
          "cariprazine",
          GEPIRONE,
          "zuranolone");

  /**
   * The agent each name stands for: a generic for itself, a brand for its generic. A text names one
   * where a word of it is that name, ignoring (ASCII) case: what {@code \\b(name|...)\\b} with
   * {@code (?i)} found, looked up per word instead of trying every name at every character, which
   * was a fortieth of a small chart's call.
   */
  private static final Map<String, String> AGENT_BY_NAME = agentsByName();

  private static final int LONGEST_NAME =
      AGENT_BY_NAME.keySet().stream().mapToInt(String::length).max().orElse(0);

  private static final Pattern TRANSDERMAL =
      Pattern.compile("(?i)transdermal|patch|emsam|mg/24|/hr\\b|mg/h\\b");

  /** SNOMED CT route "Transdermal route" (45890007). */
  private static final String TRANSDERMAL_ROUTE = "45890007";

  private PsychotropicNames() {}

  /**
   * What a statement's medication names.
   *
   * @param label the name as charted
   * @param agent the one antidepressant (or, failing that, augmentation agent) it names, or null
   * @param notATrialReason why a product of that name is not an antidepressant trial, or null
   */
  record Named(String label, String agent, String notATrialReason) {}

  /** The psychotropic the chart names, or null when it names none. */
  static Named named(CodeableConcept code) {
    String label = null;
    Set<String> agents = new LinkedHashSet<>();
    StringBuilder all = new StringBuilder();
    for (String text : texts(code)) {
      boolean found = addAgentsNamed(text, agents);
      if (found && label == null) {
        label = text;
      }
      all.append(text).append(' ');
    }
    if (agents.remove("dextromethorphan") && agents.remove("bupropion")) {
      agents.add(DEXTROMETHORPHAN_BUPROPION);
    }
    for (Coding coding : code.getCoding()) {
      if (label == null && isAntidepressantAtc(coding.getSystem(), coding.getCode())) {
        return new Named(
            coding.hasDisplay() ? coding.getDisplay() : "ATC " + coding.getCode(), null, null);
      }
    }
    if (label == null || agents.isEmpty()) {
      return null;
    }
    Set<String> antidepressants = new LinkedHashSet<>(agents);
    antidepressants.removeAll(AUGMENTATION);
    Set<String> candidates = antidepressants.isEmpty() ? agents : antidepressants;
    String agent = candidates.size() == 1 ? candidates.iterator().next() : null;
    if ("zuranolone".equals(agent)) {
      agent = null; // a 14-day course for postpartum depression: not an antidepressant trial
    }
    return new Named(label, agent, flag(all.toString().toLowerCase(Locale.ROOT), agent));
  }

  private static Map<String, String> agentsByName() {
    var byName = new HashMap<String, String>();
    GENERICS.forEach(generic -> byName.put(generic, generic));
    byName.put("dextromethorphan", "dextromethorphan");
    byName.putAll(BRANDS);
    return Map.copyOf(byName);
  }

  /**
   * Adds the agent of each word of the text that is a name. A word is a run of letters, digits and
   * underscores, as {@code \\b} bounds it on the Java this runs on.
   *
   * @return whether the text named any
   */
  static boolean addAgentsNamed(String text, Set<String> agents) {
    boolean found = false;
    int length = text.length();
    int at = 0;
    while (at < length) {
      int codePoint = text.codePointAt(at);
      if (!isWordCharacter(codePoint)) {
        at += Character.charCount(codePoint);
        continue;
      }
      int start = at;
      boolean ascii = true;
      while (at < length) {
        codePoint = text.codePointAt(at);
        if (!isWordCharacter(codePoint)) {
          break;
        }
        ascii &= codePoint < 128;
        at += Character.charCount(codePoint);
      }
      if (ascii && at - start <= LONGEST_NAME) {
        String agent = AGENT_BY_NAME.get(text.substring(start, at).toLowerCase(Locale.ROOT));
        if (agent != null) {
          agents.add(agent);
          found = true;
        }
      }
    }
    return found;
  }

  private static boolean isWordCharacter(int codePoint) {
    return codePoint == '_' || Character.isLetterOrDigit(codePoint);
  }

  /** An ATC code of the antidepressant group N06A. */
  static boolean isAntidepressantAtc(String system, String code) {
    return code != null
        && code.startsWith("N06A")
        && system != null
        && system.toLowerCase(Locale.ROOT).contains("atc");
  }

  /** The products the lists flag, recognised by name. */
  private static String flag(String text, String agent) {
    if ("fluoxetine".equals(agent) && (text.contains("sarafem") || text.contains("pmdd"))) {
      return "fluoxetine marketed for premenstrual dysphoric disorder (Sarafem) is not an"
          + " antidepressant trial";
    }
    if ("paroxetine".equals(agent)
        && (text.contains("brisdelle") || text.matches("(?s).*paroxetine mesylate 7\\.5.*"))) {
      return "paroxetine 7.5 mg (Brisdelle) is labelled for menopausal vasomotor symptoms, not"
          + " depression: not an antidepressant trial";
    }
    if ("bupropion".equals(agent) && (text.contains("zyban") || text.contains("smoking"))) {
      return "Zyban is bupropion for smoking cessation, not an antidepressant trial unless"
          + " prescribed for depression";
    }
    return null;
  }

  private static List<String> texts(CodeableConcept code) {
    var texts = new java.util.ArrayList<String>();
    if (code.hasText()) {
      texts.add(code.getText());
    }
    for (Coding coding : code.getCoding()) {
      if (coding.hasDisplay()) {
        texts.add(coding.getDisplay());
      }
    }
    return texts;
  }

  /** The statement, its dosage or its Medication says it is a transdermal system. */
  static boolean transdermal(MedicationStatement statement, Medication medication) {
    CodeableConcept concept =
        statement.getMedication() instanceof CodeableConcept c ? c : new CodeableConcept();
    if (mentions(concept)) {
      return true;
    }
    for (Dosage dosage : statement.getDosage()) {
      if ((dosage.hasText() && TRANSDERMAL.matcher(dosage.getText()).find())
          || mentions(dosage.getRoute())
          || dosage.getRoute().getCoding().stream()
              .anyMatch(c -> TRANSDERMAL_ROUTE.equals(c.getCode()))) {
        return true;
      }
    }
    return medication != null && (mentions(medication.getCode()) || mentions(medication.getForm()));
  }

  private static boolean mentions(CodeableConcept concept) {
    if (concept == null) {
      return false;
    }
    if (concept.hasText() && TRANSDERMAL.matcher(concept.getText()).find()) {
      return true;
    }
    for (Coding coding : concept.getCoding()) {
      if (coding.hasDisplay() && TRANSDERMAL.matcher(coding.getDisplay()).find()) {
        return true;
      }
    }
    return false;
  }
}
