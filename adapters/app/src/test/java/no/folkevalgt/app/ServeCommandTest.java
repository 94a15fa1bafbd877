package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./bot}: the whole bot on one HTTP server, started the way the launcher starts it. */
class ServeCommandTest {

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void serve_answersInTheWebChat_reportsHealthAndMetrics_andStopsCleanly() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        App app = new App(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), false, cli.env, home, KnowledgeFactory.LUCENE);
        ServeCommand serve = new ServeCommand(app);

        try (ServeCommand.Running running = serve.start()) {
            String base = "http://127.0.0.1:" + running.server().port();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Folkevalgt-bot kjører: http://localhost:")
                    .contains("/fasilitator");

            HttpResponse<String> page = get(base + "/");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tekst\":\"Hva er en interpellasjon?\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = get(base + "/healthz");
            HttpResponse<String> ready = get(base + "/readyz");
            HttpResponse<String> metrics = get(base + "/metrics");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html").contains("lang=\"nb\"");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Interpellasjon").contains("testprogram.txt");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("folkevalgt_questions_total 1.0");
        }
        assertThat(home.resolve("data").resolve("folkevalgt.mv.db")).exists();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
