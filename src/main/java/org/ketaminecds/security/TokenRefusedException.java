package org.ketaminecds.security;

/**
 * Why a token was refused, for the log only: the caller gets a bare 401. The reason is text written
 * here, never a part of the token, save the name of a refused algorithm (made safe by {@link
 * LogSafe}); the issuer, when known, is the token's {@code iss}, logged through {@link LogSafe}
 * too.
 */
final class TokenRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String issuer;

  TokenRefusedException(String reason) {
    this(reason, null);
  }

  TokenRefusedException(String reason, String issuer) {
    // No stack trace: a refusal is an expected outcome, and its trace would say nothing.
    super(reason, null, false, false);
    this.issuer = issuer;
  }

  String reason() {
    return getMessage();
  }

  String issuer() {
    return issuer;
  }
}
