package no.folkevalgt.web;

import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static no.folkevalgt.web.FacilitatorGuard.Decision.LOCAL;
import static no.folkevalgt.web.FacilitatorGuard.Decision.LOCAL_ONLY;
import static no.folkevalgt.web.FacilitatorGuard.Decision.NEEDS_TOKEN;
import static no.folkevalgt.web.FacilitatorGuard.Decision.TOKEN;
import static no.folkevalgt.web.FacilitatorGuard.Decision.TOKEN_IN_QUERY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protection rule, decided on the request's remote address. Over HTTP from a test every request
 * comes from loopback, so the rule is tested here on requests built with a remote address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilitatorGuardTest {

    static final String REMOTE = "10.1.2.3";
    final FacilitatorGuard open = new FacilitatorGuard(null);
    final FacilitatorGuard withToken = new FacilitatorGuard(Fixture.TOKEN);

    Path temp;
    Fixture fx;

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        this.temp = temp;
        fx = new Fixture(temp, Fixture.TOKEN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void fromThisMachine_isLetIn_withOrWithoutAToken() {
        assertThat(open.decide(request("127.0.0.1", Map.of(), Map.of()))).isEqualTo(LOCAL);
        assertThat(open.decide(request("0:0:0:0:0:0:0:1", Map.of(), Map.of()))).isEqualTo(LOCAL);
        assertThat(withToken.decide(request("127.0.0.1", Map.of(), Map.of()))).isEqualTo(LOCAL);
    }

    @Test
    void fromElsewhere_withoutAConfiguredToken_isLocalOnly() {
        assertThat(open.decide(request(REMOTE, Map.of(), Map.of()))).isEqualTo(LOCAL_ONLY);
        assertThat(open.decide(request(REMOTE, Map.of(), Map.of("token", List.of("gjett"))))).isEqualTo(LOCAL_ONLY);
    }

    @Test
    void fromElsewhere_needsTheToken_inQueryCookieOrHeader() {
        assertThat(withToken.decide(request(REMOTE, Map.of(), Map.of()))).isEqualTo(NEEDS_TOKEN);
        assertThat(withToken.decide(request(REMOTE, Map.of(), Map.of("token", List.of("feil-kode-12345")))))
                .isEqualTo(NEEDS_TOKEN);
        assertThat(withToken.decide(request(REMOTE, Map.of(), Map.of("token", List.of(Fixture.TOKEN)))))
                .isEqualTo(TOKEN_IN_QUERY);
        assertThat(withToken.decide(request(REMOTE, Map.of("Cookie", List.of("fv_okt=x; fasilitator_token=" + Fixture.TOKEN)),
                Map.of()))).isEqualTo(TOKEN);
        assertThat(withToken.decide(request(REMOTE, Map.of("X-Fasilitator-Token", List.of(Fixture.TOKEN)), Map.of())))
                .isEqualTo(TOKEN);
        assertThat(withToken.decide(request(REMOTE, Map.of("Authorization", List.of("Bearer " + Fixture.TOKEN)), Map.of())))
                .isEqualTo(TOKEN);
    }

    @Test
    void throughAProxyOnThisMachine_countsAsElsewhere() {
        var forwarded = request("127.0.0.1", Map.of("X-Forwarded-For", List.of("203.0.113.9")), Map.of());
        assertThat(open.decide(forwarded)).isEqualTo(LOCAL_ONLY);
        assertThat(withToken.decide(forwarded)).isEqualTo(NEEDS_TOKEN);
        assertThat(withToken.decide(request("127.0.0.1", Map.of("Forwarded", List.of("for=203.0.113.9"),
                "X-Fasilitator-Token", List.of(Fixture.TOKEN)), Map.of()))).isEqualTo(TOKEN);
    }

    @Test
    void everyFacilitatorRoute_refusesARemoteRequestWithoutTheToken_withANorwegianPage() throws Exception {
        for (String path : List.of("/fasilitator", "/fasilitator/data", "/fasilitator/ordsky/*", "/fasilitator/eksport.csv")) {
            HttpRoute route = WebAdapterHttpTest.route(fx.web, "GET", path);
            String concrete = path.replace("*", "1.png");
            HttpResponse r = route.handler().handle(request(REMOTE, concrete, Map.of(), Map.of()));
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.bodyText()).as(path).contains("Tilgangskode kreves", "lang=\"nb\"").doesNotContain("Kari");
        }
    }

    @Test
    void theTokenInTheQuery_setsACookie_andLeavesItOutOfTheAddress() throws Exception {
        HttpRoute page = WebAdapterHttpTest.route(fx.web, "GET", "/fasilitator");
        HttpResponse r = page.handler().handle(request(REMOTE, "/fasilitator", Map.of(),
                Map.of("token", List.of(Fixture.TOKEN))));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.headers()).containsEntry("Location", "/fasilitator");
        assertThat(r.headers().get("Set-Cookie")).contains("fasilitator_token=" + Fixture.TOKEN, "HttpOnly", "Path=/fasilitator");
        HttpResponse then = page.handler().handle(request(REMOTE, "/fasilitator",
                Map.of("Cookie", List.of("fasilitator_token=" + Fixture.TOKEN)), Map.of()));
        assertThat(then.status()).isEqualTo(200);
        assertThat(then.bodyText()).contains("Refleksjonsoppgaver");
    }

    @Test
    void withoutAToken_aRemoteRequestIsRefusedWith403() throws Exception {
        try (Fixture local = new Fixture(temp.resolve("open"), null)) {
            HttpResponse r = WebAdapterHttpTest.route(local.web, "GET", "/fasilitator/data").handler()
                    .handle(request(REMOTE, "/fasilitator/data", Map.of(), Map.of()));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.bodyText()).contains("Bare fra denne maskinen", "FACILITATOR_TOKEN");
        }
    }

    @Test
    void throughAProxyThatSaysOnlyXRealIp_theFacilitatorDataIsRefused_overHttp() throws Exception {
        try (Fixture local = new Fixture(temp.resolve("x-real-ip"), null);
             no.folkevalgt.http.WebServer server = no.folkevalgt.http.WebServer.start("127.0.0.1", 0, local.web.routes())) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            for (String path : List.of("/fasilitator/data", "/fasilitator/eksport.csv")) {
                var proxied = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                        .header("X-Real-IP", "203.0.113.9").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(proxied.statusCode()).as(path).isEqualTo(403);
                assertThat(proxied.body()).as(path).contains("Bare fra denne maskinen");
            }
            var direct = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/fasilitator/data")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(direct.statusCode()).as("straight from this machine").isEqualTo(200);
        }
    }

    @Test
    void aTokenShorterThan12Characters_isRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebAdapter.builder().bot(fx.bot)
                        .programme(() -> fx.programme).deliveryLog(fx.deliveryLog).reflections(fx.reflections)
                        .summaries(fx.summaries).export(fx.export).unanswered(fx.unanswered).feedback(fx.feedback)
                        .knowledgeBase(fx.knowledgeBase).lessons(fx.lessons).databaseCheck(() -> { }).meterRegistry(fx.registry)
                        .facilitatorToken("kort").build())
                .hasMessageContaining("FACILITATOR_TOKEN must be at least 12 characters");
    }

    private static HttpRequest request(String remote, Map<String, List<String>> headers, Map<String, List<String>> query) {
        return request(remote, "/fasilitator", headers, query);
    }

    private static HttpRequest request(String remote, String path, Map<String, List<String>> headers,
                                       Map<String, List<String>> query) {
        return new HttpRequest("GET", path, headers, query, new byte[0], remote);
    }
}
