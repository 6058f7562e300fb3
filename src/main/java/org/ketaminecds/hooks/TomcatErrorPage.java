package org.ketaminecds.hooks;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link OperationOutcomeErrorValve} in place of the ErrorReportValves on Tomcat's host: the
 * one Spring Boot adds, and the one the host adds itself when it starts. The swap waits until the
 * application's context has started, which is after the host has added its own.
 */
@Component
class TomcatErrorPage implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    factory.addContextCustomizers(
        context ->
            context.addLifecycleListener(
                event -> {
                  if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                    replaceErrorReportValves(context.getParent().getPipeline());
                  }
                }));
  }

  private static void replaceErrorReportValves(Pipeline pipeline) {
    for (Valve valve : pipeline.getValves()) {
      if (valve instanceof ErrorReportValve) {
        pipeline.removeValve(valve);
      }
    }
    pipeline.addValve(new OperationOutcomeErrorValve());
  }
}
