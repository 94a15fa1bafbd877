package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.teaching.InMemoryLessonStore;
import no.folkevalgt.core.teaching.Lessons;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.knowledge.LuceneKnowledgeBase;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.testsupport.FakeMicrosoft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What facilitators taught the bot, as members meet it in Teams: activities into the real SDK adapter
 * (emulator mode) behind the real HTTP server, the bot on a real Lucene index of a small deck with
 * lessons in memory, and the Adaptive Cards that reach the fake Bot Connector. Teaching happens on the
 * facilitator's side (terminal, facilitator page), never through Teams.
 */
class TaughtTeamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger DBS = new AtomicInteger();

    static final String DECK = String.join("\f",
            "Interpellasjon\nEn interpellasjon er et spørsmål til ordføreren om en sak av prinsipiell betydning. "
                    + "Den må meldes skriftlig før møtet.",
            "Delegering\nDelegering betyr at kommunestyret gir myndighet til å avgjøre saker videre, for eksempel "
                    + "til formannskapet eller kommunedirektøren.",
            "Saklista\nOrdføreren setter opp saklista til kommunestyret. Et medlem kan be om å få en sak på saklista.");

    static final String MEETING = "Når er neste kommunestyremøte?";
    /** A facilitator's text with Slack and Teams markup: pings, emphasis, links, a mention tag. */
    static final String HOSTILE = "<!channel> *fet* <https://x.example|klikk> & <@U123> [lenke](https://x.example) "
            + "**fett** <at>Alle</at>";
    static final String NOT_IN_MATERIAL = "Det står ikke i programmaterialet.";
    /** Searched, this does not find slide 3 («Saklista»), which the facilitator says answers it. */
    static final String AGENDA = "Hvordan kommer en sak til behandling?";

    @TempDir
    Path dir;
    FakeMicrosoft microsoft;
    Database db;
    LuceneKnowledgeBase kb;
    final InMemoryLessonStore taught = new InMemoryLessonStore();
    Lessons lessons;
    TeamsAdapter teams;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();
    int sent;

    @BeforeEach
    void start() throws Exception {
        microsoft = new FakeMicrosoft();
        db = Database.open("jdbc:h2:mem:taught-teams" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("deck.txt"), DECK, StandardCharsets.UTF_8);
        Files.writeString(content.resolve("deck.tittel.txt"), "Folkevalgtopplæring 2023\n", StandardCharsets.UTF_8);
        kb = LuceneKnowledgeBase.open(content, dir.resolve("index"));
        Clock clock = Clock.systemUTC();
        lessons = new Lessons(taught, kb, clock);
        teams = TeamsAdapter.create(TeamsSettings.emulator(), Bot.builder().knowledgeBase(kb).lessons(lessons).build(),
                new JdbcFeedbackStore(db),
                new JdbcConversationStore(db), clock);
        server = WebServer.start("127.0.0.1", 0, teams.routes());
    }

    @AfterEach
    void stop() {
        server.close();
        teams.close();
        kb.close();
        db.close();
        microsoft.close();
    }

    @Test
    void aTaughtReplyWithMarkup_isInTheCardOnlyAsTextRunText_inAChatAndInAChannel() throws Exception {
        lessons.notInMaterial(MEETING, HOSTILE);

        JsonNode personal = ask(Activities.personalMessage(microsoft.serviceUrl(), "t-1", HostileTeamsTest.jsonText(MEETING)));
        JsonNode channel = ask(Activities.channelMention(microsoft.serviceUrl(), "t-2",
                HostileTeamsTest.jsonText("når er neste kommunestyremøte")));

        for (int i = 0; i < microsoft.activities().size(); i++) {
            JsonNode activity = JSON.readTree(microsoft.activities().get(i).body());
            if (!activity.path("attachments").isArray()) {
                /* Opening the personal chat, or the thread's note (our own plain text, checked in PromptAnswersTeamsTest). */
                assertThat(activity.toString()).doesNotContain("fet").doesNotContain("<at>");
                continue;
            }
            assertThat(activity.path("entities").isMissingNode() || activity.path("entities").isEmpty())
                    .as("no mention entities made from the facilitator's text").isTrue();
            assertThat(activity.path("text").isMissingNode() || activity.path("text").isNull())
                    .as("no Markdown message text beside the card").isTrue();
        }
        for (JsonNode card : List.of(personal, channel)) {
            assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText())
                    .containsExactly(NOT_IN_MATERIAL, HOSTILE);
            assertThat(CardJson.placesOf(card.path("body"), HOSTILE)).containsExactly("TextRun.text");
            assertThat(CardJson.runs(card)).filteredOn(run -> run.path("text").asText().equals(HOSTILE)).singleElement()
                    .satisfies(run -> assertThat(run.has("weight") || run.has("size") || run.has("isSubtle")).isFalse());
            /* The fallback text is shown as plain text: as typed, no backslashes added. */
            assertThat(card.path("fallbackText").asText()).isEqualTo(NOT_IN_MATERIAL + "\n\n" + HOSTILE);
        }
    }

    @Test
    void aTaughtSlide_answersTheQuestion_andQuestionsLikeIt_andUndoGoesBackToTheSearch() throws Exception {
        List<String> searched = runs(ask(personal("a-1", AGENDA)));
        assertThat(searched).noneMatch(text -> text.contains("lysbilde 3"));

        lessons.link(AGENDA, 3, null);

        List<String> answer = runs(ask(personal("a-2", AGENDA)));
        assertThat(answer).containsSubsequence(
                "Ordføreren setter opp saklista til kommunestyret. Et medlem kan be om å få en sak på saklista.",
                "Kilde: ", "«Saklista», lysbilde 3 (Folkevalgtopplæring 2023)");
        assertThat(runs(ask(personal("a-3", "hvordan kommer saker til behandling")))).as("a question like it")
                .isEqualTo(answer);
        assertThat(microsoft.activities().get(1).body()).contains("feedback.up", "deck.txt#3");

        assertThat(lessons.undo(AGENDA)).isPresent();

        assertThat(runs(ask(personal("a-4", AGENDA)))).isEqualTo(searched);
    }

    @Test
    void aMember_cannotTeachTheBot_throughAChatOrAMention() throws Exception {
        lessons.link(AGENDA, 3, null);
        List<Lesson> before = taught.all();
        List<String> attempts = List.of(
                "lær «Hva er en interpellasjon?» lysbilde 2",
                "teach \"Hva er en interpellasjon?\" --slide 2",
                "./bot teach \"Hva er en interpellasjon?\" --not-in-material",
                "unteach " + AGENDA,
                "glem " + AGENDA);
        int n = 0;
        for (String attempt : attempts) {
            n++;
            ask(personal("m-" + n, attempt));
            ask(Activities.channelMention(microsoft.serviceUrl(), "c-" + n, HostileTeamsTest.jsonText(attempt)));
        }

        assertThat(taught.all()).isEqualTo(before);
        assertThat(lessons.match("Hva er en interpellasjon?")).isEmpty();
        assertThat(sent).isEqualTo(2 * attempts.size());
        assertThat(microsoft.activities()).noneMatch(activity -> activity.body().contains("Lært"));
    }

    private String personal(String id, String text) throws Exception {
        return Activities.personalMessage(microsoft.serviceUrl(), id, HostileTeamsTest.jsonText(text));
    }

    /*
     * Posts an activity and returns the card of the reply it got (each activity gets one: in the
     * conversation, or in the member's personal chat when it is private and the message was in a channel).
     */
    private JsonNode ask(String activity) throws Exception {
        int before = microsoft.activities().size();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(200, 202);
        sent++;
        List<FakeMicrosoft.Recorded> all = microsoft.activities();
        JsonNode card = CardJson.onlyCard(all.subList(before, all.size()));
        CardJson.assertValid(card);
        return card;
    }

    private static List<String> runs(JsonNode card) {
        return CardJson.runs(card).stream().map(run -> run.path("text").asText()).toList();
    }
}
