package org.ketaminecds.facts;

/**
 * Concluded by the rules: two antidepressants taken together for more than half of the shorter
 * one's duration are one combination trial, not two (clinical brief rev. 2, "Concurrent agents").
 *
 * @param first the trial that began first
 * @param second the other
 * @param daysTogether days both were taken
 */
public record CombinationTrial(ContinuousTrial first, ContinuousTrial second, long daysTogether) {

  /** The agent the combination counts as, e.g. {@code "bupropion + sertraline"}. */
  public String agent() {
    return first.ingredient().compareTo(second.ingredient()) <= 0
        ? first.ingredient() + " + " + second.ingredient()
        : second.ingredient() + " + " + first.ingredient();
  }

  public boolean includes(ContinuousTrial trial) {
    return first.equals(trial) || second.equals(trial);
  }
}
