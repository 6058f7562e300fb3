package org.ketaminecds.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

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
      // Most bodies have arrived with their headers: read those without counting as waiting.
      int arrived = readArrived(in, body);
      if (arrived < body.length
          && waitFor(() -> in.readNBytes(body, arrived, body.length - arrived))
              < body.length - arrived) {
        throw new IOException("The body ended before its declared length");
      }
      return body;
    }
    byte[] body = waitFor(() -> in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1)));
    if (body.length > limit) {
      throw new TooLarge(limit);
    }
    return body;
  }

  /** Reads what has arrived already; {@code available()} promises that much without blocking. */
  private static int readArrived(InputStream in, byte[] body) throws IOException {
    int read = 0;
    while (read < body.length && in.available() > 0) {
      int n = in.read(body, read, Math.min(in.available(), body.length - read));
      if (n < 0) {
        break;
      }
      read += n;
    }
    return read;
  }

  /** The rest of a body is waited for as I/O: the request thread is replaced meanwhile. */
  private static <T> T waitFor(RequestThreads.BlockingIo<T, IOException> read) throws IOException {
    try {
      return RequestThreads.block(read);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Reading the body was interrupted");
    }
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
