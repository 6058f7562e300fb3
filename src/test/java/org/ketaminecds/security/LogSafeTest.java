package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void replacesControlCharactersSoNoLogLineCanBeForged() {
    assertThat(LogSafe.value("https://ehr.example\n2026 INFO JWT accepted"))
        .isEqualTo("https://ehr.example?2026 INFO JWT accepted");
  }

  @Test
  void cutsLongValues() {
    assertThat(LogSafe.value("x".repeat(5000))).hasSize(123).endsWith("...");
  }

  @Test
  void namesAMissingValue() {
    assertThat(LogSafe.value(null)).isEqualTo("-");
  }
}
