package org.ketaminecds.fhir.prefetch;

import static org.ketaminecds.fhir.prefetch.CommonDatatypes.concept;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.dateTime;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.meta;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.once;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.period;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.quantity;

import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.fhir.prefetch.ShapeMembers.Uncommon;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Reads the common shapes of the resources a chart has most of (Condition, Observation, the
 * medication resources: see {@link CommonMedicationShapes}), and of the Patient and allergies,
 * straight into HAPI's model, without HAPI's parser: on a heavy chart, parsing the resources that
 * can give a fact was a third of a call, and almost all of it went to HAPI's generic machinery (a
 * JSON tree, then element definitions looked up per element) for a handful of codes and dates.
 *
 * <p>It reads only what HAPI would read the same way: the elements listed here, each of the JSON
 * type FHIR gives it, strings without spaces around them, values HAPI's own types accept. Anything
 * else (an extension, a {@code _status}, a contained resource, an {@code onsetAge}, a contained or
 * absolute reference, a number where a string belongs, an invalid date) makes it answer null, and
 * HAPI parses that resource as before, so its reading and its errors stand. Values go through
 * HAPI's own types ({@code new DateTimeType(text)}), never through a parser of ours. {@code
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
  // simply not a common shape (ShapeMembers finds it).
  //
  // A parser per resource read: its buffers come from a pool of this thread's own, not from
  // Jackson's default pool shared by all threads, a lock-free deque that allocated a node for every
  // buffer handed back (a tenth of the time a chart's entries took to read).
  private static final JsonFactory JSON =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

  private CommonShapeReader() {}

  /** Whether resources of this type may have a shape read here. */
  static boolean reads(String resourceType) {
    return switch (resourceType) {
      case "Condition",
          "Observation",
          "AllergyIntolerance",
          "Patient",
          "MedicationStatement",
          "Medication",
          "MedicationAdministration",
          "MedicationRequest" ->
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
            case "Condition" -> condition(new ShapeMembers(parser));
            case "Observation" -> observation(new ShapeMembers(parser));
            case "MedicationStatement" ->
                CommonMedicationShapes.statement(new ShapeMembers(parser));
            case "Medication" -> CommonMedicationShapes.medication(new ShapeMembers(parser));
            case "MedicationAdministration" ->
                CommonMedicationShapes.administration(new ShapeMembers(parser));
            case "MedicationRequest" -> CommonMedicationShapes.request(new ShapeMembers(parser));
            case "AllergyIntolerance" -> allergy(new ShapeMembers(parser));
            case "Patient" -> patient(new ShapeMembers(parser));
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

  private static Condition condition(ShapeMembers members) {
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

  private static Observation observation(ShapeMembers members) {
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
        case "interpretation" ->
            members.array(() -> observation.addInterpretation(concept(members)));
        case "component" ->
            members.array(() -> observation.addComponent(component(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return observation;
  }

  private static Observation.ObservationComponentComponent component(ShapeMembers members) {
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

  private static AllergyIntolerance allergy(ShapeMembers members) {
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
        case "type" ->
            allergy.setType(AllergyIntolerance.AllergyIntoleranceType.fromCode(members.text()));
        case "reaction" -> members.array(() -> allergy.addReaction(reaction(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return allergy;
  }

  private static AllergyIntolerance.AllergyIntoleranceReactionComponent reaction(
      ShapeMembers members) {
    var reaction = new AllergyIntolerance.AllergyIntoleranceReactionComponent();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "substance" -> reaction.setSubstance(concept(members));
        case "manifestation" -> members.array(() -> reaction.addManifestation(concept(members)));
        case "description" -> reaction.setDescription(members.text());
        case "onset" -> reaction.setOnsetElement(dateTime(members));
        case "severity" ->
            reaction.setSeverity(
                AllergyIntolerance.AllergyIntoleranceSeverity.fromCode(members.text()));
        case "exposureRoute" -> reaction.setExposureRoute(concept(members));
        default -> throw Uncommon.SHAPE;
      }
    }
    return reaction;
  }

  private static Patient patient(ShapeMembers members) {
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
}
