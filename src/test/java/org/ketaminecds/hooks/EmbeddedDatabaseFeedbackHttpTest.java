package org.ketaminecds.hooks;

import org.springframework.test.context.TestPropertySource;

/**
 * Every feedback test again, on the embedded default: the H2 file database in PostgreSQL mode that
 * the service uses when no {@code spring.datasource.url} is configured (application.yml). The same
 * migrations and statements must behave the same as on PostgreSQL (FeedbackHttpTest).
 */
@TestPropertySource(
    properties = {
      "cds.test.database-named=true",
      "spring.datasource.url=jdbc:h2:file:./target/h2-test/${random.uuid};MODE=PostgreSQL;"
          + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "spring.datasource.username=sa",
      "spring.datasource.password="
    })
class EmbeddedDatabaseFeedbackHttpTest extends FeedbackHttpTest {

  @Override
  String expectedDatabase() {
    return "H2";
  }
}
