package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammePosts;
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
 * Answering a reflection prompt in Teams (issue 17): the prompt card posted to a channel carries an
 * answer field and "Send svar"; the answer arrives as an {@code adaptiveCard/action} invoke and is
 * answered with a card for that member only, while nothing of it reaches the conversation. The real SDK
 * adapter (emulator mode) behind the real HTTP server, the fake Bot Connector recording every activity
 * the bot sends, H2, and the core's real reflection commands and summaries.
 */
class PromptAnswersTeamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger DBS = new AtomicInteger();
    static final ChannelRef CHANNEL = new ChannelRef("teams", Activities.CHANNEL);
    static final String TITLE = "Hva tar du med deg?";
    /** Where the fake connector's new conversation is: it answers a createConversation with an id "sent-N". */
    static final String PERSONAL_CHAT = "/v3/conversations/sent-\\d+/activities";
    static final String SECRET = "Budsjettet bør vedtas før jul, sier jeg i fortrolighet";

    /** Three members: the one of the personal chat, the one who mentions the bot in the channel, one more. */
    record Member(String id, String aad) {
    }

    static final Member KARI = new Member("29:user-1", Activities.USER_AAD);
    static final Member OLA = new Member(Activities.CHANNEL_USER, Activities.CHANNEL_USER_AAD);
    static final Member PER = new Member("29:user-3", "aad-user-0003");

    FakeMicrosoft microsoft;
    Database db;
    JdbcReflectionStore reflections;
    Programme programme;
    ReflectionSummaries summaries;
    TeamsAdapter teams;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        microsoft = new FakeMicrosoft();
        db = Database.open("jdbc:h2:mem:prompt-answers-teams" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        reflections = new JdbcReflectionStore(db);
        Clock clock = Clock.systemUTC();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        ZonedDateTime now = ZonedDateTime.now(oslo);
        programme = new Programme("KS Folkevalgtprogram", "Rakkestad", oslo, List.of(),
                List.of(new Prompt(1, TITLE, "Hva tar du med deg fra i dag? Skriv det du husker best.",
                        now.minusMinutes(5), now.plusMinutes(30), true, 5)),
                List.of(CHANNEL), Duration.ofMinutes(10));
        summaries = new ReflectionSummaries(reflections, programme, new WordCounter()::top, new WordCloud());
        Bot bot = Bot.builder()
                .knowledgeBase(TeamsAdapterTest.oneAnswer())
                .commands(List.of(new ReflectionCommands(reflections, programme, Facilitators.none(), clock,
                        new WordCounter()::top, new WordCloud())))
                .clock(clock)
                .build();
        teams = TeamsAdapter.create(TeamsSettings.emulator(), bot, new JdbcFeedbackStore(db), new JdbcConversationStore(db), clock);
        server = WebServer.start("127.0.0.1", 0, teams.routes());
        post(Activities.botAddedToTeam(microsoft.serviceUrl()));
        microsoft.connector.clear();
    }

    @AfterEach
    void stop() {
        server.close();
        teams.close();
        db.close();
        microsoft.close();
    }

    @Test
    void thePromptPostedToTheChannel_carriesTheAnswerFieldAndSendSvar_inTeamsWords() throws Exception {
        JsonNode card = postPrompt();

        CardJson.assertValid(card);
        List<String> texts = CardJson.runs(card).stream().map(run -> run.path("text").asText()).toList();
        assertThat(texts.get(0)).isEqualTo("Refleksjonsoppgave 1: " + TITLE);
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith(TeamsWording.ANSWER_IN_THE_CARD)
                .contains("Skriv inntil fem ord.", "Svarene er anonyme"));
        JsonNode field = card.path("body").get(card.path("body").size() - 1);
        assertThat(field.path("type").asText()).isEqualTo("Input.Text");
        assertThat(field.path("id").asText()).isEqualTo(Cards.ANSWER_INPUT);
        assertThat(field.path("isMultiline").asBoolean()).isTrue();
        assertThat(field.path("maxLength").asInt()).isEqualTo(1000);
        assertThat(card.path("actions")).singleElement().satisfies(send -> {
            assertThat(send.path("type").asText()).isEqualTo("Action.Execute");
            assertThat(send.path("title").asText()).isEqualTo("Send svar");
            assertThat(send.path("verb").asText()).isEqualTo(Cards.ANSWER_VERB);
            assertThat(send.path("data").path(Cards.DATA_PROMPT).asText()).isEqualTo("1");
        });
        /* Not in the card, its fallback text, nor the activity's summary (the notification). */
        assertThat(microsoft.activities()).singleElement()
                .satisfies(sent -> assertThat(sent.body()).doesNotContain("/refleksjon"));
    }

    @Test
    void anAnswerInTheCard_isStoredOnce_nothingOfItReachesTheConversation_andTheMemberSeesTheirOwnView() throws Exception {
        JsonNode prompt = postPrompt();
        microsoft.connector.clear();

        JsonNode first = answer(prompt, "inv-1", OLA, SECRET);
        JsonNode again = answer(prompt, "inv-1", OLA, SECRET); /* Teams' retry of the same invoke */

        assertThat(reflections.forPrompt(1)).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo(SECRET);
            assertThat(a.platform()).isEqualTo("teams");
            assertThat(a.user()).isEqualTo(OLA.aad());
        });
        assertThat(microsoft.activities()).as("an invoke is answered in its response, never by a post").isEmpty();
        for (JsonNode response : List.of(first, again)) {
            assertThat(response.path("statusCode").asInt()).isEqualTo(200);
            assertThat(response.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            JsonNode card = response.path("value");
            CardJson.assertValid(card);
            assertThat(card.toString()).doesNotContain(SECRET).doesNotContain("Budsjettet").doesNotContain("/refleksjon");
            assertThat(card.findValues("type")).extracting(JsonNode::asText).doesNotContain("Input.Text");
            assertThat(card.has("actions")).isFalse();
            assertThat(card.path("refresh").path("userIds")).extracting(JsonNode::asText).containsExactly(OLA.id());
            assertThat(card.path("refresh").path("action").path("verb").asText()).isEqualTo(Cards.REFRESH_VERB);
            assertThat(card.path("refresh").path("action").path("data").path(Cards.DATA_ANSWERED).asBoolean()).isTrue();
            List<String> texts = CardJson.runs(card).stream().map(run -> run.path("text").asText()).toList();
            assertThat(texts).first().isEqualTo("Refleksjonsoppgave 1: " + TITLE);
            assertThat(texts).contains("Takk! Svaret ditt på «" + TITLE + "» er lagret.")
                    .noneMatch(text -> text.startsWith(TeamsWording.ANSWER_IN_THE_CARD));
        }
    }

    @Test
    void aRefresh_givesTheMemberTheStoredView_andACardNotAnswered_givesThePromptWithItsField() throws Exception {
        JsonNode prompt = postPrompt();
        JsonNode answered = answer(prompt, "inv-1", OLA, "Mer åpenhet").path("value");
        microsoft.connector.clear();

        JsonNode refresh = answered.path("refresh").path("action");
        JsonNode view = invoke("ref-1", OLA, refresh.toString());

        assertThat(view.path("type").asText()).isEqualTo(Cards.CARD_TYPE);
        CardJson.assertValid(view.path("value"));
        assertThat(view.path("value").path("refresh").path("userIds")).extracting(JsonNode::asText).containsExactly(OLA.id());
        assertThat(view.path("value").findValues("type")).extracting(JsonNode::asText).doesNotContain("Input.Text");
        assertThat(CardJson.runs(view.path("value"))).extracting(run -> run.path("text").asText())
                .contains("Refleksjonsoppgave 1: " + TITLE, TeamsBot.ANSWERED);

        ObjectNode notAnswered = (ObjectNode) refresh.deepCopy();
        ((ObjectNode) notAnswered.path("data")).put(Cards.DATA_ANSWERED, false);
        JsonNode base = invoke("ref-2", PER, notAnswered.toString()).path("value");
        CardJson.assertValid(base);
        assertThat(base.has("refresh")).isFalse();
        assertThat(base.findValues("type")).extracting(JsonNode::asText).contains("Input.Text");
        assertThat(base.path("actions").get(0).path("title").asText()).isEqualTo("Send svar");

        assertThat(reflections.forPrompt(1)).hasSize(1);
        assertThat(microsoft.activities()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotStored_comesBackInTheField_withTheReason() throws Exception {
        JsonNode prompt = postPrompt();
        microsoft.connector.clear();
        String tooLong = "Åpenhet ".repeat(130).strip();

        for (String text : List.of("!!! ???", tooLong)) {
            JsonNode response = answer(prompt, "bad-" + text.length(), PER, text);

            assertThat(response.path("type").asText()).isEqualTo(Cards.CARD_TYPE);
            JsonNode card = response.path("value");
            CardJson.assertValid(card);
            assertThat(card.has("refresh")).as("nothing stored: everyone's card, no per-user view").isFalse();
            JsonNode notice = card.path("body").findParents("style").stream()
                    .filter(n -> n.path("style").asText().equals("attention")).findFirst().orElseThrow();
            assertThat(CardJson.text(notice.path("items").get(0))).containsAnyOf("ingen ord", "for langt")
                    .contains("lagret");
            JsonNode field = card.path("body").get(card.path("body").size() - 1);
            assertThat(field.path("type").asText()).isEqualTo("Input.Text");
            assertThat(field.path("value").asText()).as("nothing the member wrote is lost").isEqualTo(text);
            assertThat(card.path("actions").get(0).path("verb").asText()).isEqualTo(Cards.ANSWER_VERB);
        }
        assertThat(reflections.forPrompt(1)).isEmpty();
        assertThat(microsoft.activities()).isEmpty();
    }

    @Test
    void badInvokes_getANorwegianAnswer_andChangeNothing() throws Exception {
        List<String> actions = List.of(
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\"}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":\"garbled\"}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":\"abc\",\"svar\":\"Mer åpenhet\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":\"0\",\"svar\":\"Mer åpenhet\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":\"-1\",\"svar\":\"Mer åpenhet\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":\"99999999999\",\"svar\":\"Mer åpenhet\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":[1],\"svar\":\"Mer åpenhet\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":\"1; DROP TABLE reflection_answers\",\"svar\":\"x\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":\"1\",\"svar\":{\"nested\":\"Mer åpenhet\"}}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":\"1\",\"svar\":\"" + HostileTeamsTest.jsonText(HostileText.ONLY_INVISIBLE) + "\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"prompt\":\"2\",\"svar\":\"Mer åpenhet\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.nope\",\"data\":{\"prompt\":\"1\",\"svar\":\"Mer åpenhet\"}}",
                "{\"type\":\"Action.Execute\",\"verb\":\"reflection.refresh\",\"data\":{\"prompt\":\"x\"}}",
                "\"not an object\"");
        int n = 0;
        for (String action : actions) {
            JsonNode response = invoke("bad-" + ++n, PER, action);
            assertThat(response.path("statusCode").asInt()).as(action).isEqualTo(200);
            String type = response.path("type").asText();
            if (type.equals(Cards.CARD_TYPE)) {
                CardJson.assertValid(response.path("value"));
                assertThat(response.path("value").has("refresh")).as(action).isFalse();
                assertThat(response.path("value").toString()).as(action).contains("lagret");
            } else {
                assertThat(type).as(action).isEqualTo("application/vnd.microsoft.activity.message");
                assertThat(response.path("value").asText()).as(action).isIn(TeamsBot.BAD_FORM, TeamsBot.UNKNOWN_BUTTON);
            }
        }
        assertThat(reflections.forPrompt(1)).isEmpty();
        assertThat(reflections.forPrompt(2)).isEmpty();
        assertThat(microsoft.activities()).isEmpty();
    }

    @Test
    void hostileAnswersInTheCard_areStoredVerbatimOnce_andNeverShownBack() throws Exception {
        JsonNode prompt = postPrompt();
        microsoft.connector.clear();
        int n = 0;
        for (String key : HostileTeamsTest.ECHOED) {
            String text = HostileTeamsTest.CATALOGUE.get(key);
            n++;
            JsonNode response = answer(prompt, "h-" + n, KARI, text);
            answer(prompt, "h-" + n, KARI, text);
            assertThat(response.path("type").asText()).as(key).isEqualTo(Cards.CARD_TYPE);
            CardJson.assertValid(response.path("value"));
            assertThat(response.path("value").toString()).as(key).doesNotContain(HostileTeamsTest.jsonText(text));
        }
        assertThat(reflections.forPrompt(1)).extracting(ReflectionAnswer::text)
                .containsExactlyInAnyOrderElementsOf(HostileTeamsTest.ECHOED.stream().map(HostileTeamsTest.CATALOGUE::get).toList());
        assertThat(microsoft.activities()).isEmpty();
    }

    @Test
    void cardAnswers_areListedByRefleksjonMine_inThePersonalChat() throws Exception {
        JsonNode prompt = postPrompt();
        answer(prompt, "inv-1", KARI, SECRET);
        microsoft.connector.clear();

        post(Activities.personalMessage(microsoft.serviceUrl(), "m-1", "refleksjon mine"));

        assertThat(microsoft.activities()).singleElement().satisfies(sent -> {
            assertThat(sent.path()).isEqualTo("/v3/conversations/" + Activities.PERSONAL + "/activities/m-1");
            JsonNode card = CardJson.card(sent.body());
            CardJson.assertValid(card);
            assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText())
                    .anySatisfy(text -> assertThat(text).endsWith("«" + SECRET + "»"))
                    .anySatisfy(text -> assertThat(text).contains("refleksjon slett"));
            assertThat(sent.body()).doesNotContain("/refleksjon");
        });
    }

    /* A client without Universal Actions sends the button as Action.Submit: a message with the data as its value. */
    @Test
    void anAnswerSubmittedByAnOlderClient_isStored_andTheReplyDoesNotQuoteIt() throws Exception {
        String submit = Activities.personalMessage(microsoft.serviceUrl(), "s-1", "")
                .replace("\"text\":\"\",", "\"value\":{\"action\":\"reflection.answer\",\"prompt\":\"1\",\"svar\":\"" + SECRET + "\"},");

        post(submit);
        post(submit);

        assertThat(reflections.forPrompt(1)).singleElement().satisfies(a -> assertThat(a.user()).isEqualTo(KARI.aad()));
        assertThat(microsoft.activities()).hasSize(2).allSatisfy(sent -> {
            assertThat(sent.path()).isEqualTo("/v3/conversations/" + Activities.PERSONAL + "/activities/s-1");
            assertThat(sent.body()).contains("Takk! Svaret ditt på").doesNotContain(SECRET).doesNotContain("/refleksjon");
        });
    }

    @Test
    void refleksjonMineInAChannel_goesToTheMembersPersonalChat_andTheThreadGetsANeutralNote() throws Exception {
        JsonNode prompt = postPrompt();
        answer(prompt, "inv-1", OLA, SECRET);
        microsoft.connector.clear();

        post(Activities.channelMention(microsoft.serviceUrl(), "c-1", "refleksjon mine"));

        List<FakeMicrosoft.Recorded> sent = microsoft.activities();
        assertThat(sent).hasSize(3);
        JsonNode create = JSON.readTree(sent.get(0).body());
        assertThat(sent.get(0).path()).isEqualTo("/v3/conversations");
        assertThat(create.path("isGroup").asBoolean()).isFalse();
        assertThat(create.path("members")).extracting(m -> m.path("id").asText()).containsExactly(OLA.id());
        assertThat(create.path("tenantId").asText()).isEqualTo(Activities.TENANT);
        assertThat(sent.get(1).path()).as("the personal chat Teams opened (the fake connector names it sent-N)")
                .matches(PERSONAL_CHAT);
        assertThat(CardJson.runs(CardJson.card(sent.get(1).body()))).extracting(run -> run.path("text").asText())
                .anySatisfy(text -> assertThat(text).endsWith("«" + SECRET + "»"));
        assertThat(sent.get(2).path()).isEqualTo("/v3/conversations/" + Activities.CHANNEL + ";messageid=c-1/activities/c-1");
        JsonNode note = JSON.readTree(sent.get(2).body());
        assertThat(note.path("text").asText()).isEqualTo(TeamsBot.SENT_PRIVATELY + " " + TeamsBot.ANSWER_IN_THE_CARD_HINT);
        assertThat(note.path("textFormat").asText()).isEqualTo("plain");
        assertThat(sent).filteredOn(r -> r.path().contains(Activities.CHANNEL))
                .noneMatch(r -> r.body().contains(SECRET) || r.body().contains("Budsjettet"));
    }

    @Test
    void whenThePersonalChatCannotBeOpened_theThreadGetsOnlyTheNote() throws Exception {
        JsonNode prompt = postPrompt();
        answer(prompt, "inv-1", OLA, SECRET);
        microsoft.connector.clear();
        synchronized (microsoft.scriptedStatuses) {
            microsoft.scriptedStatuses.add(403);
        }

        post(Activities.channelMention(microsoft.serviceUrl(), "c-1", "refleksjon mine"));

        List<FakeMicrosoft.Recorded> sent = microsoft.activities();
        assertThat(sent).extracting(FakeMicrosoft.Recorded::path).containsExactly("/v3/conversations",
                "/v3/conversations/" + Activities.CHANNEL + ";messageid=c-1/activities/c-1");
        assertThat(JSON.readTree(sent.get(1).body()).path("text").asText()).startsWith(TeamsBot.ASK_PRIVATELY);
        assertThat(sent).noneMatch(r -> r.body().contains(SECRET) || r.body().contains("Budsjettet"));
    }

    @Test
    void anAnswerTypedAfterAMentionInAChannel_isStored_andTheThreadSeesNoneOfIt() throws Exception {
        post(Activities.channelMention(microsoft.serviceUrl(), "c-2", "refleksjon " + SECRET));

        assertThat(reflections.forPrompt(1)).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo(SECRET);
            assertThat(a.user()).isEqualTo(OLA.aad());
        });
        List<FakeMicrosoft.Recorded> sent = microsoft.activities();
        assertThat(sent).noneMatch(r -> r.body().contains(SECRET));
        assertThat(sent).filteredOn(r -> r.path().contains(Activities.CHANNEL)).singleElement()
                .satisfies(r -> assertThat(JSON.readTree(r.body()).path("text").asText())
                        .isEqualTo(TeamsBot.SENT_PRIVATELY + " " + TeamsBot.ANSWER_IN_THE_CARD_HINT));
        assertThat(sent).filteredOn(r -> r.path().matches(PERSONAL_CHAT)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("Takk! Svaret ditt på").doesNotContain("/refleksjon"));
    }

    @Test
    void theSummaryThroughTeams_showsWordsOnlyOnceThreeMembersAnswered() throws Exception {
        JsonNode prompt = postPrompt();
        answer(prompt, "a-1", KARI, "Mer åpenhet i kommunen");
        answer(prompt, "a-2", OLA, "Åpenhet og tillit");
        answer(prompt, "a-3", OLA, "Tillit til hverandre");

        JsonNode few = postSummary();
        String text = CardJson.text(few.path("body").get(0));
        assertThat(text).contains("3 svar.", "For få svar til å vise ord").doesNotContain("Mest brukte ord")
                .doesNotContain("åpenhet").doesNotContain("tillit");
        assertThat(few.findValues("type")).extracting(JsonNode::asText).doesNotContain("Image");
        assertThat(few.toString()).doesNotContain("/refleksjon");

        answer(prompt, "a-4", PER, "Åpenhet, tillit og samarbeid");

        JsonNode enough = postSummary();
        assertThat(CardJson.text(enough.path("body").get(0))).contains("4 svar.", "Mest brukte ord", "åpenhet")
                .doesNotContain("For få svar");
        assertThat(enough.findValues("type")).extracting(JsonNode::asText).contains("Image");
        assertThat(enough.toString()).doesNotContain("/refleksjon");
    }

    @Test
    void theBotsOwnTexts_nameTheCommandAsTeamsUsersTypeIt() throws Exception {
        JsonNode prompt = postPrompt();
        microsoft.connector.clear();
        List<String> messages = List.of("hjelp", "refleksjon", "refleksjon mine", "refleksjon Mer åpenhet", "refleksjon mine",
                "refleksjon slett", "refleksjon 7 Mer åpenhet", "refleksjon !!!", "program");
        int n = 0;
        for (String message : messages) {
            post(Activities.personalMessage(microsoft.serviceUrl(), "w-" + ++n, message));
        }
        answer(prompt, "w-card", KARI, "Mer åpenhet");

        List<FakeMicrosoft.Recorded> sent = microsoft.activities();
        assertThat(sent).hasSize(messages.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).body()).as(messages.get(i)).doesNotContain("/refleksjon");
        }
        assertThat(CardJson.runs(CardJson.card(sent.get(0).body()))).extracting(run -> run.path("text").asText())
                .anySatisfy(text -> assertThat(text).contains("refleksjon mine"));
    }

    /* ---- helpers ---- */

    /** The prompt as the scheduler posts it to the channel; the card that reached the connector. */
    JsonNode postPrompt() throws Exception {
        PlannedPost post = PostPlanner.plan(programme).stream()
                .filter(p -> p.kind() == PostKind.PROMPT && p.prompt() == 1 && p.channel().equals(CHANNEL))
                .findFirst().orElseThrow();
        Reply reply = new ProgrammePosts(programme, summaries, Clock.systemUTC()).compose(post, false);
        int before = microsoft.activities().size();
        teams.poster().post(CHANNEL, reply);
        return CardJson.card(microsoft.activities().get(before).body());
    }

    JsonNode postSummary() throws Exception {
        int before = microsoft.activities().size();
        teams.poster().post(CHANNEL, summaries.compose(new PlannedPost("summary-1@" + CHANNEL, Instant.now(), CHANNEL,
                PostKind.SUMMARY, TITLE, 1), false));
        JsonNode card = CardJson.card(microsoft.activities().get(before).body());
        CardJson.assertValid(card);
        return card;
    }

    /** "Send svar" on the prompt card, as Teams sends it: the action's data with the field's text merged in. */
    JsonNode answer(JsonNode promptCard, String invokeId, Member member, String text) throws Exception {
        ObjectNode action = (ObjectNode) promptCard.path("actions").get(0).deepCopy();
        ((ObjectNode) action.path("data")).put(Cards.ANSWER_INPUT, text);
        action.remove("title");
        return invoke(invokeId, member, JSON.writeValueAsString(action));
    }

    JsonNode invoke(String id, Member member, String action) throws Exception {
        HttpResponse<String> r = post(Activities.channelCardInvoke(microsoft.serviceUrl(), id, member.id(), member.aad(), action));
        assertThat(r.statusCode()).as(action).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
