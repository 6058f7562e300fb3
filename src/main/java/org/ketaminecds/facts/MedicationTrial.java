package org.ketaminecds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One antidepressant (or augmentation agent) MedicationStatement. Statements of one ingredient that
 * follow each other closely make one trial ({@link ContinuousTrial}); a dose change makes a new
 * statement. Statements entered in error, not taken or only intended never become facts.
 *
 * @param statementId the MedicationStatement's logical id
 * @param ingredientCode RxNorm ingredient code: two strengths of one drug share it
 * @param ingredient ingredient name, e.g. {@code sertraline}
 * @param drugClass e.g. SSRI, SNRI, TCA
 * @param augmentationAgent lithium or a second-generation antipsychotic
 * @param notATrialReason why this product is never an antidepressant trial (oral selegiline, Zyban,
 *     paroxetine 7.5 mg for vasomotor symptoms, fluoxetine for PMDD), or null
 * @param medication the medication as the chart names it (for the card)
 * @param start effectivePeriod.start (or effectiveDateTime), or null
 * @param end effectivePeriod.end, or null
 * @param dailyDoseMg the highest daily dose of its steps in mg, or null when none can be computed
 * @param doseSteps the statement's dosing in time order (one step unless its dosage lines carry
 *     different {@code sequence} values)
 * @param responseNote the words of statusReason or a note that document response or remission, or
 *     null
 */
public record MedicationTrial(
    String statementId,
    String ingredientCode,
    String ingredient,
    String drugClass,
    boolean augmentationAgent,
    String notATrialReason,
    String medication,
    TrialStatus status,
    LocalDate start,
    LocalDate end,
    Double dailyDoseMg,
    List<DoseStep> doseSteps,
    String responseNote) {

  public MedicationTrial {
    doseSteps = doseSteps == null ? List.of(new DoseStep(start, end, dailyDoseMg)) : doseSteps;
  }

  /** A statement taken at one dose throughout, with nothing documented about its outcome. */
  public MedicationTrial(
      String statementId,
      String ingredientCode,
      String ingredient,
      String drugClass,
      boolean augmentationAgent,
      String notATrialReason,
      String medication,
      TrialStatus status,
      LocalDate start,
      LocalDate end,
      Double dailyDoseMg) {
    this(
        statementId,
        ingredientCode,
        ingredient,
        drugClass,
        augmentationAgent,
        notATrialReason,
        medication,
        status,
        start,
        end,
        dailyDoseMg,
        null,
        null);
  }

  /**
   * The statement's identity and dates only: truth maintenance and the rules' joins hash a trial
   * many times in every call, and the record's own hash code walks its dose steps each time
   * (profiled: the largest single cost of the rules on a small chart). Equal trials still hash
   * alike; {@code equals} stays the record's own.
   */
  @Override
  public int hashCode() {
    int hash = Objects.hashCode(statementId);
    hash = 31 * hash + Objects.hashCode(ingredientCode);
    hash = 31 * hash + Objects.hashCode(start);
    return 31 * hash + Objects.hashCode(end);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof MedicationTrial t
            && augmentationAgent == t.augmentationAgent
            && Objects.equals(statementId, t.statementId)
            && Objects.equals(ingredientCode, t.ingredientCode)
            && Objects.equals(start, t.start)
            && Objects.equals(end, t.end)
            && status == t.status
            && Objects.equals(dailyDoseMg, t.dailyDoseMg)
            && Objects.equals(ingredient, t.ingredient)
            && Objects.equals(drugClass, t.drugClass)
            && Objects.equals(notATrialReason, t.notATrialReason)
            && Objects.equals(medication, t.medication)
            && Objects.equals(responseNote, t.responseNote)
            && doseSteps.equals(t.doseSteps);
  }

  /** Days from start to end, or -1 when either is unknown. */
  public long durationDays() {
    return start == null || end == null ? -1 : ChronoUnit.DAYS.between(start, end);
  }

  public boolean doseDocumented() {
    return dailyDoseMg != null;
  }
}
