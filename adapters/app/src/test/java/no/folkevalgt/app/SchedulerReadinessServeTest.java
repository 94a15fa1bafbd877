package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import no.folkevalgt.testsupport.Waits;
import no.folkevalgt.web.ReadinessCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./bot} reports its post scheduler in {@code /readyz}: ok once it runs, not ok once it is stopped. */
class SchedulerReadinessServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void afterStart_readyzShowsTheSchedulerOk_andItsPollsForDuePosts_andAfterStopItIsNotAlive() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        BotServer running = BotServer.builder().settings(cli.env).workingDir(home).start();
        try {
            String base = "http://127.0.0.1:" + running.port();

            HttpResponse<String> ready = readyz(base);
            JsonNode checks = JSON.readTree(ready.body()).get("checks");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("ready");
            assertThat(checks.fieldNames()).toIterable().containsExactly("index", "database", "scheduler");
            assertThat(checks.get("scheduler").get("ok").asBoolean()).isTrue();
            assertThat(checks.get("scheduler").get("detail").asText()).isNotBlank();

            /*
             * Not only started but polling: the scheduler's detail says when its last poll for due posts
             * ran once it has run one (every 2 s by default). Waited for, never timed.
             */
            Waits.within(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> again = readyz(base);
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                JsonNode scheduler = JSON.readTree(again.body()).get("checks").get("scheduler");
                assertThat(scheduler.get("ok").asBoolean()).isTrue();
                assertThat(scheduler.get("detail").asText()).startsWith("last poll");
            });
        } finally {
            running.close();
        }
        ReadinessCheck stopped = running.services().schedulerReadiness();
        assertThat(stopped.ok()).as("after stop").isFalse();
        assertThat(stopped.detail()).contains("stopped");
    }

    private HttpResponse<String> readyz(String base) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
