package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;

/**
 * The Kie build: DRL files compiled with Drools' executable model (the only build path of {@code
 * drools-engine} 10.2) into models, and what an author is told when they do not compile (the
 * problems by DRL file and line, {@link #buildOrThrow}). Nothing here is kept: {@link RuleCompiler}
 * decides what is compiled and {@link CompiledPackages} what is kept.
 */
final class KieBuild {

  static final String KIE_BASE = "ketamine-cds";
  private static final String RESOURCES = "src/main/resources/";

  /** What the executable model compiles against, shared by every compilation of the service. */
  private static final ClassLoader COMPILER_CLASS_LOADER =
      new CompilerClassLoader(KieBuild.class.getClassLoader());

  private KieBuild() {}

  /**
   * DRL files compiled into a module, or why not: the compiler's errors, or an exception it threw
   * (the executable model throws on some DRL, e.g. a function imported from a package compiled
   * apart).
   */
  record Built(List<Model> models, List<String> errors, List<Message> messages, byte[] kjar) {
    boolean compiled() {
      return errors.isEmpty();
    }
  }

  /**
   * Compiles DRL files into models. The module goes from Drools' global repository at once: the
   * models keep their classes, and nothing else needs the module.
   */
  static Built build(Map<String, String> drl, String key) {
    KieServices kie = KieServices.Factory.get();
    ReleaseId releaseId = kie.newReleaseId("org.ketaminecds", "rules", key);
    var fileSystem = kie.newKieFileSystem();
    fileSystem.generateAndWritePomXML(releaseId);
    fileSystem.writeKModuleXML(kieModule(kie).toXML());
    drl.forEach((path, text) -> fileSystem.write(RESOURCES + path, text));
    try {
      KieBuilder builder =
          kie.newKieBuilder(fileSystem, COMPILER_CLASS_LOADER)
              .buildAll(ExecutableModelProject.class);
      List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
      if (!messages.isEmpty()) {
        return new Built(
            List.of(), messages.stream().map(Message::getText).toList(), messages, null);
      }
      var module = (InternalKieModule) builder.getKieModule();
      return new Built(models(module), List.of(), List.of(), module.getBytes());
    } catch (RuntimeException e) {
      return new Built(List.of(), List.of(String.valueOf(e)), List.of(), null);
    } finally {
      kie.getRepository().removeKieModule(releaseId);
    }
  }

  /**
   * Compiles DRL files, or says where they are wrong.
   *
   * @throws InvalidRuleSetException with the problems by DRL file and line
   */
  static Built buildOrThrow(Map<String, String> drl, String key) {
    Built built = build(drl, key);
    if (built.compiled()) {
      return built;
    }
    List<RuleProblem> located = DrlDiagnostics.diagnose(drl);
    if (located.isEmpty() && built.messages().isEmpty()) {
      built.errors().forEach(error -> located.add(new RuleProblem("(rules)", 0, 0, error)));
    }
    if (located.isEmpty()) {
      for (Message message : built.messages()) {
        located.add(
            new RuleProblem(
                relative(message.getPath()),
                message.getLine(),
                message.getColumn(),
                message.getText()));
      }
    }
    throw new InvalidRuleSetException(located);
  }

  /** The compiled models of a kjar, for {@link PrecompiledRules}. */
  static List<Model> models(byte[] kjar) {
    KieServices kie = KieServices.Factory.get();
    KieModule module =
        kie.getRepository().addKieModule(kie.getResources().newByteArrayResource(kjar));
    try {
      return models(module);
    } finally {
      kie.getRepository().removeKieModule(module.getReleaseId());
    }
  }

  private static List<Model> models(KieModule module) {
    CanonicalKieModule canonical =
        module instanceof CanonicalKieModule c
            ? c
            : new CanonicalKieModule((InternalKieModule) module);
    var base = (KieBaseModelImpl) canonical.getKieModuleModel().getKieBaseModels().get(KIE_BASE);
    var models = new ArrayList<>(canonical.getModelForKBase(base));
    models.sort(Comparator.comparing(Model::getPackageName));
    return List.copyOf(models);
  }

  private static KieModuleModel kieModule(KieServices kie) {
    KieModuleModel module = kie.newKieModuleModel();
    // A rule name written twice must be an error, not a silent override.
    module.setConfigurationProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
    module.newKieBaseModel(KIE_BASE).setDefault(true);
    return module;
  }

  private static String relative(String path) {
    if (path == null) {
      return "(rules)";
    }
    return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
  }
}
