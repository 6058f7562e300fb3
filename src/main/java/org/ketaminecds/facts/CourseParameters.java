package org.ketaminecds.facts;

/**
 * The thresholds of the treatment course (clinical brief, revision 2, "The course"), from the
 * {@code course} section of {@code rules/parameters.yaml}.
 *
 * @param activeWindowDays a session this recent means the patient is in a course (90)
 * @param noResponseReductionPercent less PHQ-9 reduction than this is no response (25)
 * @param noResponseAfterInfusions IV infusions after which no response is judged (4)
 * @param responseReductionPercent this much PHQ-9 reduction or more is a response (50)
 * @param remissionBelow a PHQ-9 below this is remission (5)
 * @param phq9BaselineWindowDays a PHQ-9 this recent serves as the baseline (30)
 * @param inductionWeeks esketamine induction lasts this many weeks (4)
 * @param inductionSessionsPerWeek sessions allowed per week of induction (2)
 * @param continuationLastWeek the last week of once-weekly continuation (8)
 * @param laterSessionsPerWeek sessions allowed per week after induction (1)
 * @param firstDoseMg the esketamine dose of day 1 (56)
 * @param doseStepMg esketamine doses are multiples of one device (28)
 * @param maxDoseMg the highest esketamine dose (84)
 * @param ivDoseMgPerKg IV racemic ketamine dose per kg of body weight (0.5)
 * @param ivDoseTolerancePercent an IV dose further than this from the weight-based dose deviates
 * @param ivInfusionMinutes how long an IV infusion runs (40)
 * @param ivCourseInfusions infusions in a usual IV course (6)
 */
public record CourseParameters(
    int activeWindowDays,
    int noResponseReductionPercent,
    int noResponseAfterInfusions,
    int responseReductionPercent,
    int remissionBelow,
    int phq9BaselineWindowDays,
    int inductionWeeks,
    int inductionSessionsPerWeek,
    int continuationLastWeek,
    int laterSessionsPerWeek,
    int firstDoseMg,
    int doseStepMg,
    int maxDoseMg,
    double ivDoseMgPerKg,
    int ivDoseTolerancePercent,
    int ivInfusionMinutes,
    int ivCourseInfusions) {

  /** Sessions the esketamine schedule allows in course week {@code week}. */
  public int sessionsAllowedInWeek(int week) {
    return week <= inductionWeeks ? inductionSessionsPerWeek : laterSessionsPerWeek;
  }

  /** Whether {@code mg} is the label's first esketamine dose. */
  public boolean firstDose(double mg) {
    return mg == firstDoseMg;
  }

  /** Whether {@code mg} is an esketamine dose of the label: a whole number of devices up to max. */
  public boolean labelledEsketamineDose(double mg) {
    double devices = mg / doseStepMg;
    return devices >= 1 && devices == Math.rint(devices) && mg <= maxDoseMg;
  }

  /** The IV dose for a body weight, in mg. */
  public double ivDoseMg(double kg) {
    return ivDoseMgPerKg * kg;
  }

  /** Whether an IV dose lies further from the weight-based dose than the tolerance. */
  public boolean ivDoseDeviates(double mg, double kg) {
    double expected = ivDoseMg(kg);
    return Math.abs(mg - expected) > expected * ivDoseTolerancePercent / 100.0;
  }
}
