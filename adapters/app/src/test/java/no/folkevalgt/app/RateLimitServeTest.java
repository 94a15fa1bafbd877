package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import no.folkevalgt.core.RateLimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./bot} limits each user: the web chat says so kindly once a user's budget is spent. */
class RateLimitServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWebUserOverTheBudget_getsTheFriendlyMessage_andOthersAreServed() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        App app = new App(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), false, cli.env, home, KnowledgeFactory.LUCENE);
        try (ServeCommand.Running running = new ServeCommand(app).start()) {
            String base = "http://127.0.0.1:" + running.server().port();
            String kari = "fv_okt=web-0123456789abcdef";
            for (int i = 0; i < 10; i++) {
                assertThat(say(base, kari, "Hva er en interpellasjon?")).doesNotContain(RateLimiter.MESSAGE);
            }
            assertThat(say(base, kari, "Hva er en interpellasjon?")).isEqualTo(RateLimiter.MESSAGE);
            assertThat(say(base, kari, "/refleksjon mer åpenhet")).as("answers have their own budget")
                    .doesNotContain(RateLimiter.MESSAGE);
            assertThat(say(base, "fv_okt=web-fedcba9876543210", "Hva er en interpellasjon?"))
                    .doesNotContain(RateLimiter.MESSAGE);
        }
    }

    private String say(String base, String cookie, String text) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst", text, "navn", "Kari"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode blocks = JSON.readTree(r.body()).path("reply").path("blocks");
        return blocks.get(0).asText();
    }
}
