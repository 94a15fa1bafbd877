package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.http.TrustedProxies;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.testsupport.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backstop behind the per-user rate limit: messages without a session cookie spend from their
 * client address's budget (the default limits: a burst of 10 questions, then one per 3 s; 5 reflection
 * commands, then one per 6 s), and messages with a session cookie never do. Time is a test clock that
 * moves only when told, so nothing here depends on how fast the requests are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddressLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "Hvordan kan jeg reise en sak i kommunestyret?";

    Fixture fx;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        fx = new Fixture(temp, null);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void cookielessQuestionsFromOneAddress_areRefusedAfterTheAllowance_whileAClientWithItsCookieIsAnswered()
            throws Exception {
        MovableClock clock = MovableClock.at("2025-06-02T08:00:00Z");
        WebAdapter web = fx.webBuilder().addressLimiter(RateLimiter.builder().clock(clock).build())
                .sessionLimiter(RateLimiter.unlimited()).build();
        try (WebServer server = WebServer.start("127.0.0.1", 0, web.routes())) {
            String base = "http://127.0.0.1:" + server.port();
            for (int i = 1; i <= 10; i++) {
                var r = ask(base, null, QUESTION);
                assertThat(r.statusCode()).as("cookie-less question %d of the burst: refused, no session", i).isEqualTo(401);
                JsonNode j = JSON.readTree(r.body());
                assertThat(j.get("answered").asBoolean()).as("question %d", i).isFalse();
                assertThat(firstBlock(j)).isEqualTo(ChatHandlers.UNKNOWN_SESSION);
            }
            double searched = questionsSearched();

            var refused = ask(base, null, QUESTION);
            JsonNode r = JSON.readTree(refused.body());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("6");
            assertThat(firstBlock(r)).isEqualTo(RateLimiter.MESSAGE);
            assertThat(r.get("melding").asText()).isEqualTo(RateLimiter.MESSAGE);
            assertThat(r.get("answered").asBoolean()).isFalse();
            assertThat(r.get("question").asText()).isEqualTo(QUESTION);
            var forged = ask(base, "fv_okt=ikke-en-okt", QUESTION);
            assertThat(forged.statusCode()).as("a cookie that is no session id counts as none").isEqualTo(429);
            assertThat(questionsSearched()).as("refused questions are not searched").isEqualTo(searched);

            /* The same address with its session cookie (a browser behind the same NAT): never refused. */
            for (int i = 1; i <= 15; i++) {
                var withCookie = ask(base, Fixture.sessionFor(base), QUESTION);
                assertThat(withCookie.statusCode()).as("question %d with a cookie", i).isEqualTo(200);
                JsonNode w = JSON.readTree(withCookie.body());
                assertThat(w.get("answered").asBoolean()).isTrue();
                assertThat(firstBlock(w)).isNotEqualTo(RateLimiter.MESSAGE);
            }
            assertThat(questionsSearched()).as("the 15 with a cookie were searched").isEqualTo(searched + 15);
            assertThat(ask(base, null, QUESTION).statusCode()).as("still over: cookie requests gave nothing back")
                    .isEqualTo(429);

            /* 20 a minute in the long run: one question's token comes back after 3 s. */
            clock.advance(Duration.ofSeconds(3));
            assertThat(ask(base, null, QUESTION).statusCode()).isEqualTo(401);
            assertThat(ask(base, null, QUESTION).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void reflectionCommands_haveTheirOwnBudget_perAddress() throws Exception {
        /* Without a session every message is refused (401), and the refusals spend from the address's budget (429 after). */
        HttpRoute message = message(MovableClock.at("2025-06-02T08:00:00Z"));
        String address = "203.0.113.30";
        for (int i = 0; i < 10; i++) {
            assertThat(message.handler().handle(request(address, Map.of(), "neste")).status()).isEqualTo(401);
        }
        assertThat(message.handler().handle(request(address, Map.of(), "neste")).status()).isEqualTo(429);
        for (int i = 1; i <= 5; i++) {
            assertThat(message.handler().handle(request(address, Map.of(), "/refleksjon tillit og dialog")).status())
                    .as("reflection command %d", i).isEqualTo(401);
        }
        assertThat(message.handler().handle(request(address, Map.of(), " Refleksjon mer åpenhet")).status())
                .isEqualTo(429);
    }

    @Test
    void theAddressIsTheConnections_orTheLastOneATrustedProxyAdded() throws Exception {
        HttpRoute message = message(MovableClock.at("2025-06-02T08:00:00Z"), TrustedProxies.parse("127.0.0.1"));

        /* From another machine, X-Forwarded-For is not believed: a new made-up address per request does not help. */
        for (int i = 0; i < 10; i++) {
            assertThat(message.handler().handle(request("198.51.100.7", Map.of("X-Forwarded-For", "10.0.0." + i), "neste"))
                    .status()).isEqualTo(401);
        }
        assertThat(message.handler().handle(request("198.51.100.7", Map.of("X-Forwarded-For", "10.0.0.99"), "neste"))
                .status()).isEqualTo(429);
        assertThat(message.handler().handle(request("198.51.100.8", Map.of(), "neste")).status())
                .as("another address has its own budget").isEqualTo(401);

        /* Through a trusted reverse proxy on this machine: the client is the last address the proxy added. */
        for (int i = 0; i < 10; i++) {
            assertThat(message.handler().handle(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.50"), "neste"))
                    .status()).isEqualTo(401);
        }
        assertThat(message.handler().handle(request("127.0.0.1",
                Map.of("X-Forwarded-For", "192.0.2.77, 203.0.113.50"), "neste")).status())
                .as("what the client wrote before the proxy's entry does not count").isEqualTo(429);
        assertThat(message.handler().handle(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.51"), "neste"))
                .status()).as("another client behind the same proxy").isEqualTo(401);
        assertThat(message.handler().handle(request("127.0.0.1", Map.of(), "neste")).status())
                .as("the proxy's own address is not the clients' budget").isEqualTo(401);

        /* IPv6: counted per /64, since one machine can pick any address in its /64. */
        for (int i = 1; i <= 10; i++) {
            assertThat(message.handler().handle(request("2001:db8:1:2::" + Integer.toHexString(i), Map.of(), "neste"))
                    .status()).isEqualTo(401);
        }
        assertThat(message.handler().handle(request("[2001:db8:1:2:abcd::1]", Map.of(), "neste")).status()).isEqualTo(429);
        assertThat(message.handler().handle(request("2001:db8:1:3::1", Map.of(), "neste")).status()).isEqualTo(401);
    }

    @Test
    void addresses_areNormalised_withoutLookingAnythingUp() {
        assertThat(AddressLimit.network("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(AddressLimit.network("203.0.113.7:5123")).isEqualTo("203.0.113.7");
        assertThat(AddressLimit.network("[2001:db8:1:2::7]:443")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(AddressLimit.network("2001:DB8:1:2:ffff:0:0:1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(AddressLimit.network("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(AddressLimit.network("unknown")).isEqualTo("unknown");
        assertThat(AddressLimit.network("proxy.example.com")).isEqualTo("proxy.example.com");
        assertThat(AddressLimit.network("x".repeat(500))).hasSize(100);
        AddressLimit behindProxy = new AddressLimit(RateLimiter.defaults(Clock.systemUTC()), TrustedProxies.parse("127.0.0.1"));
        assertThat(behindProxy.clientAddress(request("127.0.0.1", Map.of("Forwarded",
                "for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\""), "x"))).isEqualTo("2001:db8:cafe:0:0:0:0:0/64");
        assertThat(RateLimiter.kindOf("/refleksjon tillit")).isEqualTo(RateLimiter.Kind.ANSWER);
        assertThat(RateLimiter.kindOf("\u200B refleksjon")).isEqualTo(RateLimiter.Kind.ANSWER);
        assertThat(RateLimiter.kindOf("Hva er refleksjon?")).isEqualTo(RateLimiter.Kind.QUESTION);
    }

    private HttpRoute message(Clock clock) {
        return message(clock, TrustedProxies.none());
    }

    private HttpRoute message(Clock clock, TrustedProxies proxies) {
        WebAdapter web = fx.webBuilder().addressLimiter(RateLimiter.builder().clock(clock).build()).trustedProxies(proxies).build();
        return WebAdapterHttpTest.route(web, "POST", "/api/melding");
    }

    @Test
    void forwardingHeadersFromAConnectionThatIsNoTrustedProxy_areNotBelieved_soMadeUpAddressesShareOneBudget()
            throws Exception {
        WebAdapter web = fx.webBuilder().addressLimiter(RateLimiter.builder().clock(MovableClock.at("2025-06-02T08:00:00Z")).build()).build();
        try (WebServer server = WebServer.start("127.0.0.1", 0, web.routes())) {
            String base = "http://127.0.0.1:" + server.port();
            /* Without a session each is refused (401), and the refusals spend from the address's budget. */
            for (int i = 1; i <= 10; i++) {
                assertThat(askFrom(base, "X-Forwarded-For", "203.0.113." + i).statusCode()).as("question %d", i).isEqualTo(401);
            }
            var refused = askFrom(base, "X-Forwarded-For", "203.0.113.99");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(firstBlock(JSON.readTree(refused.body()))).isEqualTo(RateLimiter.MESSAGE);
            assertThat(askFrom(base, "X-Real-IP", "198.51.100.1").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void clientsBehindATrustedProxy_eachHaveTheirOwnBudget_whetherItSaysXForwardedForOrXRealIp() throws Exception {
        WebAdapter web = fx.webBuilder().addressLimiter(RateLimiter.builder().clock(MovableClock.at("2025-06-02T08:00:00Z")).build())
                .trustedProxies(TrustedProxies.parse("127.0.0.0/8, ::1")).build();
        try (WebServer server = WebServer.start("127.0.0.1", 0, web.routes())) {
            String base = "http://127.0.0.1:" + server.port();
            for (int i = 1; i <= 10; i++) {
                assertThat(askFrom(base, "X-Real-IP", "198.51.100.20").statusCode()).as("question %d", i).isEqualTo(401);
            }
            assertThat(askFrom(base, "X-Real-IP", "198.51.100.20").statusCode()).isEqualTo(429);
            assertThat(askFrom(base, "X-Forwarded-For", "198.51.100.20").statusCode())
                    .as("the same client through X-Forwarded-For").isEqualTo(429);
            assertThat(askFrom(base, "X-Real-IP", "198.51.100.21").statusCode())
                    .as("another client behind the same proxy").isEqualTo(401);
            assertThat(askFrom(base, "X-Forwarded-For", "198.51.100.20, 198.51.100.22").statusCode())
                    .as("the rightmost address the proxy added is the client").isEqualTo(401);
        }
    }

    private java.net.http.HttpResponse<String> askFrom(String base, String header, String address) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                .header("Content-Type", "application/json").header(header, address)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst", "neste"))));
        return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest request(String address, Map<String, String> headers, String text) {
        Map<String, List<String>> all = new HashMap<>();
        all.put("Content-Type", List.of("application/json"));
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("tekst", text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new HttpRequest("POST", "/api/melding", all, Map.of(), body, address);
    }

    private java.net.http.HttpResponse<String> ask(String base, String cookie, String text) throws Exception {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst", text))));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return http.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String firstBlock(JsonNode response) {
        return response.get("reply").get("blocks").get(0).asText();
    }

    private double questionsSearched() {
        return fx.questionsSearched();
    }

    @Test
    void thisMachinesOwnAddress_isKnownByItsLiterals_andNoNameIsLookedUp() {
        assertThat(AddressLimit.isLoopback("127.0.0.1:5123")).isTrue();
        assertThat(AddressLimit.isLoopback("127.3.4.5")).isTrue();
        assertThat(AddressLimit.isLoopback("::1")).isTrue();
        assertThat(AddressLimit.isLoopback("[::1]:443")).isTrue();
        assertThat(AddressLimit.isLoopback("203.0.113.7")).isFalse();
        assertThat(AddressLimit.isLoopback("2001:db8::7")).isFalse();
        assertThat(AddressLimit.isLoopback("localhost")).as("a name is not an address").isFalse();
        assertThat(AddressLimit.isLoopback("127.evil.example")).isFalse();
        assertThat(AddressLimit.isLoopback(null)).isFalse();
    }
}
