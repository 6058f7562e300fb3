package org.ketaminecds.rules;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The card topics the rules of a folder conclude ({@code Finding.of("topic", …)}). A card file no
 * rule concludes (the service's own {@code check-not-completed}, answered when the chart cannot be
 * read) is not a rule's card, so no scenario can show it.
 */
public final class ConcludedTopics {

  static final Pattern FINDING_TOPIC = Pattern.compile("Finding\\.of\\(\\s*\"([^\"]+)\"");

  private ConcludedTopics() {}

  public static Set<String> in(Collection<String> drlTexts) {
    Set<String> topics = new TreeSet<>();
    for (String text : drlTexts) {
      Matcher matcher = FINDING_TOPIC.matcher(text);
      while (matcher.find()) {
        topics.add(matcher.group(1));
      }
    }
    return topics;
  }
}
