package org.ketaminecds.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Reads the body of a call up to {@code cds.hooks.max-request-size}. A declared Content-Length over
 * the limit is refused before a byte is read; a body without one (chunked) is read through a stream
 * that stops one byte past the limit, so no call can make the service hold more than the limit in
 * memory.
 */
@Component
class RequestBodies {

  private final long limit;

  RequestBodies(HooksProperties properties) {
    this.limit = properties.maxRequestSize().toBytes();
  }

  byte[] read(HttpServletRequest request) {
    if (request.getContentLengthLong() > limit) {
      throw new RequestTooLargeException(limit);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes((int) limit + 1);
    } catch (IOException e) {
      // The client went away or stalled while sending: nothing of ours failed.
      throw new InvalidHookRequestException("The request body could not be read to its end");
    }
    if (body.length > limit) {
      throw new RequestTooLargeException(limit);
    }
    return body;
  }
}
