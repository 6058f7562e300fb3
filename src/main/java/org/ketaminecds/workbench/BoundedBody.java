package org.ketaminecds.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body, refusing it as soon as it passes the limit rather than after. */
final class BoundedBody {

  private BoundedBody() {}

  static byte[] read(InputStream body, long limitBytes) {
    if (body == null) {
      return new byte[0];
    }
    try {
      // One byte past the limit is enough to know the body is too large.
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limitBytes + 1));
      if (bytes.length > limitBytes) {
        throw WorkbenchRequestException.tooLarge(limitBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("The request body could not be read", e);
    }
  }
}
