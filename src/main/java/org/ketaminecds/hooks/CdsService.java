package org.ketaminecds.hooks;

import java.util.List;
import org.ketaminecds.fhir.PrefetchKey;

/**
 * One CDS service of this project: its id, the hook it answers and the data it reads.
 *
 * @param orderHook whether the service answers an order hook (order-select, order-sign), whose
 *     cards appear only for a ketamine or esketamine draft order
 */
record CdsService(
    String id,
    String hook,
    String title,
    String description,
    List<PrefetchKey> prefetch,
    String usageRequirements,
    boolean orderHook) {}
