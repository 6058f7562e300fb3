package org.ketaminecds.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Finds DRL errors with the classic ({@code drools-mvel}) compiler, which reports each at its DRL
 * file and line. The executable model, which runs the rules, reports an unknown field without a
 * line and a bad call in a consequence at a generated Java class: useless to a rule author. Used
 * only when the executable model has failed, to tell the author where.
 */
final class DrlDiagnostics {

  private static final String NULL_PACKAGE = "Parser returned a null Package";

  private DrlDiagnostics() {}

  /**
   * The errors of the DRL files in the author's words ({@link DrlErrorWords}). Each package is
   * compiled on its own, as {@link RuleCompiler} compiles them: the classic compiler, given all
   * files at once, answers an error in one package with a dozen in another (its declared types are
   * then not built), which would send the author to files that are fine.
   */
  static List<RuleProblem> diagnose(Map<String, String> drlFiles) {
    var problems = new ArrayList<RuleProblem>();
    DrlPackages.of(drlFiles).values().forEach(files -> problems.addAll(classic(files)));
    return new DrlErrorWords(drlFiles, FactTypes.onClassPath()).explain(problems);
  }

  private static List<RuleProblem> classic(Map<String, String> drlFiles) {
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    drlFiles.forEach(
        (path, text) ->
            builder.add(
                ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(path),
                ResourceType.DRL));
    var problems = new ArrayList<RuleProblem>();
    for (KnowledgeBuilderError error : builder.getErrors()) {
      String message = error.getMessage().replaceAll("\\s+", " ").strip();
      if (message.contains(NULL_PACKAGE)) {
        continue; // a consequence of another error in the same file, never the cause
      }
      int[] lines = error.getLines();
      String file = error.getResource() == null ? "(rules)" : error.getResource().getSourcePath();
      problems.add(new RuleProblem(file, lines.length > 0 ? lines[0] : 0, 0, message));
    }
    return problems;
  }
}
