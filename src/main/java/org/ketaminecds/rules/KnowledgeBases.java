package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;

/** Knowledge bases assembled from compiled models (of {@link KieBuild} or of a kjar). */
final class KnowledgeBases {

  private KnowledgeBases() {}

  /**
   * A knowledge base of the units' packages, in package-name order, so that a rule set assembled
   * from kept and new packages is the same as one compiled from scratch, to the order in which
   * rules of equal salience fire. Each knowledge base gets model objects of its own: kept packages
   * share their generated classes, never the objects a knowledge base was built from.
   */
  static KieBase assemble(Collection<List<Model>> units) {
    var models = new ArrayList<Model>();
    for (List<Model> unit : units) {
      for (Model model : unit) {
        models.add(freshInstance(model));
      }
    }
    models.sort(Comparator.comparing(Model::getPackageName));
    return KieBaseBuilder.createKieBaseFromModel(
        models, kieBaseConfiguration(KieServices.Factory.get()));
  }

  private static Model freshInstance(Model model) {
    try {
      return model.getClass().getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot instantiate the rules model " + model.getName(), e);
    }
  }

  /**
   * Each rule gets its own join network. With Drools 10.2's default beta-node sharing, rules that
   * begin with the same conditions share one network segment, and splitting that segment as further
   * rules are added loses matches: both ci-pregnancy rules, which share {@code exists
   * KetamineConsidered(), HookContext(), Parameters(), not PatientInfo(gender == "male")}, never
   * fired (apache/incubator-kie#7109 and #7115 are the same kind of defect). The rule set is small;
   * the cost of not sharing is negligible, a rule that silently never fires is not.
   */
  static KieBaseConfiguration kieBaseConfiguration(KieServices kie) {
    // The service's class loader, which sees the fact classes, whatever thread assembles the base.
    KieBaseConfiguration configuration =
        kie.newKieBaseConfiguration(null, KnowledgeBases.class.getClassLoader());
    configuration.setProperty("drools.shareBetaNodes", "false");
    return configuration;
  }
}
