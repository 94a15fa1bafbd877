package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.folkevalgt.core.port.ReflectionAnswer;

/**
 * The embedded default while the bot runs: a second process (./bot export, a second instance) opens
 * the same H2 file through the server the first one started, which listens on loopback only.
 */
class EmbeddedDefaultSharingTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondProcess_opensTheEmbeddedDefault_whileTheBotHoldsIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process bot = new ProcessBuilder(java, "-cp", classPath, "-Dlogback.configurationFile=logback-test.xml",
                EmbeddedDefaultProcess.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(bot.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("READY");

            Properties lock = new Properties();
            try (Reader reader = Files.newBufferedReader(dataDir.resolve("folkevalgt.lock.db"), StandardCharsets.ISO_8859_1)) {
                lock.load(reader);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("the bot's H2 server").matches("(localhost|127\\.0\\.0\\.1):\\d+");
            assertListensOnLoopbackOnly(Integer.parseInt(server.substring(server.indexOf(':') + 1)));

            try (Database second = Database.fromSetting("", dataDir)) {
                JdbcReflectionStore store = new JdbcReflectionStore(second);
                store.add(1, "local", "export", "fra den andre prosessen", Instant.now(), null);
                assertThat(store.forPrompt(1)).extracting(ReflectionAnswer::text)
                        .containsExactly("fra boten", "fra den andre prosessen");
            }

            in.write("\n");
            in.flush();
            assertThat(out.readLine()).isEqualTo("COUNT 2");
        } finally {
            if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                bot.destroyForcibly();
            }
        }
        assertThat(bot.exitValue()).isZero();
    }

    /* Reads the kernel's socket tables (Linux) rather than connecting from elsewhere: no traffic needed. */
    private static void assertListensOnLoopbackOnly(int port) throws Exception {
        Path tcp = Path.of("/proc/net/tcp");
        Assumptions.assumeTrue(Files.isReadable(tcp), "no /proc/net/tcp on this system");
        String hexPort = String.format(":%04X", port);
        List<String> listening = new ArrayList<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (Files.isReadable(table)) {
                Files.readAllLines(table).stream().skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(cols -> cols[1].endsWith(hexPort) && cols[3].equals("0A"))
                        .forEach(cols -> listening.add(cols[1].substring(0, cols[1].indexOf(':'))));
            }
        }
        /* 127.0.0.1, the same as an IPv4-mapped IPv6 address, or ::1 */
        assertThat(listening).as("addresses listening on port " + port).isNotEmpty()
                .allMatch(address -> address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F")
                        || address.equals("00000000000000000000000001000000"), "loopback");
    }
}
