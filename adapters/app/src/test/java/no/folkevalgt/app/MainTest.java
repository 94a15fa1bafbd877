package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.knowledge.IndexReport;
import no.folkevalgt.knowledge.IngestProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(home);
    }

    @AfterEach
    void resetLogLevel() {
        Logging.setLevel("warn");
    }

    @Test
    void help_listsTheCommands_inNorwegian() {
        Cli.Result result = cli.run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Bruk: bot")
                .contains("Kommandoer:")
                .contains("ask ").contains("chat ").contains("index ")
                .contains("--version").contains("Vis denne hjelpen og avslutt.");
    }

    @Test
    void subcommandHelp_describesTheOptions() {
        Cli.Result result = cli.run("ask", "--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Bruk: bot ask").contains("--json").contains("--top=N").contains("Valg:");
    }

    @Test
    void help_showsTheUsage() {
        Cli.Result result = cli.run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Bruk: bot");
    }

    @Test
    void version_isPrinted() {
        Cli.Result result = cli.run("--version");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Folkevalgt-bot 0.1.0");
    }

    @Test
    void unknownCommand_isAUsageError() {
        Cli.Result result = cli.run("spør", "hei");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("Feil: ukjent kommando eller argument «spør»");
    }

    @Test
    void badSetting_failsWithTheSettingsName() {
        cli.env.put("PORT", "åtti");

        Cli.Result result = cli.run("ask", "Hva er en interpellasjon?");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("PORT må være et heltall fra 0 (en ledig port) til 65535, men er «åtti».\n");
    }

    @Test
    void unexpectedFailure_givesAShortMessage_andAStackTraceOnlyWithDebug() {
        cli.knowledge = new FailingKnowledge();

        Cli.Result quiet = cli.run("ask", "Hva er en interpellasjon?");
        cli.env.put("LOG_LEVEL", "debug");
        Cli.Result verbose = cli.run("ask", "Hva er en interpellasjon?");

        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.err()).startsWith("Kunne ikke åpne søkeindeksen i ")
                .contains("disken er full")
                .doesNotContain("\tat ");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void dotEnvBesideTheLauncher_isRead() throws Exception {
        java.nio.file.Files.writeString(home.resolve(".env"), "CONTENT_DIR=annet-innhold\n");

        Cli.Result result = cli.run("ask", "Hva er en interpellasjon?");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains(home.resolve("annet-innhold").toString());
    }

    static final class FailingKnowledge implements KnowledgeFactory {
        @Override
        public KnowledgeBase open(Path contentDir, Path indexDir, Path synonyms) throws IOException {
            throw new IOException("disken er full");
        }

        @Override
        public IndexReport index(Path contentDir, Path indexDir, IngestProgress progress) {
            throw new IllegalStateException("disken er full");
        }
    }
}
