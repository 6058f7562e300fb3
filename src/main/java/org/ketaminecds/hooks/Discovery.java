package org.ketaminecds.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketaminecds.fhir.PrefetchKey;

/** The discovery document, {@code GET /cds-services} (CDS Hooks 2.0). */
record Discovery(List<Descriptor> services) {

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Descriptor(
      String hook,
      String title,
      String description,
      String id,
      Map<String, String> prefetch,
      String usageRequirements) {}

  static Discovery of(List<CdsService> services) {
    return new Discovery(services.stream().map(Discovery::describe).toList());
  }

  private static Descriptor describe(CdsService service) {
    Map<String, String> prefetch = new LinkedHashMap<>();
    for (PrefetchKey key : service.prefetch()) {
      prefetch.put(key.key(), key.template());
    }
    return new Descriptor(
        service.hook(),
        service.title(),
        service.description(),
        service.id(),
        prefetch,
        service.usageRequirements());
  }
}
