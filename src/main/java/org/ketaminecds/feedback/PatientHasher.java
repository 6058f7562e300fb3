package org.ketaminecds.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The only form in which a patient is stored: HMAC-SHA256 of the EHR's patient id under a secret
 * key. Without the key the hash cannot be turned back into an id, nor made from one.
 */
@Component
public class PatientHasher {

  private static final Logger log = LoggerFactory.getLogger(PatientHasher.class);
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  PatientHasher(FeedbackProperties properties) {
    this.key = new SecretKeySpec(secret(properties), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The keyed hash of a patient id, 64 hex digits. */
  public String hash(String patientId) {
    return HexFormat.of().formatHex(macs.get().doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static byte[] secret(FeedbackProperties properties) {
    String configured = properties.patientHashSecret();
    if (configured != null && !configured.isBlank()) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    // The embedded default: a key made once and kept beside the embedded database, so that hashes
    // (and snoozes) stay the same across restarts. Production sets the secret (README).
    Path file = properties.patientHashKeyFile();
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).strip());
      }
      byte[] generated = new byte[32];
      new SecureRandom().nextBytes(generated);
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(generated));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder's permissions apply.
      }
      log.warn(
          "No cds.feedback.patient-hash-secret configured: generated a key in {}; configure a"
              + " secret in production",
          file);
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the patient hash key " + file, e);
    }
  }
}
