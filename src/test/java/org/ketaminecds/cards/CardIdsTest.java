package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Card uuids are version-7 UUIDs: unique, and each one sorts after the ones made before it. */
class CardIdsTest {

  @Test
  void cardIdsAreTimeOrderedUniqueVersion7Uuids() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(CardIds.next());
    }

    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(ids).isSorted();
    for (String id : ids.subList(0, 10)) {
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(7);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
    }
  }
}
