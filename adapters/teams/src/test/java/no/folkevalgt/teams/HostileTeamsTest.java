package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.ChannelRef;
import no.folkevalgt.core.Facilitators;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.Prompt;
import no.folkevalgt.core.reflection.ReflectionAnswer;
import no.folkevalgt.core.reflection.ReflectionCommands;
import no.folkevalgt.core.reflection.WordCloud;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.storage.JdbcReflectionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of hostile text through Teams messages (emulator mode, the real SDK and adapter, H2): each
 * gets an Adaptive Card answer, the text reaches the card only as JSON string content (no entities, no
 * mentions made from it), and a hostile reflection answer is stored verbatim once.
 */
class HostileTeamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, String> CATALOGUE = new LinkedHashMap<>();

    static {
        CATALOGUE.put("100 kB", "Hva er en interpellasjon? " + "bla ".repeat(25_000));
        CATALOGUE.put("control", "Hva er\u0000 en\u0007 inter\u001Bpellasjon\u007F?\r\n");
        CATALOGUE.put("zero-width", "Hva\u200B er\u200C en\u200D inter\u2060pellasjon\uFEFF?\u202E");
        CATALOGUE.put("mrkdwn", "*bold* <!channel> <@U123>");
        CATALOGUE.put("markdown", "[link](javascript:alert(1)) **fet**");
        CATALOGUE.put("at", "<at>Alle</at> hei");
        CATALOGUE.put("script", "<script>alert(1)</script>");
        CATALOGUE.put("attribute", "\"><img src=x onerror=alert(1)>");
        CATALOGUE.put("sql", "'; DROP TABLE reflection_answer; --");
    }

    FakeMicrosoft microsoft;
    Database db;
    JdbcReflectionStore reflections;
    TeamsAdapter teams;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        microsoft = new FakeMicrosoft();
        db = Database.open("jdbc:h2:mem:hostile-teams;DB_CLOSE_DELAY=-1", "sa", "");
        reflections = new JdbcReflectionStore(db);
        Clock clock = Clock.systemUTC();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        ZonedDateTime now = ZonedDateTime.now(oslo);
        Programme programme = new Programme("KS Folkevalgtprogram", "Rakkestad", oslo, List.of(),
                List.of(new Prompt(1, "Hva tar du med deg?", "Hva tar du med deg?", now.minusMinutes(5),
                        now.plusMinutes(30), true, 0)),
                List.of(new ChannelRef("local", "programmet")), Duration.ofMinutes(10));
        Bot bot = new Bot(new TeamsAdapterTest.OneAnswer(), 3, Bot.DEFAULT_EXAMPLES,
                List.of(new ReflectionCommands(reflections, programme, Facilitators.none(), clock,
                        new WordCounter()::top, new WordCloud())), null, clock);
        teams = TeamsAdapter.create(TeamsSettings.emulator(), bot, new JdbcFeedbackStore(db),
                new JdbcConversationStore(db), clock);
        server = WebServer.start("127.0.0.1", 0, teams.routes());
    }

    @AfterEach
    void stop() {
        server.close();
        teams.close();
        db.close();
        microsoft.close();
    }

    @Test
    void everyHostileMessage_getsACardAnswer_withTheTextOnlyAsJsonStrings() throws Exception {
        int n = 0;
        for (Map.Entry<String, String> e : CATALOGUE.entrySet()) {
            n++;
            String activity = n % 2 == 0
                    ? Activities.personalMessage(microsoft.serviceUrl(), "h-" + n, jsonText(e.getValue()))
                    : Activities.channelMention(microsoft.serviceUrl(), "h-" + n, jsonText(e.getValue()));
            HttpResponse<String> r = post(activity);
            assertThat(r.statusCode()).as(e.getKey()).isBetween(200, 202);
            assertThat(microsoft.activities()).as(e.getKey()).hasSize(n);
            JsonNode reply = JSON.readTree(microsoft.activities().get(n - 1).body());
            assertThat(reply.path("attachments").get(0).path("contentType").asText()).isEqualTo(Cards.CARD_TYPE);
            assertThat(reply.path("entities").isMissingNode() || reply.path("entities").isEmpty())
                    .as("%s: no mention entities made from user text", e.getKey()).isTrue();
            assertThat(reply.path("attachments").get(0).path("content").path("body").size()).isPositive();
        }
    }

    @Test
    void hostileReflectionAnswers_areStoredVerbatimOnce_andConfirmedInTheCard() throws Exception {
        List<String> answers = List.of(CATALOGUE.get("script"), CATALOGUE.get("attribute"), CATALOGUE.get("sql"),
                CATALOGUE.get("markdown"), CATALOGUE.get("at"));
        int n = 0;
        for (String answer : answers) {
            n++;
            String activity = Activities.personalMessage(microsoft.serviceUrl(), "r-" + n,
                    jsonText("refleksjon " + answer));
            post(activity);
            post(activity); /* the platform's retry of the same activity id */
        }
        List<String> stored = new ArrayList<>(reflections.forPrompt(1).stream().map(ReflectionAnswer::text).toList());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(answers);
        for (var sent : microsoft.activities()) {
            String text = JSON.readTree(sent.body()).path("attachments").get(0).path("content").path("body").get(0)
                    .path("text").asText();
            assertThat(text).startsWith("Takk!");
        }
    }

    @Test
    void facilitatorOnlySummaries_areRefusedToATeamsUser() throws Exception {
        post(Activities.personalMessage(microsoft.serviceUrl(), "f-1", jsonText("refleksjon oppsummering")));
        post(Activities.channelMention(microsoft.serviceUrl(), "f-2", jsonText("refleksjon oppsummering 1")));
        assertThat(microsoft.activities()).hasSize(2).allSatisfy(sent -> {
            JsonNode body = JSON.readTree(sent.body()).path("attachments").get(0).path("content").path("body");
            assertThat(body.get(0).path("text").asText()).startsWith("Beklager, oppsummeringer kan bare kursledere be om.");
            assertThat(body.findValues("type").stream().map(JsonNode::asText)).doesNotContain("Image");
        });
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The text as it goes inside a JSON string (Activities puts it between quotes). */
    static String jsonText(String text) throws Exception {
        String quoted = JSON.writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }
}
