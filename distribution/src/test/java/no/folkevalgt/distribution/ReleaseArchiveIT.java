package no.folkevalgt.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as an operator gets it: {@code folkevalgt-bot-VERSION.tar.gz} from this build,
 * unpacked into an empty folder, run through its {@code bin/bot} with nothing on the {@code PATH} but
 * {@code java} (no Maven, no bash, no settings from this machine), from another working folder.
 */
class ReleaseArchiveIT {

    private static final String QUESTION = "Hva er en interpellasjon?";

    @TempDir
    static Path tmp;

    private static Path home;
    private static Path work;
    private static Map<String, String> env;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("release.archive"));
        assertThat(archive).as("the archive mvn package made").isRegularFile();
        Path unpacked = Files.createDirectory(tmp.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        String tarOutput = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as("tar: " + tarOutput).isZero();
        try (var entries = Files.list(unpacked)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList())
                    .as("one folder named after the release").containsExactly(System.getProperty("release.name"));
        }
        home = unpacked.resolve(System.getProperty("release.name"));

        /* A PATH holding java alone: the launcher must need nothing else. */
        Path javaOnly = Files.createDirectory(tmp.resolve("java-only"));
        Files.createSymbolicLink(javaOnly.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        work = Files.createDirectory(tmp.resolve("work"));
        env = Map.of("PATH", javaOnly.toString(), "HOME", work.toString());
    }

    @Test
    void holdsTheJarTheLauncherTheSettingsTheMaterialAndTheLicence() throws IOException {
        assertThat(home.resolve("lib/folkevalgt-bot.jar")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/bot"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/bot"))).startsWith("#!/bin/sh\n").doesNotContain("\r");
        assertThat(Files.readString(home.resolve(".env.example"))).contains("# DATABASE_URL=", "# PORT=8080");
        assertThat(home.resolve("config/programme.yaml")).isRegularFile();
        assertThat(home.resolve("config/synonymer.txt")).isRegularFile();
        assertThat(home.resolve("content/ks-folkevalgtprogram-rakkestad-2019.txt")).isRegularFile();
        assertThat(home.resolve("content/ks-folkevalgtprogram-rakkestad-2019.sporsmal.txt")).isRegularFile();
        assertThat(home.resolve("content/ks-folkevalgtprogram-rakkestad-2019.tittel.txt")).content(StandardCharsets.UTF_8)
                .isEqualTo("KS Folkevalgtprogram, Rakkestad 2019\n");
        assertThat(home.resolve("content/CREDITS")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("CHANGELOG.md")).isRegularFile();
        assertThat(Files.readString(home.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(home.resolve("data")).as("nothing of this machine's data").doesNotExist();
    }

    @Test
    void answersAQuestionWithOnlyJava() throws Exception {
        Process ask = start(List.of(home.resolve("bin/bot").toString(), "ask", "--json", QUESTION));
        String out = new String(ask.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(ask.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ask.waitFor()).as("exit code; standard error: " + err).isZero();

        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.get("question").asText()).isEqualTo(QUESTION);
        assertThat(json.get("answered").asBoolean()).isTrue();
        assertThat(json.get("answer").asText()).isEqualTo("• Interpellasjon\n\n"
                + "Kilde: «Hvordan utøve folkevalgt lederskap i praksis?», lysbilde 17 (KS Folkevalgtprogram, Rakkestad 2019)");
        assertThat(json.get("hits").get(0).get("source").asText()).isEqualTo("ks-folkevalgtprogram-rakkestad-2019.txt");
        assertThat(json.get("hits").get(0).get("material").asText()).isEqualTo("KS Folkevalgtprogram, Rakkestad 2019");
        assertThat(json.get("hits").get(0).get("slide").asInt()).isEqualTo(17);
    }

    @Test
    void printsItsVersion() throws Exception {
        Process version = start(List.of(home.resolve("bin/bot").toString(), "--version"));
        String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor()).isZero();
        String name = System.getProperty("release.name");
        assertThat(out).startsWith("Folkevalgt-bot " + name.substring("folkevalgt-bot-".length()) + "\n");
    }

    @Test
    void servesAndIsReady() throws Exception {
        int port = freePort();
        Path errors = tmp.resolve("serve-stderr.txt");
        ProcessBuilder builder = builder(List.of(home.resolve("bin/bot").toString(), "serve", "--port", String.valueOf(port)));
        builder.redirectError(errors.toFile());
        Process serve = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the first line; standard error: " + (Files.exists(errors) ? Files.readString(errors) : ""))
                    .isEqualTo("Folkevalgt-bot kjører: http://localhost:" + port + "/");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
            HttpResponse<String> ready = untilReady(http, readyz, Duration.ofSeconds(60));
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"");

            /* Its data (the embedded database, the index) is in the unpacked folder, not the working folder. */
            assertThat(home.resolve("data/folkevalgt.mv.db")).isRegularFile();
            assertThat(home.resolve("data/index")).isDirectory();
            try (var left = Files.list(work)) {
                assertThat(left.toList()).isEmpty();
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** Polls until ready, as a load balancer does: the scheduler reports ready after its first poll. */
    private static HttpResponse<String> untilReady(HttpClient http, URI uri, Duration within) {
        return await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() == 200);
    }

    private static Process start(List<String> command) throws IOException {
        return builder(command).start();
    }

    private static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
