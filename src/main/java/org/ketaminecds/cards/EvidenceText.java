package org.ketaminecds.cards;

import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import org.ketaminecds.facts.BloodPressure;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.KetamineAllergy;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.PatientInfo;
import org.ketaminecds.facts.PregnancyStatus;
import org.ketaminecds.facts.TreatmentResistance;

/**
 * How each kind of evidence reads on a card: a short name for the summary and a Markdown line for
 * the detail that names the record it came from (which Condition, code and date; which reading and
 * when), so the clinician can find it in the chart.
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
      return "pregnancy status recorded " + p.effective();
    }
    if (evidence instanceof KetamineAllergy a) {
      return a.substance();
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
      return text + " [Condition/" + d.conditionId() + "]";
    }
    if (evidence instanceof BloodPressure bp) {
      return "- **"
          + mmHg(bp)
          + "** on "
          + bp.effective()
          + " ("
          + days(bp.daysBefore(today))
          + "), the most recent reading [Observation/"
          + bp.observationId()
          + "]";
    }
    if (evidence instanceof PregnancyStatus p) {
      return "- Pregnancy status **pregnant** on "
          + p.effective()
          + " ("
          + days(p.daysBefore(today))
          + ") [Observation/"
          + p.observationId()
          + "]";
    }
    if (evidence instanceof KetamineAllergy a) {
      var text =
          new StringBuilder("- Allergy or intolerance to **").append(a.substance()).append("**");
      if (a.criticality() != null) {
        text.append(", criticality ").append(a.criticality());
      }
      if (!a.active()) {
        text.append(", not active");
      }
      if (a.recorded() != null) {
        text.append(", recorded ").append(a.recorded());
      }
      return text.append(" [AllergyIntolerance/").append(a.allergyId()).append("]").toString();
    }
    if (evidence instanceof PatientInfo p) {
      return "- Age **" + p.ageYears() + " years** on " + today;
    }
    if (evidence instanceof KetamineOrder o) {
      return "- Draft order: **" + o.medication() + "** [" + o.resourceId() + "]";
    }
    if (evidence instanceof TreatmentResistance r) {
      return "- **" + r.failedAgents().size() + " distinct agents** with a failed adequate trial";
    }
    return "- " + shortName(evidence);
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
