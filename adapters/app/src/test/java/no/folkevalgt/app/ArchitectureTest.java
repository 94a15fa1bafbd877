package no.folkevalgt.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules, checked on the production classes of every module (this module's tests see them all):
 * the core depends on no platform SDK, web server, database library or search engine; the front ends do
 * not depend on each other; no cycles between the modules' packages.
 */
class ArchitectureTest {

    /* What the core must never see: the platforms, the web server, the database, the search engine, AWT. */
    static final String[] OUTSIDE_THE_CORE = {
        "com.slack..", "com.microsoft..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
        "java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb..", "com.github.kagkarlsson..",
        "org.h2..", "org.postgresql..", "org.apache.lucene..", "org.apache.tika..", "java.awt..", "javax.imageio..",
        "no.folkevalgt.knowledge..", "no.folkevalgt.storage..", "no.folkevalgt.http..", "no.folkevalgt.web..",
        "no.folkevalgt.slack..", "no.folkevalgt.teams..", "no.folkevalgt.app..", "no.folkevalgt.wordcloud..",
    };

    static final ArchRule CORE_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("no.folkevalgt.core..")
            .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_THE_CORE)
            .because("the core talks to the world through its ports (no.folkevalgt.core.port) only");

    static final ArchRule FRONT_ENDS_STAND_ALONE = slices().matching("no.folkevalgt.(http|web|slack|teams)..")
            .should().notDependOnEachOther()
            .because("each front end reaches the others only through the core and the composition root (app)");

    static final ArchRule IMPLEMENTATIONS_KNOW_NO_FRONT_END = noClasses()
            .that().resideInAnyPackage("no.folkevalgt.knowledge..", "no.folkevalgt.storage..", "no.folkevalgt.wordcloud..")
            .should().dependOnClassesThat().resideInAnyPackage("no.folkevalgt.http..", "no.folkevalgt.web..",
                    "no.folkevalgt.slack..", "no.folkevalgt.teams..", "no.folkevalgt.app..");

    static final ArchRule NO_CYCLES = slices().matching("no.folkevalgt.(**)").should().beFreeOfCycles();

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ArchitectureTest::isProduction)
                .importPackages("no.folkevalgt");
    }

    /* Production classes only: no test-classes folders and no test-jars of the other modules. */
    private static boolean isProduction(Location location) {
        return !location.contains("/test-classes/") && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"))
                && ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location);
    }

    @Test
    void everyModuleIsImported() {
        assertThat(production.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("core", "knowledge", "storage", "http", "web", "slack", "teams", "app", "wordcloud");
        assertThat(production.stream().map(c -> c.getName()))
                .as("no test classes").doesNotContain(ArchitectureTest.class.getName())
                .contains("no.folkevalgt.core.Bot", "no.folkevalgt.core.port.KnowledgeBase");
    }

    @Test
    void theCore_dependsOnNoSdkWebServerDatabaseOrSearchEngine() {
        CORE_IS_PLAIN_JAVA.check(production);
    }

    @Test
    void theFrontEnds_doNotDependOnEachOther() {
        FRONT_ENDS_STAND_ALONE.check(production);
    }

    @Test
    void knowledgeStorageAndWordCloud_knowNoFrontEnd() {
        IMPLEMENTATIONS_KNOW_NO_FRONT_END.check(production);
    }

    @Test
    void noPackageCycles() {
        NO_CYCLES.check(production);
    }

    @Test
    void theRules_catchWhatTheyForbid() {
        JavaClasses offenders = new ClassFileImporter().importClasses(
                no.folkevalgt.core.ArchitectureOffender.class, no.folkevalgt.slack.ArchitectureOffender.class);

        EvaluationResult core = CORE_IS_PLAIN_JAVA.evaluate(offenders);
        assertThat(core.hasViolation()).isTrue();
        assertThat(core.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains("org.apache.lucene"));

        EvaluationResult frontEnds = FRONT_ENDS_STAND_ALONE.evaluate(offenders);
        assertThat(frontEnds.hasViolation()).isTrue();
        assertThat(frontEnds.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains("no.folkevalgt.web"));
    }
}
