package org.ketaminecds.terminology.generator;

/**
 * A drug class as written in the lists, split into the class proper and its note: {@code "MAOI
 * (antidepressant only as transdermal Emsam)"} is class {@code MAOI} with a note. The class alone
 * is what rules compare ("two agents of different classes"); the note is for people.
 *
 * @param name e.g. {@code "SSRI"}, {@code "augmentation agent"}
 * @param note the parenthesised remark, or empty
 */
record DrugClass(String name, String note) {

  private static final String AUGMENTATION_AGENT = "augmentation agent";

  static DrugClass parse(String text) {
    int open = text.indexOf(" (");
    if (open < 0 || !text.endsWith(")")) {
      return new DrugClass(text.strip(), "");
    }
    return new DrugClass(
        text.substring(0, open).strip(), text.substring(open + 2, text.length() - 1).strip());
  }

  boolean augmentationAgent() {
    return name.equals(AUGMENTATION_AGENT);
  }
}
