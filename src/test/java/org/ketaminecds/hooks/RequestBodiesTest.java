package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** The size limit on call bodies, and its property. */
class RequestBodiesTest {

  final RequestBodies bodies =
      new RequestBodies(new HooksProperties(DataSize.ofBytes(10), java.time.Duration.ZERO));

  @Test
  void aBodyUpToTheLimitIsRead() {
    byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);

    assertThat(bodies.read(request(new ByteArrayInputStream(ten), 10))).isEqualTo(ten);
    assertThat(bodies.read(request(new ByteArrayInputStream(ten), -1))).isEqualTo(ten);
  }

  @Test
  void aBodyThatEndsBeforeItsDeclaredLengthIsA400NotAShortBody() {
    byte[] five = "01234".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> bodies.read(request(new ByteArrayInputStream(five), 8)))
        .isInstanceOf(InvalidHookRequestException.class)
        .hasMessageContaining("could not be read to its end");
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
    CountingStream stream = new CountingStream();

    assertThatThrownBy(() -> bodies.read(request(stream, 11)))
        .isInstanceOf(RequestTooLargeException.class)
        .hasMessageContaining("(10 bytes)");
    assertThat(stream.read).isZero();
  }

  @Test
  void aChunkedBodyIsReadOnlyOneBytePastTheLimit() {
    CountingStream endless = new CountingStream();

    assertThatThrownBy(() -> bodies.read(request(endless, -1)))
        .isInstanceOf(RequestTooLargeException.class);
    assertThat(endless.read).isEqualTo(11);
  }

  @Test
  void theLimitIsNamedInMegabytes() {
    assertThat(new RequestTooLargeException(DataSize.ofMegabytes(10).toBytes()))
        .hasMessageContaining("(10 MB)");
  }

  @Test
  void theLimitDefaultsToTenMegabytesAndCanBeSet() {
    ApplicationContextRunner runner =
        new ApplicationContextRunner().withUserConfiguration(HooksConfiguration.class);
    runner.run(
        context ->
            assertThat(context.getBean(HooksProperties.class).maxRequestSize())
                .isEqualTo(DataSize.ofMegabytes(10)));
    runner
        .withPropertyValues("cds.hooks.max-request-size=64KB")
        .run(
            context ->
                assertThat(context.getBean(HooksProperties.class).maxRequestSize())
                    .isEqualTo(DataSize.ofKilobytes(64)));
    runner
        .withPropertyValues("cds.hooks.max-request-size=0B")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isInstanceOf(ConfigurationPropertiesBindException.class)
                    .rootCause()
                    .hasMessageContaining("cds.hooks.max-request-size"));
  }

  /** A request whose body is {@code stream}, with this Content-Length (-1: none, chunked). */
  private static MockHttpServletRequest request(InputStream stream, long contentLength) {
    return new MockHttpServletRequest("POST", "/cds-services/x") {
      @Override
      public ServletInputStream getInputStream() {
        return new DelegatingServletInputStream(stream);
      }

      @Override
      public long getContentLengthLong() {
        return contentLength;
      }
    };
  }

  /** An endless stream of spaces that counts what was taken from it. */
  private static final class CountingStream extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return ' ';
    }
  }
}
