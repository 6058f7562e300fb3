package org.ketaminecds.web;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit, for the hooks and the workbench alike. A declared length over
 * the limit is refused before a byte is read; a declared length is read straight into an array of
 * its size (heavy charts are megabytes); a body without one (chunked) is read one byte past the
 * limit at most, so no call can make the service hold more than the limit in memory.
 */
public final class BoundedBodies {

  private BoundedBodies() {}

  /**
   * @param declaredLength the Content-Length, or -1 when none was sent
   * @throws TooLarge over the limit
   * @throws IOException the client went away or stalled, or sent less than it declared
   */
  public static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
    if (declaredLength > limit) {
      throw new TooLarge(limit);
    }
    if (in == null) {
      return new byte[0];
    }
    if (declaredLength >= 0) {
      byte[] body = new byte[(int) declaredLength];
      if (in.readNBytes(body, 0, body.length) < body.length) {
        throw new IOException("The body ended before its declared length");
      }
      return body;
    }
    byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      throw new TooLarge(limit);
    }
    return body;
  }

  /** A body over the limit: each caller answers it with its 413. */
  public static final class TooLarge extends RuntimeException {
    private final long limit;

    TooLarge(long limit) {
      super("The body is larger than " + limit + " bytes", null, false, false);
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }
}
