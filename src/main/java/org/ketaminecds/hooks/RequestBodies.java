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
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      throw new RequestTooLargeException(limit);
    }
    try (InputStream in = request.getInputStream()) {
      return declared >= 0 ? exactly(in, (int) declared) : upToTheLimit(in);
    } catch (IOException e) {
      // The client went away or stalled while sending: nothing of ours failed.
      throw unfinished();
    }
  }

  /** A declared length is read straight into an array of its size: heavy charts are megabytes. */
  private static byte[] exactly(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    if (in.readNBytes(body, 0, length) < length) {
      throw unfinished();
    }
    return body;
  }

  private byte[] upToTheLimit(InputStream in) throws IOException {
    byte[] body = in.readNBytes((int) limit + 1);
    if (body.length > limit) {
      throw new RequestTooLargeException(limit);
    }
    return body;
  }

  private static InvalidHookRequestException unfinished() {
    return new InvalidHookRequestException("The request body could not be read to its end");
  }
}
