package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedJwksFileTest {

  static final RSAKey KEY_A = TestEhr.newRsaKey("key-a");
  static final RSAKey KEY_B = TestEhr.newRsaKey("key-b");

  @TempDir Path folder;

  @Test
  void readsTheFileAtStartAndAgainWhenItChanges() throws Exception {
    Path file = folder.resolve("jwks.json");
    write(file, TestEhr.jwksJson(KEY_A), 1);
    WatchedJwksFile jwks = new WatchedJwksFile(file);

    assertThat(keys(jwks, "key-a")).hasSize(1);
    assertThat(keys(jwks, "key-b")).isEmpty();

    write(file, TestEhr.jwksJson(KEY_A, KEY_B), 2);

    assertThat(keys(jwks, "key-b")).hasSize(1);
  }

  @Test
  void keepsTheKeysReadBeforeWhenTheFileBreaksOrGoes() throws Exception {
    Path file = folder.resolve("jwks.json");
    write(file, TestEhr.jwksJson(KEY_A), 1);
    WatchedJwksFile jwks = new WatchedJwksFile(file);

    write(file, "{ not json", 2);
    assertThat(keys(jwks, "key-a")).hasSize(1);

    Files.delete(file);
    assertThat(keys(jwks, "key-a")).hasSize(1);
  }

  @Test
  void startsWithNoKeysWhenTheFileIsMissingAndPicksItUpLater() throws Exception {
    Path file = folder.resolve("later.json");
    WatchedJwksFile jwks = new WatchedJwksFile(file);

    assertThat(keys(jwks, "key-a")).isEmpty();

    write(file, TestEhr.jwksJson(KEY_A), 1);
    assertThat(keys(jwks, "key-a")).hasSize(1);
  }

  @Test
  void keepsOnlyPublicKeys() throws Exception {
    Path file = folder.resolve("jwks.json");
    // An operator's mistake: the private key in the file.
    write(file, "{\"keys\":[" + KEY_A.toJSONString() + "]}", 1);

    List<JWK> keys = keys(new WatchedJwksFile(file), "key-a");

    assertThat(keys).singleElement().satisfies(key -> assertThat(key.isPrivate()).isFalse());
  }

  /** Writes and sets a distinct modification time, so the change is seen at any clock grain. */
  private static void write(Path file, String json, int version) throws Exception {
    Files.writeString(file, json);
    Files.setLastModifiedTime(
        file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)));
  }

  private static List<JWK> keys(WatchedJwksFile jwks, String kid) {
    return jwks.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
  }
}
