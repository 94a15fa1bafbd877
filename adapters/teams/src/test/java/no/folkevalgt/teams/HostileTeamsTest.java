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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.Prompt;
import no.folkevalgt.core.reflection.ReflectionCommands;
import no.folkevalgt.core.reflection.ReflectionSummaries;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.storage.JdbcReflectionStore;
import no.folkevalgt.testsupport.FakeMicrosoft;
import no.folkevalgt.testsupport.HostileText;
import no.folkevalgt.wordcloud.WordCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of hostile text through Teams messages (emulator mode, the real SDK and adapter, H2): each
 * gets an Adaptive Card answer, the text reaches the card only as the text of {@code TextRun}s (which
 * Teams never reads as Markdown; never a {@code TextBlock}, whose text it does), no entities or
 * mentions are made from it, and a hostile reflection answer is stored verbatim once. The same holds
 * for hostile material: a slide's text and title, a prompt's title in a summary.
 */
class HostileTeamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The catalogue every front end's hostile tests send. */
    static final Map<String, String> CATALOGUE = HostileText.all();

    /**
     * The entries the bot keeps as they are (the others are too long, lose control or invisible characters,
     * or are not UTF-8) and so echoes verbatim.
     */
    static final List<String> ECHOED = List.of("mrkdwn", "markdown", "at", "script", "attribute", "sql", "formula");

    /** Markdown a Teams TextBlock would render: a link, emphasis, a mention tag, a heading. */
    static final String HOSTILE = "[klikk](https://evil.example) **fet** <at>x</at> # overskrift";

    static final AtomicInteger DBS = new AtomicInteger();

    FakeMicrosoft microsoft;
    Database db;
    JdbcReflectionStore reflections;
    TeamsAdapter teams;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        microsoft = new FakeMicrosoft();
        /* A database of its own for each test: the in-memory one outlives close() (DB_CLOSE_DELAY=-1). */
        db = Database.open("jdbc:h2:mem:hostile-teams" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        reflections = new JdbcReflectionStore(db);
        Clock clock = Clock.systemUTC();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        ZonedDateTime now = ZonedDateTime.now(oslo);
        Programme programme = new Programme("KS Folkevalgtprogram", "Rakkestad", oslo, List.of(),
                List.of(new Prompt(1, "Hva tar du med deg?", "Hva tar du med deg?", now.minusMinutes(5),
                        now.plusMinutes(30), true, 0)),
                List.of(new ChannelRef("local", "programmet")), Duration.ofMinutes(10));
        Bot bot = Bot.builder()
                .knowledgeBase(TeamsAdapterTest.oneAnswer())
                .commands(List.of(new ReflectionCommands(reflections, programme, Facilitators.none(), clock,
                        new WordCounter()::top, new WordCloud())))
                .clock(clock)
                .build();
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
    void everyHostileMessage_getsAValidCardAnswer_withTheTextOnlyInTextRuns() throws Exception {
        int n = 0;
        for (Map.Entry<String, String> e : CATALOGUE.entrySet()) {
            n++;
            String activity = n % 2 == 0
                    ? Activities.personalMessage(microsoft.serviceUrl(), "h-" + n, jsonText(e.getValue()))
                    : Activities.channelMention(microsoft.serviceUrl(), "h-" + n, jsonText(e.getValue()));
            int before = microsoft.activities().size();
            HttpResponse<String> r = post(activity);
            assertThat(r.statusCode()).as(e.getKey()).isBetween(200, 202);
            List<FakeMicrosoft.Recorded> all = microsoft.activities();
            /* A private reply to a channel message goes to the personal chat, with our own note in the thread. */
            List<FakeMicrosoft.Recorded> sent = all.subList(before, all.size());
            FakeMicrosoft.Recorded withCard = sent.stream().filter(s -> s.body().contains("\"attachments\""))
                    .reduce((a, b) -> { throw new AssertionError(e.getKey() + ": two cards"); })
                    .orElseThrow(() -> new AssertionError(e.getKey() + ": no card"));
            JsonNode reply = JSON.readTree(withCard.body());
            assertThat(reply.path("entities").isMissingNode() || reply.path("entities").isEmpty())
                    .as("%s: no mention entities made from user text", e.getKey()).isTrue();
            assertThat(reply.path("text").isMissingNode() || reply.path("text").isNull())
                    .as("%s: no Markdown message text beside the card", e.getKey()).isTrue();
            JsonNode card = CardJson.card(withCard.body());
            CardJson.assertValid(card);
            if (ECHOED.contains(e.getKey())) {
                /* Echoed as "(tolket som «...»)"; the question is also the buttons' data, which is never shown,
                   and in the fallback text, which clients show as plain text. */
                assertThat(CardJson.placesOf(card, e.getValue())).as(e.getKey())
                        .contains("TextRun.text").containsOnly("TextRun.text", "data.question", "AdaptiveCard.fallbackText");
            }
        }
    }

    @Test
    void hostileQuestion_isInTheCardOnlyAsTextRunText_andOurFormattingIsRunProperties() throws Exception {
        post(Activities.personalMessage(microsoft.serviceUrl(), "q-1", jsonText(HOSTILE)));

        assertThat(microsoft.activities()).hasSize(1);
        JsonNode card = CardJson.card(microsoft.activities().get(0).body());
        CardJson.assertValid(card);
        List<JsonNode> runs = CardJson.runs(card);
        /* Verbatim, in one run with no formatting of its own. */
        assertThat(runs).filteredOn(run -> run.path("text").asText().contains("[klikk]")).singleElement()
                .satisfies(run -> {
                    assertThat(run.path("text").asText()).isEqualTo("(tolket som «" + HOSTILE + "»)");
                    assertThat(run.has("weight") || run.has("size") || run.has("isSubtle")).isFalse();
                });
        assertThat(CardJson.placesOf(card.path("body"), "[klikk]")).containsExactly("TextRun.text");
        assertThat(CardJson.placesOf(card.path("actions"), HOSTILE)).containsExactly("data.question", "data.question");
        /* The card's fallback text is shown as plain text: the hostile text as typed, nothing added. */
        assertThat(card.path("fallbackText").asText()).contains(HOSTILE).doesNotContain("\\[");
        /* Our own formatting is in the runs' properties, not in Markdown. */
        assertThat(runs).filteredOn(run -> run.path("text").asText().equals(Cards.SOURCE_LABEL)).singleElement()
                .satisfies(run -> {
                    assertThat(run.path("weight").asText()).isEqualTo("Bolder");
                    assertThat(run.path("isSubtle").asBoolean()).isTrue();
                    assertThat(run.path("size").asText()).isEqualTo("Small");
                });
        assertThat(runs).filteredOn(run -> run.path("text").asText().equals(Cards.SEE_ALSO_LABEL)).singleElement()
                .satisfies(run -> assertThat(run.path("weight").asText()).isEqualTo("Bolder"));
        assertThat(runs).extracting(run -> run.path("text").asText()).filteredOn(text -> !text.contains(HOSTILE))
                .isNotEmpty().noneMatch(text -> text.contains("**") || text.contains("[") || text.contains("\n- "));
    }

    @Test
    void hostileMaterial_slideTextAndTitles_areTextRunsOnly() throws Exception {
        Passage slide = new Passage("deck.txt", 7, "**Tittel** [lenke](https://evil.example)",
                "# Overskrift\n- [klikk](https://evil.example) <at>Alle</at>", "Del 1", 1);
        Passage next = new Passage("deck.txt", 8, "_Se_ [her](https://evil.example)", "Mer", "Del 1", 1);
        KnowledgeBase material = new FixedKnowledge(question -> new Answer(question, true, List.of(
                new Hit(slide, List.of(slide.text().split("\n")), 9.0), new Hit(next, List.of("Mer"), 5.0)), null),
                slide.title());
        askAnotherAdapter(material, "m-1");

        JsonNode card = CardJson.card(microsoft.activities().get(0).body());
        CardJson.assertValid(card);
        assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText()).containsSubsequence(
                "# Overskrift\n- [klikk](https://evil.example) <at>Alle</at>",
                Cards.SOURCE_LABEL, "«**Tittel** [lenke](https://evil.example)», lysbilde 7 (deck.txt)",
                Cards.SEE_ALSO_LABEL, "• «_Se_ [her](https://evil.example)» (lysbilde 8)");
        assertThat(CardJson.placesOf(card.path("body"), "evil.example")).hasSize(3).containsOnly("TextRun.text");
        assertThat(card.path("fallbackText").asText()).isEqualTo("# Overskrift\n- [klikk](https://evil.example) <at>Alle</at>");
    }

    @Test
    void hostileMaterial_inAnUnsureAnswersSuggestions_isTextRunsOnly() throws Exception {
        Passage slide = new Passage("deck.txt", 7, "**Tittel** [lenke](https://evil.example)",
                "# Overskrift\n- [klikk](https://evil.example) <at>Alle</at>", "Del 1", 1);
        Passage next = new Passage("deck.txt", 8, "_Se_ [her](https://evil.example)", "1. <b>fet</b>", "Del 1", 1);
        KnowledgeBase unsure = new FixedKnowledge(question -> Answer.unsure(question, List.of(
                new Hit(slide, List.of(slide.text().split("\n")), 3.0), new Hit(next, List.of(next.text()), 2.0)), null),
                slide.title());
        askAnotherAdapter(unsure, "u-1");

        JsonNode card = CardJson.card(microsoft.activities().get(0).body());
        CardJson.assertValid(card);
        assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText()).containsSubsequence(
                "1. **Tittel** [lenke](https://evil.example)", "# Overskrift", "- [klikk](https://evil.example) <at>Alle</at>",
                Cards.SOURCE_LABEL, "«**Tittel** [lenke](https://evil.example)», lysbilde 7 (deck.txt)",
                "2. _Se_ [her](https://evil.example)", "1. <b>fet</b>",
                Cards.SOURCE_LABEL, "«_Se_ [her](https://evil.example)», lysbilde 8 (deck.txt)");
        assertThat(CardJson.placesOf(card.path("body"), "evil.example")).hasSize(5).containsOnly("TextRun.text");
        assertThat(CardJson.placesOf(card.path("body"), "<b>")).containsExactly("TextRun.text");
        String fallback = card.path("fallbackText").asText();
        assertThat(fallback).contains("**Tittel** [lenke](https://evil.example)").doesNotContain("\\*");
    }

    @Test
    void hostileReflectionAnswers_areStoredVerbatimOnce_andShownOnlyAsTextRunText() throws Exception {
        List<String> answers = List.of(CATALOGUE.get("script"), CATALOGUE.get("attribute"), CATALOGUE.get("sql"),
                CATALOGUE.get("markdown"), CATALOGUE.get("at"), HOSTILE);
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
        List<FakeMicrosoft.Recorded> sent = microsoft.activities();
        assertThat(sent).hasSize(2 * answers.size());
        for (int i = 0; i < sent.size(); i++) {
            String answer = answers.get(i / 2);
            JsonNode card = CardJson.card(sent.get(i).body());
            CardJson.assertValid(card);
            assertThat(CardJson.text(card.path("body").get(0))).isEqualTo("Takk! Svaret ditt på «Hva tar du med deg?» er lagret.");
            assertThat(CardJson.placesOf(card, answer)).as("the confirmation never quotes the answer").isEmpty();
        }

        post(Activities.personalMessage(microsoft.serviceUrl(), "r-mine", jsonText("refleksjon mine")));
        JsonNode mine = CardJson.card(microsoft.activities().get(sent.size()).body());
        CardJson.assertValid(mine);
        for (String answer : answers) {
            assertThat(CardJson.placesOf(mine.path("body"), "«" + answer + "»")).as(answer).containsExactly("TextRun.text");
        }
    }

    @Test
    void summaryOfAPromptWithAHostileTitle_postedProactively_keepsTheTitleInTextRuns() throws Exception {
        post(Activities.botAddedToTeam(microsoft.serviceUrl()));
        post(Activities.personalMessage(microsoft.serviceUrl(), "s-1", jsonText("refleksjon Kommunen trenger åpenhet")));
        post(Activities.personalMessage(microsoft.serviceUrl(), "s-2", jsonText("refleksjon " + HOSTILE)));
        /* Words and the cloud come with three members: two more answer in the prompt card. */
        for (int member = 3; member <= 4; member++) {
            post(Activities.channelCardInvoke(microsoft.serviceUrl(), "s-" + member, "29:user-" + member, "aad-" + member,
                    "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"action\":\"reflection.answer\","
                            + "\"prompt\":\"1\",\"svar\":\"Åpenhet og tillit\"}}"));
        }
        assertThat(reflections.forPrompt(1)).hasSize(4);
        microsoft.connector.clear();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        ZonedDateTime now = ZonedDateTime.now(oslo);
        Programme programme = new Programme("KS Folkevalgtprogram", "Rakkestad", oslo, List.of(),
                List.of(new Prompt(1, HOSTILE, HOSTILE, now.minusHours(1), now.minusMinutes(1), true, 0)),
                List.of(new ChannelRef("teams", Activities.CHANNEL)), Duration.ofMinutes(10));
        ReflectionSummaries summaries = new ReflectionSummaries(reflections, programme, new WordCounter()::top, new WordCloud());
        ChannelRef channel = new ChannelRef("teams", Activities.CHANNEL);

        teams.poster().post(channel, summaries.compose(new PlannedPost("summary-1@" + channel, Instant.now(), channel,
                PostKind.SUMMARY, HOSTILE, 1), false));

        JsonNode card = CardJson.card(microsoft.activities().get(0).body());
        CardJson.assertValid(card);
        assertThat(CardJson.text(card.path("body").get(0))).startsWith("Oppsummering: «" + HOSTILE + "» — 4 svar. Mest brukte ord:");
        /* The image's alt text is read by screen readers, never as Markdown. */
        assertThat(CardJson.placesOf(card.path("body"), HOSTILE)).containsExactlyInAnyOrder("TextRun.text", "Image.altText");
    }

    @Test
    void facilitatorOnlySummaries_areRefusedToATeamsUser() throws Exception {
        post(Activities.personalMessage(microsoft.serviceUrl(), "f-1", jsonText("refleksjon oppsummering")));
        post(Activities.channelMention(microsoft.serviceUrl(), "f-2", jsonText("refleksjon oppsummering 1")));
        List<FakeMicrosoft.Recorded> cards = microsoft.activities().stream()
                .filter(sent -> sent.body().contains("\"attachments\"")).toList();
        assertThat(cards).hasSize(2).allSatisfy(sent -> {
            JsonNode body = CardJson.card(sent.body()).path("body");
            assertThat(CardJson.text(body.get(0))).startsWith("Beklager, oppsummeringer kan bare fasilitatorer be om.");
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

    /* A personal message to an adapter whose bot asks {@code material}; its card reaches the fake connector. */
    private void askAnotherAdapter(KnowledgeBase material, String activityId) throws Exception {
        TeamsAdapter other = TeamsAdapter.create(TeamsSettings.emulator(),
                Bot.builder().knowledgeBase(material).build(),
                new JdbcFeedbackStore(db),
                new JdbcConversationStore(db), Clock.systemUTC());
        try (WebServer otherServer = WebServer.start("127.0.0.1", 0, other.routes())) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otherServer.port() + TeamsAdapter.PATH))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Activities.personalMessage(microsoft.serviceUrl(), activityId, "Hva er en tittel?")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isBetween(200, 202);
        } finally {
            other.close();
        }
    }
}
