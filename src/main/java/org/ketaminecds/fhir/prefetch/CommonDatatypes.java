package org.ketaminecds.fhir.prefetch;

import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.ketaminecds.fhir.prefetch.ShapeMembers.Uncommon;

/**
 * The data types of the common shapes ({@link CommonShapeReader}): each read member by member into
 * HAPI's type, through HAPI's own constructors for values; any member not listed is not a common
 * shape.
 */
final class CommonDatatypes {

  /**
   * A relative reference {@code Type/id} with a plain id: the facts resolve it among the chart's
   * resources as HAPI's Bundle linking would. Contained ({@code #id}), absolute and {@code urn:}
   * references are left to HAPI.
   */
  private static final Pattern RELATIVE_REFERENCE =
      Pattern.compile("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}");

  private CommonDatatypes() {}

  static CodeableConcept concept(ShapeMembers members) {
    members.object();
    var concept = new CodeableConcept();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "coding" -> members.array(() -> concept.addCoding(coding(members.object())));
        case "text" -> concept.setText(members.text());
        default -> throw Uncommon.SHAPE;
      }
    }
    return concept;
  }

  static Coding coding(ShapeMembers members) {
    var coding = new Coding();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "system" -> coding.setSystem(members.text());
        case "version" -> coding.setVersion(members.text());
        case "code" -> coding.setCode(members.text());
        case "display" -> coding.setDisplay(members.text());
        default -> throw Uncommon.SHAPE;
      }
    }
    return coding;
  }

  static Quantity quantity(ShapeMembers members) {
    return quantity(members, new Quantity());
  }

  private static <T extends Quantity> T quantity(ShapeMembers members, T quantity) {
    members.object();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "value" -> quantity.setValueElement(members.decimal());
        case "unit" -> quantity.setUnit(members.text());
        case "system" -> quantity.setSystem(members.text());
        case "code" -> quantity.setCode(members.text());
        default -> throw Uncommon.SHAPE;
      }
    }
    return quantity;
  }

  static Ratio ratio(ShapeMembers members) {
    members.object();
    var ratio = new Ratio();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "numerator" -> ratio.setNumerator(quantity(members));
        case "denominator" -> ratio.setDenominator(quantity(members));
        default -> throw Uncommon.SHAPE;
      }
    }
    return ratio;
  }

  static Period period(ShapeMembers members) {
    members.object();
    var period = new Period();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "start" -> period.setStartElement(dateTime(members));
        case "end" -> period.setEndElement(dateTime(members));
        default -> throw Uncommon.SHAPE;
      }
    }
    return period;
  }

  static Reference reference(ShapeMembers members) {
    members.object();
    var reference = new Reference();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "reference" -> {
          String target = members.text();
          if (!RELATIVE_REFERENCE.matcher(target).matches()) {
            throw Uncommon.SHAPE;
          }
          reference.setReference(target);
        }
        case "display" -> reference.setDisplay(members.text());
        default -> throw Uncommon.SHAPE;
      }
    }
    return reference;
  }

  static Annotation annotation(ShapeMembers members) {
    var annotation = new Annotation();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "text" -> annotation.setText(members.text());
        case "time" -> annotation.setTimeElement(dateTime(members));
        case "authorString" ->
            annotation.setAuthor(once(annotation.hasAuthor(), new StringType(members.text())));
        case "authorReference" ->
            annotation.setAuthor(once(annotation.hasAuthor(), reference(members)));
        default -> throw Uncommon.SHAPE;
      }
    }
    return annotation;
  }

  static Meta meta(ShapeMembers members) {
    members.object();
    var meta = new Meta();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "versionId" -> meta.setVersionId(members.text());
        case "lastUpdated" -> meta.setLastUpdatedElement(new InstantType(members.text()));
        case "source" -> meta.setSource(members.text());
        case "profile" -> members.array(() -> meta.addProfile(members.text()));
        case "tag" -> members.array(() -> meta.addTag(coding(members.object())));
        case "security" -> members.array(() -> meta.addSecurity(coding(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return meta;
  }

  static Dosage dosage(ShapeMembers members) {
    var dosage = new Dosage();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "sequence" -> dosage.setSequence(members.integer());
        case "text" -> dosage.setText(members.text());
        case "patientInstruction" -> dosage.setPatientInstruction(members.text());
        case "asNeededBoolean" -> dosage.setAsNeeded(new BooleanType(members.bool()));
        case "route" -> dosage.setRoute(concept(members));
        case "timing" -> dosage.setTiming(timing(members.object()));
        case "doseAndRate" ->
            members.array(() -> dosage.addDoseAndRate(doseAndRate(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return dosage;
  }

  private static Timing timing(ShapeMembers members) {
    var timing = new Timing();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "code" -> timing.setCode(concept(members));
        case "repeat" -> timing.setRepeat(repeat(members.object()));
        default -> throw Uncommon.SHAPE;
      }
    }
    return timing;
  }

  private static Timing.TimingRepeatComponent repeat(ShapeMembers members) {
    var repeat = new Timing.TimingRepeatComponent();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "frequency" -> repeat.setFrequency(members.integer());
        case "period" -> repeat.setPeriodElement(members.decimal());
        case "periodUnit" -> repeat.setPeriodUnit(Timing.UnitsOfTime.fromCode(members.text()));
        case "when" ->
            members.array(() -> repeat.addWhen(Timing.EventTiming.fromCode(members.text())));
        case "boundsPeriod" -> repeat.setBounds(once(repeat.hasBounds(), period(members)));
        case "boundsDuration" ->
            repeat.setBounds(once(repeat.hasBounds(), quantity(members, new Duration())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return repeat;
  }

  private static Dosage.DosageDoseAndRateComponent doseAndRate(ShapeMembers members) {
    var doseAndRate = new Dosage.DosageDoseAndRateComponent();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "type" -> doseAndRate.setType(concept(members));
        case "doseQuantity" -> doseAndRate.setDose(quantity(members));
        default -> throw Uncommon.SHAPE;
      }
    }
    return doseAndRate;
  }

  /** A choice element ({@code onset[x]}...) given in two forms is not a common shape. */
  static <T> T once(boolean alreadySet, T value) {
    if (alreadySet) {
      throw Uncommon.SHAPE;
    }
    return value;
  }

  static DateTimeType dateTime(ShapeMembers members) {
    return new DateTimeType(members.text());
  }
}
