package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.folkevalgt.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The configured secrets never appear in a log line (at debug level, with the exception and its causes),
 * on standard output or standard error, or in an HTTP response, through a full start, traffic on every
 * front end including failures, and a failed start on a database that is not there. Each event is also
 * written as {@code LOG_FORMAT=json} writes it, and those lines carry no secret either.
 */
class SecretsNeverLoggedTest {

    @TempDir
    Path home;

    /** Loggers known to print the facilitator token at DEBUG (see the comment in the first test). */

    private final HttpClient http = HttpClient.newHttpClient();
    private final Capture capture = new Capture();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;
    private final List<String> responses = new ArrayList<>();

    private static String marker(String name) {
        return name + "MRK" + HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private final String slackToken = "xoxb-" + marker("slacktoken");
    private final String signingSecret = marker("signing");
    private final String appPassword = marker("msapppw");
    private final String facilitatorToken = marker("facilitator");
    private final String dbPassword = marker("dbpw");

    /* The console appenders are set aside while LOG_LEVEL=debug runs, so the build log stays readable. */
    private final List<ch.qos.logback.core.Appender<ILoggingEvent>> setAside = new ArrayList<>();

    @BeforeEach
    void attach() {
        rootLevel = root.getLevel();
        root.iteratorForAppenders().forEachRemaining(setAside::add);
        setAside.forEach(root::detachAppender);
        capture.json.setContext(root.getLoggerContext());
        capture.json.setFormat("json");
        capture.json.start();
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void detach() {
        root.detachAppender(capture);
        setAside.forEach(root::addAppender);
        root.setLevel(rootLevel);
    }

    @Test
    void aFullRunWithTrafficAndFailures_logsNoSecret() throws Exception {
        com.sun.net.httpserver.HttpServer slackApi = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> slackCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
        slackApi.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            slackCalls.add(path);
            /* auth.test succeeds; everything after fails as a revoked token would. */
            byte[] body = (path.endsWith("auth.test")
                    ? "{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"B1\",\"team_id\":\"T1\",\"team\":\"Test\"}"
                    : "{\"ok\":false,\"error\":\"invalid_auth\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(path.contains("response") ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slackApi.start();
        String slackBase = "http://127.0.0.1:" + slackApi.getAddress().getPort();
        Cli cli = new Cli(home);
        cli.env.putAll(Map.of("PORT", "0", "LOG_LEVEL", "debug",
                "SLACK_BOT_TOKEN", slackToken, "SLACK_SIGNING_SECRET", signingSecret,
                "SLACK_API_URL", slackBase + "/api/",
                "MICROSOFT_APP_ID", "00000000-0000-0000-0000-0000000000a1", "MICROSOFT_APP_PASSWORD", appPassword,
                "FACILITATOR_TOKEN", facilitatorToken,
                "DATABASE_URL", "jdbc:h2:file:" + home.resolve("data").resolve("hemmelig").toAbsolutePath()
                        + ";USER=folkevalgt;PASSWORD=" + dbPassword));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BotServer running = BotServer.builder().settings(cli.env).workingDir(home)
                .out(new PrintStream(out, true, StandardCharsets.UTF_8)).start()) {
            assertThat(root.getLevel()).as("LOG_LEVEL=debug took effect").isEqualTo(Level.DEBUG);
            String base = "http://127.0.0.1:" + running.port();
            // web chat: a question, an answer, garbage
            String session = ChatSessions.fresh(base);
            post(base + "/api/melding", "application/json", "{\"tekst\":\"Hva er en interpellasjon?\"}", Map.of("Cookie", session));
            post(base + "/api/melding", "application/json", "{\"tekst\":\"/refleksjon mer åpenhet\"}", Map.of("Cookie", session));
            post(base + "/api/melding", "application/json", "{\"tekst\":", Map.of("Cookie", session));
            post(base + "/api/melding", "application/json", "{\"tekst\":\"uten økt\"}", Map.of());
            // facilitator page: right token three ways, wrong token, through a proxy
            get(base + "/fasilitator?token=" + facilitatorToken, Map.of());
            get(base + "/fasilitator/eksport.csv?oppgave=1", Map.of("X-Fasilitator-Token", facilitatorToken));
            get(base + "/fasilitator", Map.of("Authorization", "Bearer " + facilitatorToken));
            get(base + "/fasilitator?token=feil-kode-123456", Map.of("X-Forwarded-For", "203.0.113.9"));
            get(base + "/fasilitator?token=" + facilitatorToken + "x", Map.of("X-Forwarded-For", "203.0.113.9"));
            // Slack: signed slash command (its response_url fails), unsigned, badly signed, malformed
            String slash = "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Ffolkevalgt&text=hjelp&trigger_id=t1"
                    + "&response_url=" + java.net.URLEncoder.encode(slackBase + "/response/1", StandardCharsets.UTF_8);
            post(base + "/slack/events", "application/x-www-form-urlencoded", slash, signed(slash, signingSecret));
            post(base + "/slack/events", "application/x-www-form-urlencoded", slash, Map.of());
            post(base + "/slack/events", "application/x-www-form-urlencoded", slash, signed(slash, "feil"));
            post(base + "/slack/events", "application/json", "[1,2]", signed("[1,2]", signingSecret));
            String mention = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":"
                    + "\"app_mention\",\"user\":\"U1\",\"text\":\"<@UBOT> hjelp\",\"ts\":\"1.1\",\"channel\":\"C1\","
                    + "\"event_ts\":\"1.1\"}}";
            post(base + "/slack/events", "application/json", mention, signed(mention, signingSecret));
            // Teams: no token, a token that is not a JWT
            String activity = "{\"type\":\"message\",\"id\":\"1\",\"serviceUrl\":\"" + slackBase + "/teams/\","
                    + "\"channelId\":\"msteams\",\"from\":{\"id\":\"29:u\"},\"conversation\":{\"id\":\"a:1\"},"
                    + "\"recipient\":{\"id\":\"28:b\"},\"text\":\"hei\"}";
            post(base + "/api/messages", "application/json", activity, Map.of());
            post(base + "/api/messages", "application/json", activity, Map.of("Authorization", "Bearer ikke.en.jwt"));
            get(base + "/metrics", Map.of());
            get(base + "/readyz", Map.of());
            /* The Slack answers go out asynchronously and fail: wait until both failures are logged. */
            Waits.within(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(slackCalls).anyMatch(p -> p.startsWith("/response/")).anyMatch(p -> p.contains("chat."));
                assertThat(capture.lines()).anyMatch(l -> l.contains("response_url answered HTTP 500"))
                        .anyMatch(l -> l.contains("invalid_auth"));
            });
        } finally {
            slackApi.stop(0);
        }
        assertThat(capture.lines()).as("log lines captured").hasSizeGreaterThan(20);
        List<String> leaks = leaks(capture.lines());
        assertThat(leaks).as("log lines that carry a secret").isEmpty();
        assertThat(capture.jsonLines()).hasSameSizeAs(capture.lines());
        for (String line : capture.jsonLines()) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        }
        assertNoSecret(String.join("\n", capture.jsonLines()), "the JSON log lines");
        assertNoSecret(out.toString(StandardCharsets.UTF_8), "standard output");
        assertNoSecret(String.join("\n", responses), "HTTP responses");
    }

