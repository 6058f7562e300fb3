package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.ketaminecds.facts.CourseParameters;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;

/** Reads {@code parameters.yaml}: the thresholds of the brief and the minimum dose table. */
final class ParametersReader {

  static final String FILE = "parameters.yaml";

  private ParametersReader() {}

  static Parameters parameters(YamlData yaml) {
    return new Parameters(
        yaml.wholeNumber("trd.min-trial-days"),
        yaml.wholeNumber("trd.min-failed-trials"),
        yaml.yesNo("trd.count-augmentation-agents"),
        yaml.yesNo("trd.require-distinct-classes"),
        yaml.wholeNumber("blood-pressure.window-days"),
        yaml.wholeNumber("blood-pressure.systolic-limit"),
        yaml.wholeNumber("blood-pressure.diastolic-limit"),
        yaml.wholeNumber("pregnancy.window-days"),
        yaml.wholeNumber("pediatric.adult-age-years"),
        yaml.wholeNumber("trd.max-gap-days"),
        yaml.wholeNumber("trd.response-phq9-drop-percent"),
        yaml.wholeNumber("blood-pressure.pairing-minutes"),
        yaml.wholeNumber("suicidal-ideation.window-days"),
        yaml.wholeNumber("lactation.window-days"),
        course(yaml));
  }

  private static CourseParameters course(YamlData yaml) {
    return new CourseParameters(
        yaml.wholeNumber("course.active-window-days"),
        yaml.wholeNumber("course.no-response-reduction-percent"),
        yaml.wholeNumber("course.no-response-after-infusions"),
        yaml.wholeNumber("course.response-reduction-percent"),
        yaml.wholeNumber("course.remission-below"),
        yaml.wholeNumber("course.phq9-baseline-window-days"),
        yaml.wholeNumber("course.esketamine-induction-weeks"),
        yaml.wholeNumber("course.esketamine-induction-sessions-per-week"),
        yaml.wholeNumber("course.esketamine-continuation-last-week"),
        yaml.wholeNumber("course.esketamine-later-sessions-per-week"),
        yaml.wholeNumber("course.esketamine-first-dose-mg"),
        yaml.wholeNumber("course.esketamine-dose-step-mg"),
        yaml.wholeNumber("course.esketamine-max-dose-mg"),
        yaml.number("course.iv-dose-mg-per-kg"),
        yaml.wholeNumber("course.iv-dose-tolerance-percent"),
        yaml.wholeNumber("course.iv-infusion-minutes"),
        yaml.wholeNumber("course.iv-course-infusions"));
  }

  static List<MinimumDose> minimumDoses(YamlData yaml) {
    var doses = new ArrayList<MinimumDose>();
    var seen = new HashSet<String>();
    for (Map<String, Object> row : yaml.rows("minimum-daily-dose-mg")) {
      Object ingredient = row.get("ingredient");
      Object rxnorm = row.get("rxnorm");
      Object mg = row.get("mg");
      if (!(ingredient instanceof String name)
          || rxnorm == null
          || !(mg instanceof Number amount)
          || amount.doubleValue() <= 0) {
        throw yaml.error(
            "each row of 'minimum-daily-dose-mg' needs ingredient (a name), rxnorm (a code) and mg"
                + " (a positive number); this one does not: "
                + row);
      }
      if (!seen.add(rxnorm.toString())) {
        throw yaml.error("the ingredient " + name + " (" + rxnorm + ") is listed twice");
      }
      doses.add(new MinimumDose(rxnorm.toString(), name, amount.doubleValue()));
    }
    return List.copyOf(doses);
  }
}
