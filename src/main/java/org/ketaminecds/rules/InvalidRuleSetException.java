package org.ketaminecds.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that does not compile or whose data files are wrong; never goes live. */
public class InvalidRuleSetException extends RuntimeException {

  private final List<RuleProblem> problems;

  public InvalidRuleSetException(List<RuleProblem> problems) {
    super(
        "The rule set has "
            + problems.size()
            + " problem(s):\n"
            + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
