package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.ClinicalStatus;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.PatientInfo;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;

/**
 * The compiler keeps compiled DRL packages and compiles only those whose files changed. These tests
 * hold what that must never cost: a changed, added, renamed or removed file is exactly what the new
 * rule set runs; what is no longer used is forgotten; packages that need each other still compile.
 */
class RuleCompilerPackagesTest {

  static final RuleSource RELEASED = RuleSourceReader.fromFolder(Path.of("rules"));
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  final RuleCompiler compiler = new RuleCompiler();

  static RuleSource changed(RuleSource source, String path, UnaryOperator<String> change) {
    var files = new TreeMap<>(source.files());
    String text = files.get(path);
    String changedText = change.apply(text);
    assertThat(changedText).as("the change applies to " + path).isNotEqualTo(text);
    files.put(path, changedText);
    return new RuleSource(source.origin(), files);
  }

  static RuleSource without(RuleSource source, String path) {
    var files = new TreeMap<>(source.files());
    assertThat(files.remove(path)).isNotNull();
    return new RuleSource(source.origin(), files);
  }

  static RuleSource with(RuleSource source, String path, String text) {
    var files = new TreeMap<>(source.files());
    files.put(path, text);
    return new RuleSource(source.origin(), files);
  }

  static Set<String> ruleNames(RuleSet ruleSet) {
    return ruleSet.kieBase().getKiePackages().stream()
        .flatMap(p -> p.getRules().stream())
        .map(rule -> rule.getPackageName() + "/" + rule.getName())
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Rule names in the order the knowledge base holds them, package by package. */
  static List<String> ruleOrder(RuleSet ruleSet) {
    return ruleSet.kieBase().getKiePackages().stream()
        .sorted(java.util.Comparator.comparing(p -> p.getName()))
        .flatMap(p -> p.getRules().stream().map(Rule::getName).sorted())
        .toList();
  }

  static Diagnosis dementia() {
    return new Diagnosis(
        "dementia",
        "c1",
        "http://hl7.org/fhir/sid/icd-10-cm",
        "F03.90",
        "Dementia",
        ClinicalStatus.ACTIVE,
        true,
        TODAY.minusYears(1),
        null,
        null);
  }

  static List<String> firedOnADementiaOrder(RuleSet ruleSet) {
    return new RuleEvaluator()
        .evaluate(
            ruleSet,
            List.of(
                new PatientInfo(70, "female"),
                dementia(),
                new KetamineOrder("MedicationRequest/m1", "ketamine"),
                new HookContext("order-sign", TODAY)))
        .firedRules();
  }

  @Test
  void aChangeInOnePackageCompilesThatPackageAndKeepsTheOthers() {
    RuleSet live = compiler.compile(RELEASED);
    RuleSet next =
        compiler.compile(
            changed(
                RELEASED,
                "cautions/ci-dementia.drl",
                drl -> drl.replace("rule \"Dementia, active\"", "rule \"Dementia, active (2)\"")));

    // Six packages (trd, considered, contraindications, cautions, course, interactions,
    // suggestions: seven in all) are the very same compiled units; the changed one is compiled
    // anew.
    var kept = new ArrayList<>(live.compiledUnits());
    kept.retainAll(next.compiledUnits());
    assertThat(live.compiledUnits()).hasSize(7);
    assertThat(next.compiledUnits()).hasSize(7);
    assertThat(kept).hasSize(6);
    assertThat(ruleNames(next))
        .contains("rules.cautions/Dementia, active (2)")
        .doesNotContain("rules.cautions/Dementia, active");
    assertThat(firedOnADementiaOrder(next)).contains("Dementia, active (2)");
    assertThat(firedOnADementiaOrder(live)).contains("Dementia, active");

    compiler.release(live);
    assertThat(compiler.unitsInUse()).containsExactlyInAnyOrderElementsOf(next.compiledUnits());
  }

  @Test
  void aReloadedRuleSetIsTheSameAsOneCompiledFromScratch() {
    RuleSource edited =
        changed(
            RELEASED,
            "cautions/ci-dementia.drl",
            drl -> drl.replace("category == \"dementia\", active", "category == \"dementia\""));
    compiler.compile(RELEASED);
    RuleSet reloaded = compiler.compile(edited);
    RuleSet cold = new RuleCompiler().compile(edited);

    assertThat(reloaded.compiledUnits()).isEqualTo(cold.compiledUnits());
    assertThat(ruleOrder(reloaded)).isEqualTo(ruleOrder(cold));
    assertThat(firedOnADementiaOrder(reloaded)).isEqualTo(firedOnADementiaOrder(cold));
  }

  @Test
  void aRemovedOrRenamedFileIsReallyGoneOrMoved() {
    RuleSet live = compiler.compile(RELEASED);
    assertThat(ruleNames(live)).contains("rules.cautions/Dementia, active");

    RuleSet removed = compiler.compile(without(RELEASED, "cautions/ci-dementia.drl"));
    assertThat(ruleNames(removed)).doesNotContain("rules.cautions/Dementia, active");
    assertThat(removed.ruleCount()).isEqualTo(live.ruleCount() - 1);
    assertThat(firedOnADementiaOrder(removed)).doesNotContain("Dementia, active");

    RuleSource source = without(RELEASED, "cautions/ci-dementia.drl");
    RuleSet renamed =
        compiler.compile(
            with(
                source, "cautions/dementia.drl", RELEASED.files().get("cautions/ci-dementia.drl")));
    assertThat(ruleNames(renamed)).contains("rules.cautions/Dementia, active");
    assertThat(renamed.ruleCount()).isEqualTo(live.ruleCount());
  }

  @Test
  void anAddedPackageComesAndGoesWithItsFile() {
    String extra =
        """
        package rules.extra;

        import org.ketaminecds.facts.PatientInfo;

        rule "Extra: an elderly patient"
        when
          PatientInfo( ageYears != null, ageYears >= 65 )
        then
        end
        """;
    RuleSet live = compiler.compile(RELEASED);
    RuleSet added = compiler.compile(with(RELEASED, "extra/extra.drl", extra));
    assertThat(added.compiledUnits()).hasSize(8).containsAll(live.compiledUnits());
    assertThat(firedOnADementiaOrder(added)).contains("Extra: an elderly patient");
    compiler.release(live);

    RuleSet removed = compiler.compile(RELEASED);
    compiler.release(added);
    assertThat(ruleNames(removed)).noneMatch(name -> name.startsWith("rules.extra/"));
    assertThat(firedOnADementiaOrder(removed)).doesNotContain("Extra: an elderly patient");
    assertThat(compiler.unitsInUse()).containsExactlyInAnyOrderElementsOf(removed.compiledUnits());
  }

  @Test
  void releasedRuleSetsLeaveNothingBehind() {
    RuleSet first = compiler.compile(RELEASED);
    RuleSet second =
        compiler.compile(
            changed(RELEASED, "trd/trd-criteria-met.drl", drl -> drl + "\n// edited\n"));
    compiler.release(first);
    compiler.release(second);

    assertThat(compiler.unitsInUse()).isEmpty();
    var repository = KieServices.Factory.get().getRepository();
    for (String unit : second.compiledUnits()) {
      assertThat(
              repository.getKieModule(
                  KieServices.Factory.get().newReleaseId("org.ketaminecds", "rules", unit)))
          .isNull();
    }
  }

  @Test
  void aBrokenPackageIsReportedAtItsLineAndLeavesTheKeptOnesAlone() {
    RuleSet live = compiler.compile(RELEASED);
    RuleSource broken =
        changed(RELEASED, "cautions/ci-dementia.drl", drl -> drl.replace("active )", "active "));

    assertThatThrownBy(() -> compiler.compile(broken))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        problem -> {
                          assertThat(problem.file()).isEqualTo("cautions/ci-dementia.drl");
                          assertThat(problem.line()).isPositive();
                        }));
    assertThat(compiler.unitsInUse()).containsExactlyInAnyOrderElementsOf(live.compiledUnits());
  }

  @Test
  void packagesThatNeedEachOtherAreCompiledTogether() {
    RuleSource source =
        with(
            with(
                RELEASED,
                "extra/elderly-type.drl",
                """
                package rules.helpers;

                declare Elderly
                  age : int
                end
                """),
            "extra/elderly.drl",
            """
            package rules.elderly;

            import org.ketaminecds.facts.PatientInfo;
            import rules.helpers.Elderly;

            rule "Elderly, a type declared in another package"
            when
              $p : PatientInfo( ageYears != null, ageYears >= 65 )
            then
              insert( new Elderly( $p.ageYears() ) );
            end

            rule "Elderly seen"
            when
              Elderly()
            then
            end
            """);

    RuleSet ruleSet = compiler.compile(source);

    // rules.elderly does not compile without rules.helpers: both are compiled in one unit.
    assertThat(ruleSet.compiledUnits()).singleElement().asString().startsWith("all-");
    assertThat(firedOnADementiaOrder(ruleSet))
        .contains("Elderly, a type declared in another package", "Elderly seen");
    assertThat(ruleSet.ruleCount()).isEqualTo(compiler.compile(RELEASED).ruleCount() + 2);
  }

  @Test
  void filesAreSortedByTheirPackageStatement() {
    assertThat(DrlPackages.packageOf("// a comment\n/* package not.this; */\npackage rules.a;\n"))
        .isEqualTo("rules.a");
    assertThat(DrlPackages.packageOf("package rules . b\nrule \"x\" when then end"))
        .isEqualTo("rules.b");
    assertThat(DrlPackages.packageOf("rule \"x\" when then end\npackage not.this;"))
        .isEqualTo(DrlPackages.DEFAULT_PACKAGE);
  }
}
