package org.ketaminecds.feedback;

/** The database cannot be reached: nothing was stored, and the caller should send it again. */
public class StorageUnavailableException extends RuntimeException {

  StorageUnavailableException(Throwable cause) {
    super("Feedback cannot be stored now; nothing was stored, send it again later", cause);
  }
}
