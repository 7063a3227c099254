package io.newsflow.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The design as rules on the compiled main code of every module (the launcher's test class path holds them all):
 * which module may use which, which package inside the two big features may use which, and no package cycles.
 * The package-info of each package says the same in words.
 */
class ArchitectureTest {

    /** What every module may use: the schemas module's packages and the shared text rules. */
    private static final String[] SHARED = {"io.newsflow.schemas..", "io.newsflow.wire..", "io.newsflow.topics..",
            "io.newsflow.metrics..", "io.newsflow.text.."};

    /** Each module (by its packages) and the newsflow packages it may use besides the shared ones. */
    private static final List<Rule> MODULES = List.of(
            new Rule("io.newsflow.text..", "io.newsflow.text.."),
            new Rule("io.newsflow.broker..", "io.newsflow.broker.."),
            new Rule("io.newsflow.ingest..", "io.newsflow.ingest.."),
            new Rule("io.newsflow.enrich..", "io.newsflow.enrich.."),
            new Rule("io.newsflow.sink..", "io.newsflow.sink.."),
            new Rule("io.newsflow.eval..", "io.newsflow.eval..", "io.newsflow.ingest..", "io.newsflow.enrich.."));

    /** Packages of grouping and feeds and what each may use inside its feature (outside it, the module rule holds). */
    private static final List<Rule> FEATURES = List.of(
            new Rule("io.newsflow.enrich.grouping.text..", "io.newsflow.enrich.grouping.text..",
                    "io.newsflow.enrich.tagging.."),
            new Rule("io.newsflow.enrich.grouping.vectors..", "io.newsflow.enrich.grouping.vectors.."),
            new Rule("io.newsflow.enrich.grouping.state..", "io.newsflow.enrich.grouping.state..",
                    "io.newsflow.enrich.grouping.text..", "io.newsflow.enrich.grouping.vectors..",
                    "io.newsflow.enrich.tagging.."),
            new Rule("io.newsflow.enrich.grouping.clustering..", "io.newsflow.enrich.grouping.clustering..",
                    "io.newsflow.enrich.grouping.text..", "io.newsflow.enrich.grouping.vectors..",
                    "io.newsflow.enrich.grouping.state..", "io.newsflow.enrich.tagging.."),
            new Rule("io.newsflow.ingest.feeds.config..", "io.newsflow.ingest.feeds.config.."),
            new Rule("io.newsflow.ingest.feeds.parsing..", "io.newsflow.ingest.feeds.parsing..",
                    "io.newsflow.ingest.text..", "io.newsflow.ingest.extract.."),
            new Rule("io.newsflow.ingest.feeds.http..", "io.newsflow.ingest.feeds.http..",
                    "io.newsflow.ingest.feeds.config.."),
            new Rule("io.newsflow.ingest.feeds.items..", "io.newsflow.ingest.feeds.items..",
                    "io.newsflow.ingest.feeds.parsing..", "io.newsflow.ingest.text.."));

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::notATestJar)
                .importPackages("io.newsflow");
    }

    private static boolean notATestJar(Location location) {
        return !location.contains("-tests.jar");
    }

    @TestFactory
    List<DynamicTest> eachModuleUsesOnlyTheModulesBeneathIt() {
        return check(MODULES, true);
    }

    @TestFactory
    List<DynamicTest> eachPackageOfGroupingAndFeedsUsesOnlyThoseBeneathIt() {
        return check(FEATURES, false);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.newsflow.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void noStageUsesTheLauncherTheBrokerOrTheEvaluation() {
        classes().that().resideInAnyPackage("io.newsflow.ingest..", "io.newsflow.enrich..", "io.newsflow.sink..")
                .should().onlyDependOnClassesThat(not(resideInAnyPackage("io.newsflow.launcher..",
                        "io.newsflow.broker..", "io.newsflow.eval..")))
                .check(main);
    }

    private static List<DynamicTest> check(List<Rule> rules, boolean moduleRules) {
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.packages(), () -> {
            String feature = rule.packages().replaceAll("\\.[a-z]+\\.\\.$", "..");
            var allowed = resideOutsideOfPackage(moduleRules ? "io.newsflow.." : feature)
                    .or(resideInAnyPackage(rule.mayUse()))
                    .or(resideInAnyPackage(SHARED));
            classes().that().resideInAPackage(rule.packages()).should().onlyDependOnClassesThat(allowed)
                    .check(main);
        })).toList();
    }

    private record Rule(String packages, String... mayUse) {
    }
}
