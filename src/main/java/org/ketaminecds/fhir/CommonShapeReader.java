package org.ketaminecds.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the common shapes of the resources a chart has most of (Condition, Observation,
 * MedicationStatement coded inline), and of the Patient and allergies, straight into HAPI's model,
 * without HAPI's parser: on a heavy chart, parsing the resources that can give a fact was a third
 * of a call, and almost all of it went to HAPI's generic machinery (a JSON tree, then element
 * definitions looked up per element) for a handful of codes and dates.
 *
 * <p>It reads only what HAPI would read the same way: the elements listed here, each of the JSON
 * type FHIR gives it, strings without spaces around them, values HAPI's own types accept. Anything
 * else (an extension, a {@code _status}, a contained resource, an {@code onsetAge}, a medication
 * reference, a number where a string belongs, an invalid date) makes it answer null, and HAPI
 * parses that resource as before, so its reading and its errors stand. Values go through HAPI's own
 * types ({@code new DateTimeType(text)}), never through a parser of ours. {@code
 * CommonShapeReaderTest} holds every resource it reads to HAPI's parse of the same JSON.
 *
 * <p>It never decides what a fact sees: the elements kept for it are those the fact readers declare
 * ({@code facts.fhir.FactReaders}), and a kept element it does not know (one a reader has newly
 * declared) makes it answer null, so HAPI reads that resource. It only decides how fast.
 *
 * <p>{@code meta} is read as HAPI reads it (its version becomes the id's), though the facts never
 * read it: a broken {@code meta} must fail the call here as it does in HAPI.
 */
final class CommonShapeReader {

  // A member that repeats is read by HAPI from a JSON tree, where the last one wins; here it is
  // simply not a common shape.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private CommonShapeReader() {}

  /** Whether resources of this type may have a shape read here. */
  static boolean reads(String resourceType) {
    return switch (resourceType) {
      case "Condition", "Observation", "MedicationStatement", "AllergyIntolerance", "Patient" ->
          true;
      default -> false;
    };
  }

  /**
   * The resource in {@code json}, or null when it is not of a common shape.
   *
   * @param json one resource object of the kept members of a scanned resource
   */
  static Resource read(String resourceType, byte[] json, int offset, int length) {
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Resource resource =
          switch (resourceType) {
            case "Condition" -> condition(new Members(parser));
            case "Observation" -> observation(new Members(parser));
            case "MedicationStatement" -> statement(new Members(parser));
            case "AllergyIntolerance" -> allergy(new Members(parser));
            case "Patient" -> patient(new Members(parser));
            default -> null;
          };
      if (resource == null || parser.nextToken() != null) {
        return null;
      }
      // As HAPI's parser does: the version in meta becomes the version of the id.
      if (resource.getMeta().hasVersionId() && resource.getIdElement().hasIdPart()) {
        resource.setIdElement(
            resource.getIdElement().withVersion(resource.getMeta().getVersionId()));
      }
      return resource;
    } catch (Uncommon | DataFormatException | FHIRException | IllegalArgumentException e) {
      // Not a shape read here, or a value HAPI's types refuse: HAPI parses it and has its say.
      return null;
    } catch (RuntimeException e) {
      // Broken JSON cannot reach here (the request was read whole before), but if it did, HAPI's
      // verdict on the resource is the one that counts.
      return null;
    }
  }

  private static Condition condition(Members members) {
    var condition = new Condition();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> condition.setMeta(meta(members));
        case "id" -> condition.setId(members.text());
        case "clinicalStatus" -> condition.setClinicalStatus(concept(members));
        case "verificationStatus" -> condition.setVerificationStatus(concept(members));
        case "code" -> condition.setCode(concept(members));
        case "onsetDateTime" -> condition.setOnset(once(condition.hasOnset(), dateTime(members)));
        case "onsetPeriod" -> condition.setOnset(once(condition.hasOnset(), period(members)));
        case "abatementDateTime" ->
            condition.setAbatement(once(condition.hasAbatement(), dateTime(members)));
        case "abatementPeriod" ->
            condition.setAbatement(once(condition.hasAbatement(), period(members)));
        case "recordedDate" -> condition.setRecordedDateElement(dateTime(members));
        default -> throw Uncommon.SHAPE;
      }
    }
    return condition;
  }

  private static Observation observation(Members members) {
    var observation = new Observation();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> observation.setMeta(meta(members));
        case "id" -> observation.setId(members.text());
        case "status" ->
            observation.setStatus(Observation.ObservationStatus.fromCode(members.text()));
        case "code" -> observation.setCode(concept(members));
        case "effectiveDateTime" ->
            observation.setEffective(once(observation.hasEffective(), dateTime(members)));
        case "effectivePeriod" ->
            observation.setEffective(once(observation.hasEffective(), period(members)));
        case "effectiveInstant" ->
            observation.setEffective(
                once(observation.hasEffective(), new InstantType(members.text())));
        case "valueQuantity" ->
            observation.setValue(once(observation.hasValue(), quantity(members)));
        case "valueCodeableConcept" ->
            observation.setValue(once(observation.hasValue(), concept(members)));
        case "component" ->
            members.array(() -> observation.addComponent(component(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return observation;
  }

  private static Observation.ObservationComponentComponent component(Members members) {
    var component = new Observation.ObservationComponentComponent();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "code" -> component.setCode(concept(members));
        case "valueQuantity" -> component.setValue(once(component.hasValue(), quantity(members)));
        case "valueCodeableConcept" ->
            component.setValue(once(component.hasValue(), concept(members)));
        default -> throw Uncommon.SHAPE;
      }
    }
    return component;
  }

  private static MedicationStatement statement(Members members) {
    var statement = new MedicationStatement();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> statement.setMeta(meta(members));
        case "id" -> statement.setId(members.text());
        case "status" ->
            statement.setStatus(
                MedicationStatement.MedicationStatementStatus.fromCode(members.text()));
        case "medicationCodeableConcept" -> statement.setMedication(concept(members));
        case "effectiveDateTime" ->
            statement.setEffective(once(statement.hasEffective(), dateTime(members)));
        case "effectivePeriod" ->
            statement.setEffective(once(statement.hasEffective(), period(members)));
        case "dosage" -> members.array(() -> statement.addDosage(dosage(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return statement;
  }

  private static AllergyIntolerance allergy(Members members) {
    var allergy = new AllergyIntolerance();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> allergy.setMeta(meta(members));
        case "id" -> allergy.setId(members.text());
        case "clinicalStatus" -> allergy.setClinicalStatus(concept(members));
        case "verificationStatus" -> allergy.setVerificationStatus(concept(members));
        case "code" -> allergy.setCode(concept(members));
        case "criticality" ->
            allergy.setCriticality(
                AllergyIntolerance.AllergyIntoleranceCriticality.fromCode(members.text()));
        case "recordedDate" -> allergy.setRecordedDateElement(dateTime(members));
        default -> throw Uncommon.SHAPE;
      }
    }
    return allergy;
  }

  private static Patient patient(Members members) {
    var patient = new Patient();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> patient.setMeta(meta(members));
        case "id" -> patient.setId(members.text());
        case "gender" ->
            patient.setGender(Enumerations.AdministrativeGender.fromCode(members.text()));
        case "birthDate" -> patient.setBirthDateElement(new DateType(members.text()));
        default -> throw Uncommon.SHAPE;
      }
    }
    return patient;
  }

  private static Dosage dosage(Members members) {
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

  private static Timing timing(Members members) {
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

  private static Timing.TimingRepeatComponent repeat(Members members) {
    var repeat = new Timing.TimingRepeatComponent();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "frequency" -> repeat.setFrequency(members.integer());
        case "period" -> repeat.setPeriodElement(members.decimal());
        case "periodUnit" -> repeat.setPeriodUnit(Timing.UnitsOfTime.fromCode(members.text()));
        default -> throw Uncommon.SHAPE;
      }
    }
    return repeat;
  }

  private static Dosage.DosageDoseAndRateComponent doseAndRate(Members members) {
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

  private static CodeableConcept concept(Members members) {
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

  private static Coding coding(Members members) {
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

  private static Quantity quantity(Members members) {
    members.object();
    var quantity = new Quantity();
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

  private static Period period(Members members) {
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

  private static Meta meta(Members members) {
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

  /** A choice element ({@code onset[x]}...) given in two forms is not a common shape. */
  private static <T> T once(boolean alreadySet, T value) {
    if (alreadySet) {
      throw Uncommon.SHAPE;
    }
    return value;
  }

  private static DateTimeType dateTime(Members members) {
    return new DateTimeType(members.text());
  }

  /** The members of the object being read, one at a time, each of the JSON type expected. */
  private static final class Members {
    private final JsonParser parser;

    private Members(JsonParser parser) {
      this.parser = parser;
    }

    /** The next member's name with the parser on its value, or null at the object's end. */
    String next() {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_OBJECT) {
        return null;
      }
      String name = parser.currentName();
      parser.nextToken();
      return name;
    }

    void skip() {
      parser.skipChildren();
    }

    /** The current value must be an object; its members follow. */
    Members object() {
      expect(JsonToken.START_OBJECT);
      return this;
    }

    /** Each element of the current value, an array that must not be empty (FHIR forbids it). */
    void array(Runnable element) {
      expect(JsonToken.START_ARRAY);
      int count = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        element.run();
        count++;
      }
      if (count == 0) {
        throw Uncommon.SHAPE;
      }
    }

    String text() {
      expect(JsonToken.VALUE_STRING);
      String text = parser.getString();
      // HAPI trims some types and reads "" as no value: such strings are left to it.
      if (text.isEmpty() || text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ') {
        throw Uncommon.SHAPE;
      }
      return text;
    }

    int integer() {
      expect(JsonToken.VALUE_NUMBER_INT);
      return parser.getIntValue();
    }

    DecimalType decimal() {
      JsonToken token = parser.currentToken();
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        throw Uncommon.SHAPE;
      }
      // The number as written, as HAPI reads it: 100.0 stays 100.0. Exponents are left to HAPI.
      String number = parser.getText();
      if (number.indexOf('e') >= 0 || number.indexOf('E') >= 0) {
        throw Uncommon.SHAPE;
      }
      return new DecimalType(number);
    }

    boolean bool() {
      JsonToken token = parser.currentToken();
      if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
        throw Uncommon.SHAPE;
      }
      return token == JsonToken.VALUE_TRUE;
    }

    private void expect(JsonToken expected) {
      if (parser.currentToken() != expected) {
        throw Uncommon.SHAPE;
      }
    }
  }

  /** Thrown, without a stack, as soon as the JSON is not a shape this class reads. */
  private static final class Uncommon extends RuntimeException {
    static final Uncommon SHAPE = new Uncommon();

    private Uncommon() {
      super("not a common shape", null, false, false);
    }
  }
}
