package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * At LOG_LEVEL=debug a signed {@code /refleksjon} request leaves none of its body in the log: not the
 * anonymous answer, not the user id, not Slack's verification token (Slack's SDK logs whole bodies at
 * DEBUG; its loggers stay at INFO whatever LOG_LEVEL says).
 */
class SlackBodiesNeverLoggedTest {

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
        Logging.setLevel("warn");
    }

    @Test
    void aSignedReflectionAtDebugLevel_leavesNoBodyTextInTheLog() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        com.sun.net.httpserver.HttpServer slackApi = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        slackApi.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.endsWith("auth.test")
                    ? "{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"B1\",\"team_id\":\"T1\",\"team\":\"Test\"}"
                    : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            if (path.startsWith("/response")) {
                answered.countDown();
            }
        });
        slackApi.start();
        String slackBase = "http://127.0.0.1:" + slackApi.getAddress().getPort();
        String secret = "8f742231b10e8888abcd99yyyzzz85a5";
        Cli cli = new Cli(home);
        cli.env.putAll(Map.of("PORT", "0", "LOG_LEVEL", "debug", "SLACK_BOT_TOKEN", "xoxb-1-2-test",
                "SLACK_SIGNING_SECRET", secret, "SLACK_API_URL", slackBase + "/api/"));
        try (BotServer running = BotServer.builder().settings(cli.env).workingDir(home).start()) {
            assertThat(log.root.getLevel()).as("LOG_LEVEL=debug took effect").isEqualTo(Level.DEBUG);
            String body = "token=SlackVerifyTokenQ7&team_id=T1&channel_id=C1&user_id=UMEDLEMX9&command=%2Frefleksjon"
                    + "&text=hemmelig-tekst&trigger_id=trig-1&response_url="
                    + URLEncoder.encode(slackBase + "/response/1", StandardCharsets.UTF_8);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + running.port() + "/slack/events"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .headers(signed(body, secret))
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(answered.await(20, TimeUnit.SECONDS)).as("answered through response_url").isTrue();
        } finally {
            slackApi.stop(0);
        }

        assertThat(log.events()).as("debug lines were logged").anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
        for (ILoggingEvent event : log.events()) {
            assertThat(event.getFormattedMessage()).as("%s %s", event.getLevel(), event.getLoggerName())
                    .doesNotContain("hemmelig-tekst").doesNotContain("UMEDLEMX9").doesNotContain("SlackVerifyTokenQ7");
        }
    }

    private static String[] signed(String body, String secret) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
        return new String[] {"X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature};
    }
}
