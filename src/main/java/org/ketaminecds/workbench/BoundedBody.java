package org.ketaminecds.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.ketaminecds.web.BoundedBodies;

/** Reads a request body with {@link BoundedBodies}, in the workbench's errors. */
final class BoundedBody {

  private BoundedBody() {}

  static byte[] read(InputStream body, long declaredLength, long limitBytes) {
    try {
      return BoundedBodies.read(body, declaredLength, limitBytes);
    } catch (BoundedBodies.TooLarge e) {
      throw WorkbenchRequestException.tooLarge(limitBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("The request body could not be read", e);
    }
  }
}
