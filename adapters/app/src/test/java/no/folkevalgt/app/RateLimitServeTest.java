package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import no.folkevalgt.core.RateLimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bot} limits each user: the web chat says so kindly once a user's budget is spent, and limits
 * messages without a session cookie per address.
 */
class RateLimitServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWebUserOverTheBudget_getsTheFriendlyMessage_andOthersAreServed() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        try (BotServer running = BotServer.builder().settings(cli.env).workingDir(home).start()) {
            String base = "http://127.0.0.1:" + running.port();
            String kari = ChatSessions.fresh(base);
            for (int i = 0; i < 10; i++) {
                assertThat(say(base, kari, "Hva er en interpellasjon?")).doesNotContain(RateLimiter.MESSAGE);
            }
            assertThat(say(base, kari, "Hva er en interpellasjon?")).isEqualTo(RateLimiter.MESSAGE);
            assertThat(say(base, kari, "Hva er en interpellasjon?", "Et nytt navn")).as("a new name is no new budget")
                    .isEqualTo(RateLimiter.MESSAGE);
            assertThat(say(base, kari, "/refleksjon mer åpenhet")).as("answers have their own budget")
                    .doesNotContain(RateLimiter.MESSAGE);
            assertThat(say(base, ChatSessions.fresh(base), "Hva er en interpellasjon?"))
                    .doesNotContain(RateLimiter.MESSAGE);
        }
    }

    @Test
    void webMessagesWithoutASession_areRefused_thenLimitedPerAddress_andASessionFromTheSameAddressIsStillAnswered() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        try (BotServer running = BotServer.builder().settings(cli.env).workingDir(home).start()) {
            String base = "http://127.0.0.1:" + running.port();
            for (int i = 1; i <= 10; i++) {
                HttpResponse<String> r = ask(base, null);
                assertThat(r.statusCode()).as("cookie-less question %d", i).isEqualTo(401);
                assertThat(firstBlock(r)).isEqualTo("Økten din er ukjent eller utløpt. Last siden på nytt.");
            }
            /*
             * After the burst of 10 one more comes back every 3 s (wall time): 15 more are refused at least
             * once unless they take 45 s. Nothing here measures time.
             */
            int refused = 0;
            for (int i = 0; i < 15; i++) {
                HttpResponse<String> r = ask(base, null);
                if (r.statusCode() == 429) {
                    assertThat(firstBlock(r)).isEqualTo(RateLimiter.MESSAGE);
                    refused++;
                } else {
                    assertThat(r.statusCode()).isEqualTo(401);
                }
            }
            assertThat(refused).as("cookie-less questions refused after the allowance").isPositive();
            HttpResponse<String> withCookie = ask(base, ChatSessions.fresh(base));
            assertThat(withCookie.statusCode()).isEqualTo(200);
            assertThat(firstBlock(withCookie)).doesNotContain(RateLimiter.MESSAGE).contains("interpellasjon er et spørsmål");
        }
    }

    private HttpResponse<String> ask(String base, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst", "Hva er en interpellasjon?"))));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String firstBlock(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("reply").path("blocks").get(0).asText();
    }

    private String say(String base, String cookie, String text) throws Exception {
        return say(base, cookie, text, "Kari");
    }

    private String say(String base, String cookie, String text, String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst", text, "navn", name))))
                .build(), HttpResponse.BodyHandlers.ofString());
        /* Over the session's budget the web chat answers 429 with the bot's own limit message. */
        assertThat(r.statusCode()).isIn(200, 429);
        JsonNode blocks = JSON.readTree(r.body()).path("reply").path("blocks");
        return blocks.get(0).asText();
    }
}
