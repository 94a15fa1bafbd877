package no.folkevalgt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammeCommands;
import no.folkevalgt.core.programme.ProgrammeLoader;
import no.folkevalgt.http.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facilitator page and the chat on the bundled programme at fixed times, over HTTP: both say the
 * same about where the programme stands, and every time reads "kl. 09.00", never "09:00".
 */
class FacilitatorStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Programme BUNDLED = ProgrammeLoader.loadBundled();

    @TempDir
    Path temp;
    Fixture fx;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(temp, null);
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        fx.close();
    }

    /** The web adapter on the bundled programme, with the chat and the page on one clock at {@code local} (Oslo). */
    private void startAt(String local) {
        Clock clock = Clock.fixed(LocalDateTime.parse(local).atZone(Fixture.OSLO).toInstant(), Fixture.OSLO);
        Bot bot = Bot.builder()
                .knowledgeBase(fx.knowledgeBase)
                .commands(List.of(new ProgrammeCommands(BUNDLED, clock)))
                .clock(clock)
                .build();
        WebAdapter web = fx.webBuilder().bot(bot).programme(() -> BUNDLED).clock(clock)
                .addressLimiter(RateLimiter.unlimited()).loopbackOnly(true).build();
        server = WebServer.start("127.0.0.1", 0, web.routes());
    }

    @Test
    void afterTheEvent_thePageAndTheChatBothSayTheProgrammeIsOver() throws Exception {
        startAt("2019-11-07T10:00");

        String body = get("/fasilitator/data");
        JsonNode data = JSON.readTree(body);
        assertThat(data.get("state").get("phase").asText()).isEqualTo("over");
        assertThat(data.get("state").get("text").asText()).isEqualTo("Programmet er over.");
        assertThat(data.get("current").isNull()).isTrue();
        assertThat(data.get("next").isNull()).isTrue();

        String chat = chat("Hva skjer nå?");
        assertThat(chat).isEqualTo("Programmet er over. KS Folkevalgtprogram i Rakkestad kommune gikk dag 1 tirsdag "
                + "5. november og dag 2 onsdag 6. november 2019. Takk for nå!");
        assertThat(chat).startsWith(data.get("state").get("text").asText());
    }

    @Test
    void timesOnThePage_readKl0900_neverWithAColon() throws Exception {
        startAt("2019-11-07T10:00");

        String body = get("/fasilitator/data");
        JsonNode data = JSON.readTree(body);
        assertThat(data.get("now").asText()).isEqualTo("7.11. kl. 10.00");
        JsonNode first = data.get("days").get(0).get("sessions").get(0);
        assertThat(first.get("start").asText()).isEqualTo("09.00");
        assertThat(first.get("end").asText()).isEqualTo("09.20");
        assertThat(first.get("state").asText()).isEqualTo("ferdig");
        assertThat(data.get("posts").get(0).get("at").asText()).isEqualTo("5.11. kl. 08.50");
        assertThat(data.get("prompts").get(0).get("opens").asText()).isEqualTo("5.11. kl. 09.25");
        assertThat(body).doesNotContainPattern("\\d{2}:\\d{2}");

        String page = get("/fasilitator");
        assertThat(page).contains("fasilitator.js").doesNotContainPattern("\\d{2}:\\d{2}");
        String script = get("/static/fasilitator.js");
        assertThat(script).contains("' (kl. ' + s.start + '–' + s.end + ')'").contains("d.state.text")
                .doesNotContain("pause / ingen økt");
    }

    @Test
    void duringLunch_thePageAndTheChatShowTheSameSlot_inTheSameWords() throws Exception {
        startAt("2019-11-05T11:40");

        JsonNode data = JSON.readTree(get("/fasilitator/data"));
        assertThat(data.get("state").get("phase").asText()).isEqualTo("break");
        assertThat(data.get("state").get("text").asText()).isEqualTo("Nå: Lunsj (kl. 11.30–12.15).");
        assertThat(data.get("current").get("title").asText()).isEqualTo("Lunsj");
        assertThat(data.get("current").get("start").asText()).isEqualTo("11.30");

        assertThat(chat("hva skjer nå?")).isEqualTo("Nå: Lunsj (kl. 11.30–12.15). Neste: Kommunetorg, kl. 12.15 (om 35 minutter).");
    }

    @Test
    void betweenTheDays_andBeforeTheStart_thePageSaysWhatTheChatSays() throws Exception {
        startAt("2019-11-05T20:00");
        JsonNode evening = JSON.readTree(get("/fasilitator/data"));
        assertThat(evening.get("state").get("phase").asText()).isEqualTo("between-days");
        assertThat(evening.get("state").get("text").asText())
                .isEqualTo("Dag 1 er ferdig. Dag 2 starter onsdag 6. november kl. 09.00 med Refleksjoner fra i går.");
        assertThat(chat("kva skjer no?")).isEqualTo(evening.get("state").get("text").asText());
        server.close();

        startAt("2019-11-04T20:00");
        JsonNode before = JSON.readTree(get("/fasilitator/data"));
        assertThat(before.get("state").get("phase").asText()).isEqualTo("not-started");
        assertThat(before.get("state").get("text").asText())
                .isEqualTo("Programmet har ikke startet. Det starter tirsdag 5. november kl. 09.00 med KS – Kommunesektorens organisasjon.");
        assertThat(chat("hva skjer nå?")).isEqualTo(before.get("state").get("text").asText());
    }

    private String get(String path) throws Exception {
        var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** The chat's reply to {@code text}, its blocks joined as the page shows them. */
    private String chat(String text) throws Exception {
        var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base() + "/api/melding")).header("Cookie", Fixture.sessionFor(base()))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst", text))))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode blocks = JSON.readTree(r.body()).get("reply").get("blocks");
        StringBuilder out = new StringBuilder();
        for (JsonNode b : blocks) {
            out.append(out.length() == 0 ? "" : "\n\n").append(b.asText());
        }
        return out.toString();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
