package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Committed before the confirmation is sent" on the embedded default: a bot process killed outright
 * (kill -9) keeps every answer whose add() had returned. With H2's own WRITE_DELAY of 500 ms this
 * test loses thousands of them.
 */
class EmbeddedDefaultDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void everyAnswerConfirmedBeforeTheProcessIsKilled_isStored() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process bot = new ProcessBuilder(java, "-cp", classPath, "-Dlogback.configurationFile=logback-test.xml",
                AnswerWriterProcess.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long confirmed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("the writer's first answer").isEqualTo("1");
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            String line = first;
            while (System.nanoTime() < end && line != null) {
                confirmed = Long.parseLong(line);
                line = out.readLine();
            }
            bot.destroyForcibly();
            bot.waitFor(10, TimeUnit.SECONDS);
        }

        try (Database db = Database.fromSetting("", dataDir)) {
            int stored = new JdbcReflectionStore(db).count(1);
            assertThat(confirmed).isGreaterThan(100);
            assertThat((long) stored).as("answers stored of " + confirmed + " confirmed").isGreaterThanOrEqualTo(confirmed);
        }
    }
}
