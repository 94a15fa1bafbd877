package no.folkevalgt.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import org.junit.jupiter.api.Test;

/**
 * A DNS-rebinding page reaches the server through a browser on this machine with its own name in
 * {@code Host}: only the server's own names are served, on every route, whatever the port.
 */
class HostCheckTest {

    static final List<HttpRoute> ROUTES = List.of(
            new HttpRoute("GET", "/fasilitator/eksport.csv", request -> HttpResponse.text(200, "navn;svar")),
            new HttpRoute("POST", "/slack/events", request -> HttpResponse.text(200, "ok")),
            new HttpRoute("GET", "/healthz", request -> HttpResponse.text(200, "ok")),
            new HttpRoute("GET", "/readyz", request -> HttpResponse.text(200, "klar")));

    @Test
    void aForeignHostName_getsA421NorwegianPage_onEveryRoute_whileTheLoopbackNamesAreServed() throws Exception {
        try (WebServer server = WebServer.start("127.0.0.1", 0, ROUTES)) {
            int port = server.port();
            RawHttp.Answer rebound = RawHttp.send(port, "GET /fasilitator/eksport.csv HTTP/1.1", "Host: evil.example");
            assertThat(rebound.status()).isEqualTo(421);
            assertThat(rebound.text()).contains("Ukjent adresse",
                    "Denne tjenesten svarer ikke på denne adressen. Bruk adressen arrangøren har gitt deg.")
                    .doesNotContain("navn;svar");
            assertThat(RawHttp.send(port, "GET /fasilitator/eksport.csv HTTP/1.1", "Host: evil.example:" + port).status())
                    .isEqualTo(421);
            assertThat(RawHttp.send(port, "POST /slack/events HTTP/1.1", "Host: evil.example", "Content-Length: 2", "", "{}")
                    .status()).isEqualTo(421);
            assertThat(RawHttp.send(port, "GET http://evil.example/fasilitator/eksport.csv HTTP/1.1", "Host: localhost")
                    .status()).as("absolute-form target (Jetty refuses it itself)").isIn(400, 421);

            for (String host : List.of("localhost", "localhost:" + port, "127.0.0.1:" + port, "LOCALHOST", "[::1]:" + port)) {
                RawHttp.Answer ok = RawHttp.send(port, "GET /fasilitator/eksport.csv HTTP/1.1", "Host: " + host);
                assertThat(ok.status()).as(host).isEqualTo(200);
                assertThat(ok.text()).endsWith("navn;svar");
            }
        }
    }

    @Test
    void healthChecks_answerAnyHost_forLoadBalancersThatAskByAddress() throws Exception {
        try (WebServer server = WebServer.start("127.0.0.1", 0, ROUTES)) {
            assertThat(RawHttp.send(server.port(), "GET /healthz HTTP/1.1", "Host: 10.0.0.5:8080").status()).isEqualTo(200);
            assertThat(RawHttp.send(server.port(), "GET /readyz HTTP/1.1", "Host: 10.0.0.5:8080").status()).isEqualTo(200);
        }
    }

    @Test
    void thePublicHostName_isServed_andOtherNamesStillAreNot() throws Exception {
        WebServer.Options options = WebServer.Options.defaults().withHosts(HostNames.of(Set.of("Bot.Kommune.no")));
        try (WebServer server = WebServer.start("127.0.0.1", 0, ROUTES, options)) {
            int port = server.port();
            assertThat(RawHttp.send(port, "GET /fasilitator/eksport.csv HTTP/1.1", "Host: bot.kommune.no").status()).isEqualTo(200);
            assertThat(RawHttp.send(port, "POST /slack/events HTTP/1.1", "Host: bot.kommune.no:443", "Content-Length: 2", "", "{}")
                    .status()).isEqualTo(200);
            assertThat(RawHttp.send(port, "GET /fasilitator/eksport.csv HTTP/1.1", "Host: bot.kommune.no.evil.example")
                    .status()).isEqualTo(421);
        }
    }

    @Test
    void hostNames_ignorePortCaseAndBrackets_andFromOtherMachinesAnyNameOnlyWhenNoneIsConfigured() {
        HostNames configured = HostNames.of(Set.of("bot.kommune.no"));
        assertThat(configured.allows("BOT.kommune.no.:8443", false)).isTrue();
        assertThat(configured.allows("evil.example", false)).isFalse();
        assertThat(configured.allows("127.0.0.2:80", true)).isTrue();
        assertThat(configured.allows(null, true)).isFalse();
        HostNames unknown = HostNames.loopbackOnly();
        assertThat(unknown.allows("10.0.0.5:8080", false)).isTrue();
        assertThat(unknown.allows("evil.example", true)).isFalse();
    }

    @Test
    void aRefusedHost_reachesTheLogPrintableAndShort() {
        assertThat(RequestGate.printable("evil.example:80")).isEqualTo("evil.example:80");
        assertThat(RequestGate.printable("evil\u001b[31m.example\tx")).isEqualTo("evil?[31m.example?x");
        assertThat(RequestGate.printable("a".repeat(5000))).hasSize(101).endsWith("…");
        assertThat(RequestGate.printable(null)).isEqualTo("(none)");
    }
}
