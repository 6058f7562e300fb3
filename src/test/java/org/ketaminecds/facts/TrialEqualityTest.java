package org.ketaminecds.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trial records hash only a few components (truth maintenance hashes them many times per call)
 * and spell out their own {@code equals}: every component must still take part in equality, or
 * truth maintenance would merge two different trials. A component added later and forgotten in
 * {@code equals} fails here.
 */
class TrialEqualityTest {

  static final LocalDate DAY = LocalDate.of(2026, 1, 10);

  static MedicationTrial statement() {
    return new MedicationTrial(
        "ms-1",
        "36437",
        "sertraline",
        "SSRI",
        false,
        null,
        "sertraline 50 MG Oral Tablet",
        TrialStatus.ENDED,
        DAY,
        DAY.plusDays(70),
        50.0,
        List.of(new DoseStep(DAY, DAY.plusDays(70), 50.0)),
        null);
  }

  static ContinuousTrial trial() {
    return new ContinuousTrial(
        "36437",
        "sertraline",
        "SSRI",
        List.of(statement()),
        DAY,
        DAY.plusDays(70),
        false,
        70,
        70,
        50.0,
        50.0,
        null);
  }

  static List<Record> records() {
    return List.of(statement(), trial());
  }

  @ParameterizedTest
  @MethodSource("records")
  void everyComponentTakesPartInEquality(Record original) throws Exception {
    RecordComponent[] components = original.getClass().getRecordComponents();
    Constructor<?> canonical =
        original
            .getClass()
            .getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    for (int i = 0; i < components.length; i++) {
      Object[] values = new Object[components.length];
      for (int j = 0; j < components.length; j++) {
        values[j] = components[j].getAccessor().invoke(original);
      }
      values[i] = changed(values[i], components[i].getType());
      Object altered = canonical.newInstance(values);
      assertThat(altered)
          .as("a trial that differs only in %s", components[i].getName())
          .isNotEqualTo(original);
    }
  }

  @ParameterizedTest
  @MethodSource("records")
  void equalTrialsHashAlike(Record original) throws Exception {
    Record copy = copyOf(original);
    assertThat(copy).isEqualTo(original).isNotSameAs(original);
    assertThat(copy.hashCode()).isEqualTo(original.hashCode());
  }

  @Test
  void aTrialWithOtherStatementsIsAnotherTrial() {
    ContinuousTrial one = trial();
    MedicationTrial other = statement();
    ContinuousTrial two =
        new ContinuousTrial(
            one.ingredientCode(),
            one.ingredient(),
            one.drugClass(),
            List.of(other, other),
            one.start(),
            one.end(),
            one.ongoing(),
            one.days(),
            one.daysAtAdequateDose(),
            one.highestDailyDoseMg(),
            one.minimumDailyDoseMg(),
            one.responseNote());
    assertThat(two).isNotEqualTo(one);
  }

  private static Record copyOf(Record original) throws Exception {
    RecordComponent[] components = original.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = components[i].getAccessor().invoke(original);
      types[i] = components[i].getType();
    }
    return (Record) original.getClass().getDeclaredConstructor(types).newInstance(values);
  }

  private static Object changed(Object value, Class<?> type) {
    if (type == String.class) {
      return value == null ? "documented" : value + " (other)";
    }
    if (type == boolean.class) {
      return !(Boolean) value;
    }
    if (type == long.class) {
      return (Long) value + 1;
    }
    if (type == Double.class) {
      return value == null ? 1.0 : (Double) value + 1;
    }
    if (type == LocalDate.class) {
      return value == null ? DAY : ((LocalDate) value).plusDays(1);
    }
    if (type == TrialStatus.class) {
      return value == TrialStatus.ENDED ? TrialStatus.ONGOING : TrialStatus.ENDED;
    }
    if (type == List.class) {
      return List.of();
    }
    throw new AssertionError("no way to change a " + type + ": extend this test");
  }
}
