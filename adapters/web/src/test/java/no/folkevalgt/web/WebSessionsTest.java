package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.testsupport.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web chat's sessions through the real HTTP server: who a member is comes from the session the
 * server issued on {@code GET /}, never from the message id, the typed name or a made-up cookie.
 */
class WebSessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAME_ID = "web-1700000000000-1";

    @TempDir
    Path temp;
    Fixture fx;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        fx = new Fixture(temp, null).start("127.0.0.1");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void twoMembersSendingTheSameMessageId_bothHaveTheirAnswerStored_andARetryIsStoredOnce() throws Exception {
        String kari = Fixture.newSession(fx.base());
        String ola = Fixture.newSession(fx.base());

        assertThat(firstBlock(say(fx.base(), kari, "/refleksjon tillit og åpenhet", null, SAME_ID)))
                .contains("er lagret.");
        assertThat(firstBlock(say(fx.base(), ola, "/refleksjon respekt for rollene", null, SAME_ID)))
                .contains("er lagret.");
        /* Ola's browser retries the same message (the reply was lost on the way): stored once. */
        say(fx.base(), ola, "/refleksjon respekt for rollene", null, SAME_ID);

        assertThat(blocks(say(fx.base(), ola, "/refleksjon mine", null, "web-1700000000001-2")))
                .contains("Dine svar (1):").contains("«respekt for rollene»")
                .doesNotContain("tillit og åpenhet");
        assertThat(blocks(say(fx.base(), kari, "/refleksjon mine", null, "web-1700000000001-2")))
                .contains("Dine svar (1):").contains("«tillit og åpenhet»");
        assertThat(fx.reflections.count(1)).isEqualTo(2);
    }

    @Test
    void aMadeUpOrUnsignedOrTamperedSessionCookie_isRefusedInNorwegian_andNothingIsStored() throws Exception {
        String real = Fixture.newSession(fx.base());
        String id = real.substring("fv_okt=".length(), real.indexOf('.'));
        String signature = real.substring(real.indexOf('.') + 1);
        String otherId = "web-" + (id.charAt(4) == 'a' ? "b" : "a") + id.substring(5);
        for (String cookie : new String[] {null, "fv_okt=web-0123456789abcdef", "fv_okt=" + id,
                "fv_okt=" + otherId + "." + signature, "fv_okt=" + id + "." + "A".repeat(43), "fv_okt=ikke-en-okt"}) {
            HttpResponse<String> r = say(fx.base(), cookie, "/refleksjon jeg fant på en økt", null, null);

            assertThat(r.statusCode()).as(String.valueOf(cookie)).isEqualTo(401);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("melding").asText()).isEqualTo("Økten din er ukjent eller utløpt. Last siden på nytt.");
            assertThat(body.get("reply").get("blocks").get(0).asText())
                    .isEqualTo("Økten din er ukjent eller utløpt. Last siden på nytt.");
            HttpResponse<String> feedback = http.send(withCookie(HttpRequest.newBuilder(URI.create(fx.base() + "/api/tilbakemelding")), cookie)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"handling\":\"feedback.down\",\"verdi\":\"deck.txt#3\",\"sporsmal\":\"x\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(feedback.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(feedback.body()).get("melding").asText())
                    .isEqualTo("Økten din er ukjent eller utløpt. Last siden på nytt.");
        }
        assertThat(fx.reflections.count(1)).isZero();
        assertThat(firstBlock(say(fx.base(), real, "/refleksjon nå med ekte økt", null, null))).contains("er lagret");
    }

    @Test
    void thePage_setsASignedSession_onlyWhenTheBrowserHasNone() throws Exception {
        String session = Fixture.newSession(fx.base());
        assertThat(session).matches("fv_okt=web-[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}");
        HttpResponse<Void> again = http.send(withCookie(HttpRequest.newBuilder(URI.create(fx.base() + "/")), session).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<Void> forged = http.send(withCookie(HttpRequest.newBuilder(URI.create(fx.base() + "/")),
                "fv_okt=web-0123456789abcdef").GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(forged.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .matches("fv_okt=web-[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax.*"));
    }

    @Test
    void aSessionIssuedByOneInstance_isTakenByAnotherWithTheSameKey_andNotByOneWithAnother() throws Exception {
        byte[] key = WebSessions.randomKey();
        WebServer first = WebServer.start("127.0.0.1", 0, fx.webBuilder().sessionKey(key).build().routes());
        WebServer second = WebServer.start("127.0.0.1", 0, fx.webBuilder().sessionKey(key).build().routes());
        WebServer stranger = WebServer.start("127.0.0.1", 0, fx.webBuilder().sessionKey(WebSessions.randomKey()).build().routes());
        try {
            String session = Fixture.newSession("http://127.0.0.1:" + first.port());
            assertThat(say("http://127.0.0.1:" + second.port(), session, "/refleksjon samme økt", null, null).statusCode())
                    .isEqualTo(200);
            assertThat(say("http://127.0.0.1:" + stranger.port(), session, "/refleksjon samme økt", null, null).statusCode())
                    .isEqualTo(401);
        } finally {
            first.close();
            second.close();
            stranger.close();
        }
    }

    @Test
    void aNewNamePerMessage_getsNoNewBudget_theLimitIsTheSessions() throws Exception {
        WebServer strict = WebServer.start("127.0.0.1", 0, fx.webBuilder()
                .sessionLimiter(RateLimiter.builder().clock(MovableClock.at("2025-06-02T08:00:00Z")).build()).build().routes());
        try {
            String base = "http://127.0.0.1:" + strict.port();
            String session = Fixture.newSession(base);
            /* The defaults allow a burst of 5 reflection commands. */
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> r = say(base, session, "/refleksjon svar nummer " + i, "Navn " + i, null);
                assertThat(r.statusCode()).as("answer %d", i).isEqualTo(200);
            }
            HttpResponse<String> sixth = say(base, session, "/refleksjon svar nummer 6", "Enda et nytt navn", null);

            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(firstBlock(sixth)).isEqualTo("Du sender mange meldinger nå — vent litt og prøv igjen.");
            assertThat(fx.reflections.count(1)).isEqualTo(5);
            /* Another member's session has its own budget. */
            assertThat(say(base, Fixture.newSession(base), "/refleksjon mitt eget svar", null, null).statusCode()).isEqualTo(200);
        } finally {
            strict.close();
        }
    }

    @Test
    void typingAnotherMembersName_neitherReadsNorDeletesTheirAnswers() throws Exception {
        String kari = Fixture.newSession(fx.base());
        String mallory = Fixture.newSession(fx.base());
        assertThat(firstBlock(say(fx.base(), kari, "/refleksjon kaffe og kake", "Kari", null))).contains("er lagret");

        assertThat(firstBlock(say(fx.base(), mallory, "/refleksjon mine", "Kari", null)))
                .isEqualTo("Du har ingen lagrede svar. Svar på en refleksjonsoppgave med /refleksjon <svaret ditt>.");
        assertThat(firstBlock(say(fx.base(), mallory, "/refleksjon slett", "Kari", null)))
                .isEqualTo("Du hadde ingen svar å slette.");
        /* Kari's id with a made-up signature, or without one, is no session at all. */
        String kariId = kari.substring("fv_okt=".length(), kari.indexOf('.'));
        assertThat(say(fx.base(), "fv_okt=" + kariId, "/refleksjon slett", "Kari", null).statusCode()).isEqualTo(401);

        assertThat(blocks(say(fx.base(), kari, "/refleksjon mine", "Kari", null))).contains("«kaffe og kake»");
        assertThat(fx.reflections.count(1)).isEqualTo(1);
    }

    @Test
    void facilitators_seeTheTypedNameWithTheStartOfTheSession_andNoNameForAnonymousMembers() {
        assertThat(ChatHandlers.user("web-0123456789abcdef", "  Kari  ")).isEqualTo("Kari (web-0123456789abcdef)");
        assertThat(ChatHandlers.user("web-0123456789abcdef", "Kari (Nordmann)")).isEqualTo("Kari Nordmann (web-0123456789abcdef)");
        assertThat(ChatHandlers.user("web-0123456789abcdef", "")).isEqualTo("web-0123456789abcdef");
        assertThat(ChatHandlers.user("web-0123456789abcdef", "x".repeat(100))).hasSize(ChatHandlers.MAX_NAME + 23);
        assertThat(WebUsers.shown("web", "Kari (web-0123456789abcdef)")).isEqualTo("Kari (012345)");
        assertThat(WebUsers.shown("web", "web-0123456789abcdef")).isEqualTo(WebUsers.NO_NAME);
        assertThat(WebUsers.shown("slack", "web-0123456789abcdef")).isEqualTo("web-0123456789abcdef");
        assertThat(WebUsers.shown("web", "Kari (3f9a1c)")).isEqualTo("Kari (3f9a1c)");
    }

    private HttpResponse<String> say(String base, String cookie, String text, String name, String id) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("tekst", text);
        if (name != null) {
            body.put("navn", name);
        }
        if (id != null) {
            body.put("id", id);
        }
        return http.send(withCookie(HttpRequest.newBuilder(URI.create(base + "/api/melding")), cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /*
     * Issue 14's note: a script loading the page before every message got a fresh session, and so a
     * fresh budget, each time. New sessions now spend from their address's budget.
     */
    @Test
    void aScriptLoadingThePagePerMessage_runsOutOfNewSessions_whileOthersAndTheirSessionsGoOn() throws Exception {
        RateLimiter tight = RateLimiter.builder().questions(1, java.time.Duration.ofHours(1), 3).exempt(java.util.Set.of()).build();
        WebServer behindProxy = WebServer.start("127.0.0.1", 0, fx.webBuilder().newSessionLimiter(tight)
                .trustedProxies(no.folkevalgt.core.http.TrustedProxies.parse("127.0.0.1")).build().routes());
        try {
            String base = "http://127.0.0.1:" + behindProxy.port();
            java.util.List<String> scripted = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> page = page(base, "203.0.113.7", null);
                assertThat(page.statusCode()).isEqualTo(200);
                scripted.add(page.headers().firstValue("Set-Cookie").orElseThrow());
            }
            HttpResponse<String> refused = page(base, "203.0.113.7", null);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("For mange nye økter fra samme adresse på kort tid. Vent litt og last siden på nytt.");
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();

            String kept = scripted.get(0).substring(0, scripted.get(0).indexOf(';'));
            assertThat(page(base, "203.0.113.7", kept).statusCode()).as("a member with a session loads the page").isEqualTo(200);
            assertThat(say(base, kept, "/refleksjon fortsatt her", null, null).statusCode()).isEqualTo(200);
            assertThat(page(base, "203.0.113.8", null).headers().firstValue("Set-Cookie"))
                    .as("another address still gets its session").isPresent();
            for (int i = 0; i < 5; i++) {
                assertThat(page(base, null, null).headers().firstValue("Set-Cookie"))
                        .as("this machine (the proxy itself, not forwarding) is never limited").isPresent();
            }
        } finally {
            behindProxy.close();
        }
    }

    private HttpResponse<String> page(String base, String forwardedFor, String cookie) throws Exception {
        HttpRequest.Builder get = withCookie(HttpRequest.newBuilder(URI.create(base + "/")), cookie).GET();
        if (forwardedFor != null) {
            get.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(get.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder withCookie(HttpRequest.Builder builder, String cookie) {
        return cookie == null ? builder : builder.header("Cookie", cookie);
    }

    private static String firstBlock(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("reply").get("blocks").get(0).asText();
    }

    private static String blocks(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("reply").get("blocks").toString();
    }
}
