package org.ketaminecds.hooks;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.bench.BenchCharts;
import org.ketaminecds.bench.FloorAnswer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The whole in-process path of a patient-view call with full prefetch, from the request bytes to
 * the response bytes, through the service's own controller and JSON mapper (no HTTP); beside it the
 * floor: the same bytes read and answered with empty cards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HookCallBenchmark {

  static final String SERVICE = "ketamine-eligibility";

  @Param({"small", "heavy"})
  public String chart;

  private ConfigurableApplicationContext context;
  private HooksController controller;
  private byte[] request;

  @Setup
  public void setUp() {
    context =
        new SpringApplicationBuilder(KetamineCdsApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--cds.rules.watch=false",
                "--cds.security.require-jwt=false",
                // one INFO line per call would measure the console, not the service
                "--logging.level.org.ketaminecds=WARN");
    controller = context.getBean(HooksController.class);
    request = BenchCharts.chart(chart).requestWithPrefetch("patient-view");
  }

  @TearDown
  public void tearDown() {
    context.close();
  }

  @Benchmark
  public byte[] requestToResponse() {
    // The controller reads the body from the servlet request, as Tomcat hands it over.
    var servletRequest = new MockHttpServletRequest("POST", "/cds-services/" + SERVICE);
    servletRequest.setContentType("application/json");
    servletRequest.setContent(request);
    // The controller writes the answer's bytes itself (they are the response body as sent).
    return controller
        .call(SERVICE, bulkReads(servletRequest), new MockHttpServletResponse())
        .getBody();
  }

  /**
   * The mock request's stream hands over one byte per call, which would measure the mock: Tomcat's
   * stream, like this one, copies blocks.
   */
  private HttpServletRequest bulkReads(MockHttpServletRequest servletRequest) {
    return new HttpServletRequestWrapper(servletRequest) {
      @Override
      public ServletInputStream getInputStream() {
        return new DelegatingServletInputStream(new ByteArrayInputStream(request)) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            return getSourceStream().read(buffer, offset, length);
          }
        };
      }
    };
  }

  @Benchmark
  public byte[] floor() {
    return FloorAnswer.answer(request);
  }
}
