package org.ketaminecds.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JWKS kept in a local file: read at start, and read again as soon as the file changes, so that
 * an operator rotates an EHR's keys by replacing the file, without a restart.
 *
 * <p>A change is seen from the file's modification time and size, checked on every look-up (a stat
 * is cheap next to a signature check). When the file is missing or unreadable, the keys read last
 * stay in use and a warning is logged; before any good read there are no keys, so every token of
 * that issuer is refused.
 */
final class WatchedJwksFile implements JWKSource<SecurityContext> {

  private static final Logger log = LoggerFactory.getLogger(WatchedJwksFile.class);

  private record Snapshot(FileTime modified, long size, JWKSet keys) {}

  private static final Snapshot NOTHING_READ = new Snapshot(null, -1, new JWKSet());

  private final Path file;
  private volatile Snapshot snapshot = NOTHING_READ;
  private volatile boolean unreadableReported;

  WatchedJwksFile(Path file) {
    this.file = file;
    current();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(current().keys());
  }

  private Snapshot current() {
    Snapshot known = snapshot;
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      if (!unreadableReported) {
        unreadableReported = true;
        log.warn(
            "JWKS file {} cannot be read ({}); keeping the keys read before", file, e.toString());
      }
      return known;
    }
    unreadableReported = false;
    if (attributes.lastModifiedTime().equals(known.modified())
        && attributes.size() == known.size()) {
      return known;
    }
    return reload(attributes);
  }

  private synchronized Snapshot reload(BasicFileAttributes attributes) {
    try {
      String json = Files.readString(file, StandardCharsets.UTF_8);
      // Only public parts are ever used; a file that holds private keys by mistake is not a
      // reason to keep them in memory.
      JWKSet keys = JWKSet.parse(json).toPublicJWKSet();
      snapshot = new Snapshot(attributes.lastModifiedTime(), attributes.size(), keys);
      log.info("JWKS file {} read: {} public key(s)", file, keys.size());
    } catch (IOException | ParseException e) {
      // Remember this version of the file, so that a broken file is reported once, not on every
      // call; a half-written file is read again when the writer finishes (time or size change).
      snapshot = new Snapshot(attributes.lastModifiedTime(), attributes.size(), snapshot.keys());
      // The text of a parse failure may quote the file; the class name is enough to act on.
      log.warn(
          "JWKS file {} is not a readable JWK Set ({}); keeping the keys read before",
          file,
          e.getClass().getSimpleName());
    }
    return snapshot;
  }
}
