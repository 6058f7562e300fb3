package org.ketaminecds.cards;

import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import org.ketaminecds.facts.BloodPressure;
import org.ketaminecds.facts.BreastfeedingStatus;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.KetamineAllergy;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.OralAntidepressants;
import org.ketaminecds.facts.PatientInfo;
import org.ketaminecds.facts.PregnancyStatus;
import org.ketaminecds.facts.TreatmentResistance;

/**
 * How each kind of evidence reads on a card: a short name for the summary and a Markdown line for
 * the detail that names the record in words (which condition, code and date; which reading and
 * when), so the clinician can find it in the chart; and the FHIR reference of the record, which
 * travels in the card's extension, never in its text (contract, revision 2).
 */
final class EvidenceText {

  private static final Map<String, String> SYSTEM_NAMES =
      Map.of(
          "http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM",
          "http://snomed.info/sct", "SNOMED CT",
          "http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm",
          "http://loinc.org", "LOINC");

  private EvidenceText() {}

  static String shortName(Object evidence) {
    String course = CourseText.shortName(evidence);
    if (course != null) {
      return course;
    }
    if (evidence instanceof Diagnosis d) {
      return d.display() != null ? d.display() : d.code();
    }
    if (evidence instanceof BloodPressure bp) {
      return mmHg(bp) + " on " + bp.effective();
    }
    if (evidence instanceof PregnancyStatus p) {
      return (PregnancyStatus.HCG_TEST.equals(p.test())
              ? "positive hCG test "
              : "pregnancy status ")
          + "recorded "
          + p.effective();
    }
    if (evidence instanceof BreastfeedingStatus b) {
      return "breastfeeding status recorded " + b.effective();
    }
    if (evidence instanceof OralAntidepressants o) {
      return o.none() ? "no oral antidepressant active" : String.join(", ", o.names());
    }
    if (evidence instanceof KetamineAllergy a) {
      return a.intolerance() && !a.reactions().isEmpty()
          ? a.substance() + " (" + String.join(", ", a.reactions()) + ")"
          : a.substance();
    }
    if (evidence instanceof PatientInfo p) {
      return "age " + p.ageYears();
    }
    if (evidence instanceof KetamineOrder o) {
      return o.medication();
    }
    if (evidence instanceof TreatmentResistance r) {
      return r.failedAgents().size() + " agents";
    }
    return evidence.getClass().getSimpleName();
  }

  /** How many things the evidence stands for: for TRD, the distinct agents that failed. */
  static int count(Object evidence) {
    return evidence instanceof TreatmentResistance r ? r.failedAgents().size() : 1;
  }

  static String line(Object evidence, LocalDate today) {
    String course = CourseText.line(evidence);
    if (course != null) {
      return course;
    }
    if (evidence instanceof Diagnosis d) {
      var text = new StringJoiner(", ", "- **" + shortName(d) + "** (" + codeOf(d) + "), ", "");
      text.add(status(d));
      if (d.onset() != null) {
        text.add("onset " + d.onset());
      }
      if (d.abatement() != null) {
        text.add("abated " + d.abatement());
      }
      if (d.onset() == null && d.recorded() != null) {
        text.add("recorded " + d.recorded());
      }
      return text.toString();
    }
    if (evidence instanceof BloodPressure bp) {
      return "- **"
          + mmHg(bp)
          + "** on "
          + bp.effective()
          + " ("
          + days(bp.daysBefore(today))
          + "), the most recent reading";
    }
    if (evidence instanceof PregnancyStatus p && PregnancyStatus.HCG_TEST.equals(p.test())) {
      return "- **Positive hCG test** on " + p.effective() + " (" + days(p.daysBefore(today)) + ")";
    }
    if (evidence instanceof BreastfeedingStatus b) {
      return "- Breastfeeding status **breastfeeding** on "
          + b.effective()
          + " ("
          + days(b.daysBefore(today))
          + "), the most recent";
    }
    if (evidence instanceof OralAntidepressants o) {
      return o.none()
          ? "- **No oral antidepressant is active** on the chart: for this indication the label"
              + " gives esketamine together with an oral antidepressant; start one, or document it"
              + " if given elsewhere."
          : "- Oral antidepressant active: **" + String.join(", ", o.names()) + "**";
    }
    if (evidence instanceof PregnancyStatus p) {
      return "- Pregnancy status **pregnant** on "
          + p.effective()
          + " ("
          + days(p.daysBefore(today))
          + ")";
    }
    if (evidence instanceof KetamineAllergy a) {
      var text =
          new StringBuilder(a.intolerance() ? "- Intolerance of **" : "- Allergy to **")
              .append(a.substance())
              .append("**");
      if (!a.reactions().isEmpty()) {
        text.append(", reaction: ").append(String.join(", ", a.reactions()));
      }
      if (a.criticality() != null) {
        text.append(", criticality ").append(a.criticality());
      }
      if (!a.active()) {
        text.append(", not active");
      }
      if (a.recorded() != null) {
        text.append(", recorded ").append(a.recorded());
      }
      return text.toString();
    }
    if (evidence instanceof PatientInfo p) {
      return "- Age **" + p.ageYears() + " years** on " + today;
    }
    if (evidence instanceof KetamineOrder o) {
      return "- Draft order: **" + o.medication() + "**";
    }
    if (evidence instanceof TreatmentResistance r) {
      return "- **" + r.failedAgents().size() + " distinct agents** with a failed adequate trial";
    }
    return "- " + shortName(evidence);
  }

  /** The record the evidence came from, as {@code Type/id}; null when it is no one record. */
  static String reference(Object evidence) {
    if (evidence instanceof Diagnosis d && d.conditionId() != null) {
      return "Condition/" + d.conditionId();
    }
    if (evidence instanceof BloodPressure bp && bp.observationId() != null) {
      return "Observation/" + bp.observationId();
    }
    if (evidence instanceof PregnancyStatus p && p.observationId() != null) {
      return "Observation/" + p.observationId();
    }
    if (evidence instanceof BreastfeedingStatus b && b.observationId() != null) {
      return "Observation/" + b.observationId();
    }
    if (evidence instanceof KetamineAllergy a && a.allergyId() != null) {
      return "AllergyIntolerance/" + a.allergyId();
    }
    if (evidence instanceof KetamineOrder o) {
      return o.resourceId();
    }
    if (evidence instanceof org.ketaminecds.facts.InteractingMedication m) {
      return m.resourceId();
    }
    return null;
  }

  private static String codeOf(Diagnosis d) {
    return SYSTEM_NAMES.getOrDefault(d.system(), d.system()) + " " + d.code();
  }

  private static String status(Diagnosis d) {
    return switch (d.status()) {
      case UNKNOWN -> d.active() ? "active (no status recorded)" : "status not recorded";
      default -> d.status().name().toLowerCase();
    };
  }

  private static String mmHg(BloodPressure bp) {
    return (bp.systolic() == null ? "–" : bp.systolic())
        + "/"
        + (bp.diastolic() == null ? "–" : bp.diastolic())
        + " mmHg";
  }

  private static String days(long days) {
    return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
  }
}
