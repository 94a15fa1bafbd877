package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code DATABASE_URL='postgres://u:Wr/ongSECRET@host/db' ./bot}: a database URL whose password holds
 * {@code /}, {@code @}, {@code :}, {@code %40} or a space never shows any part of that password on
 * standard output, standard error or in the log, whether the URL is malformed or the database is not there.
 */
class DatabasePasswordNeverShownTest {

    @TempDir
    Path home;

    private final CapturedLog log = new CapturedLog();

    @BeforeEach
    void capture() {
        log.start();
    }

    @AfterEach
    void release() {
        log.stop();
    }

    @Test
    void aPasswordWithSlashAtColonOrPercent_isNeverPrinted_byTheBot() throws Exception {
        /* Each password part is a word found nowhere else, so any part of it showing is caught. */
        List<String> parts = List.of("WrongA", "SecretB", "HiddenC", "PrivateD", "CovertE");
        List<String> urls = List.of(
                "postgres://u:Wr/ongA" + parts.get(0) + "@127.0.0.1:1/db",
                "postgres://u:p@ss" + parts.get(1) + "@127.0.0.1:1/db",
                "postgres://u:a:b/" + parts.get(2) + "@c@127.0.0.1:1/db",
                "postgres://u:x%40y" + parts.get(3) + "@127.0.0.1:1/db",
                "postgres://u:Wr/ong" + parts.get(0) + "@/db",
                "postgres://u:p@ss" + parts.get(1) + "@host:notaport/db",
                "postgres://u:pa ss/" + parts.get(4) + "@127.0.0.1:1/db",
                "postgresql://u:" + parts.get(2) + "/@x@",
                "jdbc:postgresql://127.0.0.1:1/db?user=u&password=a/b@" + parts.get(3));
        for (String url : urls) {
            Cli cli = new Cli(home);
            cli.env.putAll(Map.of("PORT", "0", "LOG_LEVEL", "debug", "DATABASE_URL", url));

            Cli.Result result = cli.run();

            assertThat(result.code()).as(url).isEqualTo(1);
            assertThat(result.err()).as(url).contains("Kunne ikke åpne databasen (DATABASE_URL)");
            for (String part : parts) {
                assertThat(result.out() + result.err()).as("what %s prints", url).doesNotContain(part);
            }
        }
        assertThat(log.events()).as("log lines").isNotEmpty();
        for (ILoggingEvent event : log.events()) {
            for (String part : parts) {
                assertThat(event.getFormattedMessage()).as("a log line").doesNotContain(part);
            }
        }
    }
}
