package org.ketaminecds.authoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check's output is for authors: Drools' and Kie's own log blocks ("Unable to build
 * KieBaseModel...") and start-up chatter stay out of it; {@code --debug} lets them through.
 */
final class CheckLogging {

  private CheckLogging() {}

  static void quiet(boolean debug) {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(debug ? Level.DEBUG : Level.ERROR);
      for (String noisy : new String[] {"org.drools", "org.kie", "ca.uhn.fhir"}) {
        ((Logger) LoggerFactory.getLogger(noisy)).setLevel(debug ? Level.DEBUG : Level.OFF);
      }
    }
  }
}
