package org.ketaminecds.fhir;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.fhir.prefetch.ChartEntry;

/**
 * Sorts the resources of all keys into a {@link PatientRecord}. A resource that arrives twice (a
 * Medication included on several pages, a server that repeats an entry) is kept once, by type and
 * id, so that the rules never count one trial twice. Left-out entries ({@link ChartEntry}) take
 * part in that with their identity, so the first entry of an id wins whether or not it was parsed.
 */
final class PatientRecordAssembler {
  private PatientRecordAssembler() {}

  static PatientRecord assemble(Map<PrefetchKey, List<ChartEntry>> entriesByKey) {
    Set<String> seen = new HashSet<>();
    var chart = new PatientRecord.Builder();
    for (PrefetchKey key : PrefetchKey.values()) {
      for (ChartEntry entry : entriesByKey.getOrDefault(key, List.of())) {
        if (entry.identity() != null && !seen.add(entry.identity())) {
          continue;
        }
        Resource resource = entry.resource();
        // The first Patient is the chart's; any type a chart does not hold is left out.
        if (!(resource instanceof Patient && chart.hasPatient())) {
          chart.add(resource);
        }
      }
    }
    return chart.build();
  }
}
