package org.ketaminecds;

import ca.uhn.fhir.context.FhirContext;
import org.ketaminecds.authoring.StartUpCheck;
import org.ketaminecds.fhir.ModelWarmUp;
import org.ketaminecds.terminology.Terminology;

/**
 * Work of the start-up that needs nothing from Spring, begun on a thread of its own before Spring
 * starts (issue 6): the shared FhirContext with its R4 model scan, the value sets, and the
 * fingerprint the start-up check compares with the build's stamp. Spring's own start is one thread
 * of class loading and parsing; this, and the rules preload, keep the second core busy meanwhile.
 * The beans that need the results take them (the FhirContext is HAPI's cached one, the terminology
 * waits for its preload), so nothing is done twice.
 */
final class StartUpPreload {

  private StartUpPreload() {}

  static void start() {
    Terminology.expectPreload();
    Thread thread =
        new Thread(
            () -> {
              Terminology.preload();
              ModelWarmUp.scan(FhirContext.forR4Cached());
              StartUpCheck.prepare();
            },
            "start-up-preload");
    thread.setDaemon(true);
    thread.start();
  }
}
