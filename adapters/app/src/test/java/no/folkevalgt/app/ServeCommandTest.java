package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./bot}: the whole bot on one HTTP server, started the way the launcher starts it. */
class ServeCommandTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void serve_answersInTheWebChat_reportsHealthAndMetrics_andStopsCleanly() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BotServer.Builder serve = BotServer.builder().settings(cli.env).workingDir(home)
                .out(new PrintStream(out, true, StandardCharsets.UTF_8));

        try (BotServer running = serve.start()) {
            String base = "http://127.0.0.1:" + running.port();
            assertThat(running.uri()).isEqualTo(URI.create(base + "/"));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Folkevalgt-bot kjører: http://localhost:")
                    .contains("/fasilitator");

            HttpResponse<String> page = get(base + "/");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                    .header("Content-Type", "application/json")
                    .header("Cookie", page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0])
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

    @Test
    void withSlackAndTeamsSettings_theSameServerServesThem_andRefusesWhatIsNotSigned() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        cli.env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        cli.env.put("SLACK_SIGNING_SECRET", "test-signing-secret");
        /* Slack's Web API faked on loopback: Bolt checks the token with auth.test when it starts. */
        com.sun.net.httpserver.HttpServer slackApi = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        slackApi.createContext("/api/", exchange -> {
            byte[] ok = "{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"B1\",\"team_id\":\"T1\",\"team\":\"Testkommunen\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        slackApi.start();
        cli.env.put("SLACK_API_URL", "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
        cli.env.put("MICROSOFT_APP_ID", "00000000-0000-0000-0000-0000000000a1");
        cli.env.put("MICROSOFT_APP_PASSWORD", "not-a-real-secret");

        try (BotServer running = BotServer.builder().settings(cli.env).workingDir(home).start()) {
            String base = "http://127.0.0.1:" + running.port();
            String body = "{\"type\":\"url_verification\",\"challenge\":\"kode-123\",\"token\":\"x\"}";
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                    .header("Content-Type", "application/json")
                    .header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", "v0=" + hmac("test-signing-secret", "v0:" + timestamp + ":" + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> teams = http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\",\"text\":\"hei\",\"id\":\"a1\","
                            + "\"serviceUrl\":\"http://127.0.0.1:9/\",\"channelId\":\"msteams\","
                            + "\"conversation\":{\"id\":\"c1\"},\"from\":{\"id\":\"29:u1\"},\"recipient\":{\"id\":\"28:bot\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(signed.statusCode()).isEqualTo(200);
            assertThat(signed.body()).contains("kode-123");
            assertThat(unsigned.statusCode()).isEqualTo(401);
            assertThat(teams.statusCode()).as("a Teams request without a Bot Framework token").isEqualTo(401);
        } finally {
            slackApi.stop(0);
        }
    }

    @Test
    void aReflectionPromptDueNow_isPostedToItsSlackChannel_byTheScheduler() throws Exception {
        Clock clock = Cli.noonInOslo();
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock.withZone(OSLO));
        java.time.ZonedDateTime start = now.minusMinutes(2).withSecond(0).withNano(0);
        java.time.format.DateTimeFormatter hm = java.time.format.DateTimeFormatter.ofPattern("HH.mm");
        Path programme = home.resolve("programme.yaml");
        java.nio.file.Files.writeString(programme, "title: Testprogram\nplace: Testkommunen\ntime_zone: Europe/Oslo\n"
                + "channels:\n  - slack:C0PROGRAM\n"
                + "days:\n  - day: 1\n    date: " + start.toLocalDate() + "\n    sessions:\n"
                + "      - start: " + start.format(hm) + "\n        end: " + start.plusHours(1).format(hm)
                + "\n        title: Budsjettverksted\n"
                + "prompts:\n  - title: Hva vil du prioritere?\n    text: Skriv det viktigste du vil prioritere i budsjettet.\n"
                + "    day: 1\n    opens: " + start.plusMinutes(1).format(hm) + "\n    closes: " + start.plusMinutes(50).format(hm) + "\n",
                StandardCharsets.UTF_8);
        java.util.List<String> posted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer slackApi = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        slackApi.createContext("/api/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().endsWith("chat.postMessage")) {
                posted.add(java.net.URLDecoder.decode(body, StandardCharsets.UTF_8));
            }
            byte[] ok = "{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"B1\",\"team_id\":\"T1\",\"channel\":\"C0PROGRAM\",\"ts\":\"1.1\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        slackApi.start();
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        cli.env.put("PROGRAMME_FILE", programme.toString());
        cli.env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        cli.env.put("SLACK_SIGNING_SECRET", "test-signing-secret");
        cli.env.put("SLACK_API_URL", "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");

        try (BotServer running = BotServer.builder().settings(cli.env).workingDir(home).clock(clock).start()) {
            assertThat(running.clock().instant()).isBetween(start.toInstant(), start.plusMinutes(3).toInstant());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> posted.stream().anyMatch(p -> p.contains("Hva vil du prioritere?")));
        } finally {
            slackApi.stop(0);
        }
        java.util.List<String> prompts = posted.stream().filter(p -> p.contains("Hva vil du prioritere?")).toList();
        assertThat(prompts).hasSize(1);
        assertThat(prompts.get(0)).contains("channel=C0PROGRAM").contains("/refleksjon");
    }

    private static String hmac(String secret, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