    @Test
    void aDatabaseThatIsNotThere_failsTheStartWithoutShowingItsPassword() throws Exception {
        for (String url : List.of("postgres://folkevalgt:" + dbPassword + "@127.0.0.1:1/folkevalgt",
                "jdbc:postgresql://127.0.0.1:1/folkevalgt?user=folkevalgt&password=" + dbPassword,
                "ikke-en-url://folkevalgt:" + dbPassword + "@vert/db")) {
            Cli cli = new Cli(home);
            cli.env.putAll(Map.of("PORT", "0", "LOG_LEVEL", "debug", "DATABASE_URL", url,
                    "SLACK_BOT_TOKEN", slackToken, "SLACK_SIGNING_SECRET", signingSecret,
                    "SLACK_API_URL", "http://127.0.0.1:1/api/"));
            Cli.Result result = cli.run("serve");
            assertThat(result.code()).as(url).isEqualTo(1);
            assertThat(result.err()).as(url).isNotBlank();
            assertNoSecret(result.out() + "\n" + result.err(), "the output for " + url.substring(0, 12));
        }
        assertThat(leaks(capture.lines())).as("log lines that carry a secret").isEmpty();
        assertNoSecret(String.join("\n", capture.jsonLines()), "the JSON log lines");
    }

    /** The loggers whose lines carry a secret, with the first such line of each (to name the leak precisely). */
    private List<String> leaks(List<String> lines) {
        Map<String, String> byLogger = new java.util.TreeMap<>();
        for (String line : lines) {
            for (String secret : List.of(slackToken, signingSecret, appPassword, facilitatorToken, dbPassword)) {
                if (line.contains(secret)) {
                    String[] parts = line.split(" ", 3);
                    byLogger.putIfAbsent(secret.substring(0, secret.indexOf("MRK")) + " <- " + parts[0] + " " + parts[1],
                            around(line, secret));
                }
            }
        }
        return byLogger.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().replace('\n', ' ')).toList();
    }

    private void assertNoSecret(String text, String where) {
        for (String secret : List.of(slackToken, signingSecret, appPassword, facilitatorToken, dbPassword)) {
            String name = secret.substring(0, secret.indexOf("MRK"));
            assertThat(text.contains(secret)).as("%s carries the secret %s:\n%s", where, name, around(text, secret))
                    .isFalse();
        }
    }

    private static String around(String text, String secret) {
        int at = text.indexOf(secret);
        return at < 0 ? "" : text.substring(Math.max(0, at - 300), Math.min(text.length(), at + secret.length() + 100));
    }

    private void post(String url, String type, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .timeout(java.time.Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(r::header);
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        responses.add(response.statusCode() + " " + response.headers().map() + " " + response.body());
    }

    private void get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(20));
        headers.forEach(r::header);
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        /* The facilitator page sets its cookie from ?token=: that one response carries the token by design. */
        String setCookie = response.headers().firstValue("Set-Cookie").orElse("");
        String headersShown = setCookie.startsWith("fasilitator_token=") && url.contains("?token=" + facilitatorToken)
                && !url.endsWith("x")
                ? response.headers().map().entrySet().stream().filter(e -> !e.getKey().equalsIgnoreCase("set-cookie"))
                        .toList().toString()
                : response.headers().map().toString();
        responses.add(response.statusCode() + " " + headersShown + " " + response.body());
    }

    private static Map<String, String> signed(String body, String secret) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
        return Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature);
    }

    /** Every event as text: the message, its arguments, MDC, and each exception in the chain with its stack. */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = new ArrayList<>();
        private final List<String> jsonLines = new ArrayList<>();
        /* What LOG_FORMAT=json writes for each event. */
        final LogEncoder json = new LogEncoder();

        @Override
        protected synchronized void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                    + event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                line.append(" args=").append(Arrays.deepToString(event.getArgumentArray()));
            }
            line.append(" mdc=").append(event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append("\n  ").append(t.getClassName()).append(": ").append(t.getMessage());
                for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                    line.append("\n    ").append(s.getSTEAsString());
                }
                for (IThrowableProxy suppressed : t.getSuppressed()) {
                    line.append("\n  suppressed ").append(suppressed.getClassName()).append(": ")
                            .append(suppressed.getMessage());
                }
            }
            lines.add(line.toString());
            jsonLines.add(new String(json.encode(event), StandardCharsets.UTF_8));
        }

        synchronized List<String> jsonLines() {
            return List.copyOf(jsonLines);
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
