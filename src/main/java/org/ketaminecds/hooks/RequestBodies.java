package org.ketaminecds.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.ketaminecds.web.BoundedBodies;
import org.springframework.stereotype.Component;

/** Reads the body of a call up to {@code cds.hooks.max-request-size} ({@link BoundedBodies}). */
@Component
class RequestBodies {

  private final long limit;

  RequestBodies(HooksProperties properties) {
    this.limit = properties.maxRequestSize().toBytes();
  }

  byte[] read(HttpServletRequest request) {
    try (InputStream in = request.getInputStream()) {
      return BoundedBodies.read(in, request.getContentLengthLong(), limit);
    } catch (BoundedBodies.TooLarge e) {
      throw new RequestTooLargeException(limit);
    } catch (IOException e) {
      // The client went away or stalled while sending: nothing of ours failed.
      throw new InvalidHookRequestException("The request body could not be read to its end");
    }
  }
}
