package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.KetamineOrder;

class OrderedDrugTest {

  static final KetamineOrder SPRAVATO =
      new KetamineOrder("MedicationRequest/a", "Spravato 28 mg/0.2 mL nasal spray");
  static final KetamineOrder ESKETAMINE = new KetamineOrder("MedicationRequest/b", "Esketamine");
  static final KetamineOrder KETAMINE =
      new KetamineOrder("MedicationRequest/c", "ketamine 50 MG/ML Injectable Solution");

  @Test
  void namesTheDrugAsOrdered() {
    assertThat(OrderedDrug.of(List.of(SPRAVATO))).isEqualTo("esketamine");
    assertThat(OrderedDrug.of(List.of(ESKETAMINE))).isEqualTo("esketamine");
    assertThat(OrderedDrug.of(List.of(KETAMINE))).isEqualTo("ketamine");
    assertThat(OrderedDrug.of(List.of(KETAMINE, SPRAVATO))).isEqualTo("ketamine and esketamine");
    assertThat(OrderedDrug.of(List.of())).isEqualTo("ketamine or esketamine");
  }

  @Test
  void racemicOnlyWhenNoOrderIsEsketamine() {
    assertThat(OrderedDrug.racemicOnly(List.of(KETAMINE))).isTrue();
    assertThat(OrderedDrug.racemicOnly(List.of(KETAMINE, ESKETAMINE))).isFalse();
    assertThat(OrderedDrug.racemicOnly(List.of())).isFalse();
  }
}
