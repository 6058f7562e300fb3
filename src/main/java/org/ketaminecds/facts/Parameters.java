package org.ketaminecds.facts;

/**
 * The thresholds of the clinical brief, read from {@code rules/parameters.yaml} so that rule
 * authors change them without touching Java. One instance is inserted into every evaluation.
 *
 * @param minTrialDays an adequate trial lasts at least this many days (brief: 42)
 * @param minFailedTrials failed adequate trials of distinct agents needed for TRD (brief: 2)
 * @param countAugmentationAgents whether lithium and antipsychotic augmentation count as trials
 * @param requireDistinctClasses whether the trials must be of different drug classes
 * @param bloodPressureWindowDays how recent the last blood pressure must be to count (90)
 * @param systolicLimit uncontrolled above this systolic pressure, mmHg (140)
 * @param diastolicLimit uncontrolled above this diastolic pressure, mmHg (90)
 * @param pregnancyWindowDays a pregnancy Condition or status counts this long (42 weeks)
 * @param adultAgeYears below this age the pediatric caution applies (18)
 * @param maxGapDays statements of one ingredient this few days apart are one trial (14)
 * @param responseDropPercent a PHQ-9 fall of this much during a trial is a response (50)
 * @param bloodPressurePairingMinutes separate systolic and diastolic Observations this close in
 *     time are one reading (rev. 2: 5)
 * @param suicidalIdeationWindowDays an active suicidal-ideation Condition this recent is acute
 *     (rev. 2: 30)
 * @param lactationWindowDays a lactation Condition or breastfeeding status counts this long (365)
 * @param course the thresholds of the treatment course (section {@code course})
 */
public record Parameters(
    int minTrialDays,
    int minFailedTrials,
    boolean countAugmentationAgents,
    boolean requireDistinctClasses,
    int bloodPressureWindowDays,
    int systolicLimit,
    int diastolicLimit,
    int pregnancyWindowDays,
    int adultAgeYears,
    int maxGapDays,
    int responseDropPercent,
    int bloodPressurePairingMinutes,
    int suicidalIdeationWindowDays,
    int lactationWindowDays,
    CourseParameters course) {}
