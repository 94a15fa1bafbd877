package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    @Test
    void defaults_areUnderBotHome() {
        Settings settings = Settings.load(Map.of("BOT_HOME", home.toString()), Path.of("/"));

        assertThat(settings.botHome()).isEqualTo(home);
        assertThat(settings.contentDir()).isEqualTo(home.resolve("content"));
        assertThat(settings.indexDir()).isEqualTo(home.resolve("data/index"));
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.logLevel()).isEqualTo("warn");
        assertThat(settings.synonyms()).isEmpty();
    }

    @Test
    void synonymsFile_isResolvedAgainstBotHome() {
        Settings settings = Settings.load(Map.of("BOT_HOME", home.toString(), "SYNONYMS_FILE", "config/synonymer.txt"),
                Path.of("/"));

        assertThat(settings.synonyms()).hasValue(home.resolve("config/synonymer.txt"));
    }

    @Test
    void botHome_defaultsToTheWorkingFolder() {
        assertThat(Settings.load(Map.of(), home).contentDir()).isEqualTo(home.resolve("content"));
    }

    @Test
    void environment_winsOverDotEnv_andRelativePathsFollowBotHome() throws Exception {
        Files.writeString(home.resolve(".env"), "PORT=9000\nCONTENT_DIR=materiale\nINDEX_DIR=/var/lib/bot/index\n");

        Settings settings = Settings.load(Map.of("BOT_HOME", home.toString(), "PORT", "9100"), Path.of("/"));

        assertThat(settings.port()).isEqualTo(9100);
        assertThat(settings.contentDir()).isEqualTo(home.resolve("materiale"));
        assertThat(settings.indexDir()).isEqualTo(Path.of("/var/lib/bot/index"));
    }

    @Test
    void dotEnvInTheWorkingFolder_winsOverTheOneInBotHome() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        Files.writeString(home.resolve(".env"), "PORT=9000\nLOG_LEVEL=info\n");
        Files.writeString(work.resolve(".env"), "PORT=9001\n");

        Settings settings = Settings.load(Map.of("BOT_HOME", home.toString()), work);

        assertThat(settings.port()).isEqualTo(9001);
        assertThat(settings.logLevel()).isEqualTo("info");
    }

    @Test
    void databaseUrl_isNeverPrinted() {
        Settings settings = Settings.load(Map.of("DATABASE_URL", "jdbc:postgresql://db/bot?password=hemmelig"), home);

        assertThat(settings.databaseUrl()).hasValue("jdbc:postgresql://db/bot?password=hemmelig");
        assertThat(settings.toString()).doesNotContain("hemmelig").contains("databaseUrl=(satt)");
    }

    @Test
    void badValues_areNamedExactly() {
        assertThatThrownBy(() -> Settings.load(Map.of("PORT", "70000"), home))
                .isInstanceOf(UserError.class)
                .hasMessage("PORT må være et heltall fra 0 (en ledig port) til 65535, men er «70000».");
        assertThatThrownBy(() -> Settings.load(Map.of("LOG_LEVEL", "mye"), home))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("LOG_LEVEL må være en av error, warn, info, debug, trace og off");
        assertThat(Settings.load(Map.of("LOG_LEVEL", "DEBUG"), home).debug()).isTrue();
    }

    @Test
    void retentionMetricsTokenAndLogFormat_defaultsAndBadValues() {
        Settings defaults = Settings.load(Map.of(), home);
        assertThat(defaults.retentionDays()).isEqualTo(90);
        assertThat(defaults.metricsToken()).isEmpty();
        assertThat(defaults.logFormat()).isEqualTo("text");
        Settings set = Settings.load(Map.of("RETENTION_DAYS", " 0 ", "METRICS_TOKEN", " hemmelig-token ", "LOG_FORMAT", "JSON"), home);
        assertThat(set.retentionDays()).isZero();
        assertThat(set.metricsToken()).contains("hemmelig-token");
        assertThat(set.logFormat()).isEqualTo("json");
        assertThat(set.toString()).doesNotContain("hemmelig-token");
        for (String bad : java.util.List.of("-1", "90 dager", "36501")) {
            assertThatThrownBy(() -> Settings.load(Map.of("RETENTION_DAYS", bad), home))
                    .isInstanceOf(UserError.class)
                    .hasMessage("RETENTION_DAYS må være et helt antall dager fra 0 (ta vare på alt) til 36500, men er «"
                            + bad + "».");
        }
        assertThatThrownBy(() -> Settings.load(Map.of("LOG_FORMAT", "xml"), home))
                .isInstanceOf(UserError.class)
                .hasMessage("LOG_FORMAT må være text eller json, men er «xml».");
    }

    @Test
    void dotEnv_parsesCommentsQuotesAndExport() {
        DotEnv env = DotEnv.parse(List.of(
                "# kommentar",
                "",
                "export PORT=8081",
                "CONTENT_DIR = /srv/innhold # etter verdien",
                "SLACK_BOT_TOKEN=\"xoxb-1 #2\"",
                "QUOTED='en \\n to'",
                "ESCAPED=\"linje1\\nlinje2\"",
                "EMPTY="), ".env");

        assertThat(env.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PORT", "8081",
                "CONTENT_DIR", "/srv/innhold",
                "SLACK_BOT_TOKEN", "xoxb-1 #2",
                "QUOTED", "en \\n to",
                "ESCAPED", "linje1\nlinje2",
                "EMPTY", ""));
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void dotEnv_reportsBadLines_withoutTheirValues() {
        DotEnv env = DotEnv.parse(List.of("PORT=1", "bare tekst", "SECRET=\"hemmelig", "1BAD=x"), ".env");

        assertThat(env.values()).containsOnlyKeys("PORT");
        assertThat(env.problems()).containsExactly(
                ".env linje 2: forventet NAVN=verdi",
                ".env linje 3: SECRET mangler avsluttende anførselstegn",
                ".env linje 4: forventet NAVN=verdi");
        assertThat(String.join(" ", env.problems())).doesNotContain("hemmelig");
    }
}
