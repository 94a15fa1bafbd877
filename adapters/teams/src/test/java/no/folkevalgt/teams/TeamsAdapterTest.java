package no.folkevalgt.teams;

import static no.folkevalgt.teams.Activities.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.folkevalgt.testsupport.FakeMicrosoft;
import no.folkevalgt.testsupport.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcDeliveryLog;
import no.folkevalgt.storage.JdbcDialogueMemory;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.storage.schedule.PostScheduler;
import no.folkevalgt.storage.schedule.RetryPolicy;

/**
 * The real SDK adapter behind the real HTTP server, with Microsoft faked on loopback: OpenID
 * metadata and keys for the JWT validation, the login endpoint, and the Bot Connector.
 */
class TeamsAdapterTest {

    /** The title the material is cited by (not its file, deck.txt). */
    static final String MATERIAL = "KS Folkevalgtprogram, Rakkestad 2019";
    static final Passage INTERPELLASJON = new Passage("deck.txt", 31, "Interpellasjon",
            "• Et spørsmål til ordføreren om en sak av større interesse", "Utvalgsjobbing", 2, "", MATERIAL);
    static final Passage GRUNNGITT = new Passage("deck.txt", 32, "Grunngitt spørsmål", "• Kortere", "Utvalgsjobbing", 2, "",
            MATERIAL);

    static FakeMicrosoft microsoft;
    static final AtomicInteger DBS = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();
    Database db;
    JdbcConversationStore conversations;
    JdbcFeedbackStore feedback;
    TeamsAdapter teams;
    WebServer server;

    @BeforeAll
    static void startMicrosoft() throws IOException {
        microsoft = new FakeMicrosoft();
    }

    @AfterAll
    static void stopMicrosoft() {
        microsoft.close();
    }

    @BeforeEach
    void start() {
        db = Database.open("jdbc:h2:mem:teams" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        conversations = new JdbcConversationStore(db);
        feedback = new JdbcFeedbackStore(db);
        teams = TeamsAdapter.builder(new TeamsSettings(APP_ID, "not-a-real-secret", ""))
                .bot(Bot.builder().knowledgeBase(oneAnswer()).build())
                .feedback(feedback).conversations(conversations).clock(Clock.systemUTC())
                .openIdMetadataUrl(microsoft.openIdUrl())
                .loginHost(microsoft.loginHost())
                .build();
        server = WebServer.start("127.0.0.1", 0, teams.routes());
        microsoft.connector.clear();
    }

    @AfterEach
    void stop() {
        script();
        server.close();
        teams.close();
        db.close();
    }

    String validToken() {
        return microsoft.token(APP_ID, FakeMicrosoft.ISSUER, Instant.now().plusSeconds(600), microsoft.serviceUrl(), microsoft.key);
    }

    HttpResponse<String> post(String json, String token) throws Exception {
        return post(server.port(), json, token);
    }

    HttpResponse<String> post(int port, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + TeamsAdapter.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void personalMessage_isAnsweredWithAnAdaptiveCard_throughTheConnector() throws Exception {
        HttpResponse<String> response = post(Activities.personalMessage(microsoft.serviceUrl(), "m-1", "Hva er en interpellasjon?"), validToken());

        assertThat(response.statusCode()).isBetween(200, 202);
        List<FakeMicrosoft.Recorded> sent = microsoft.activities();
        assertThat(sent).hasSize(1);
        FakeMicrosoft.Recorded reply = sent.get(0);
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.path()).isEqualTo("/v3/conversations/" + Activities.PERSONAL + "/activities/m-1");
        assertThat(reply.authorization()).isEqualTo("Bearer " + FakeMicrosoft.BOT_TOKEN);
        assertThat(reply.body()).contains("application/vnd.microsoft.card.adaptive", "AdaptiveCard", "Action.Execute",
                "feedback.up", "feedback.down");
        JsonNode card = CardJson.card(reply.body());
        CardJson.assertValid(card);
        assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText()).containsSubsequence(
                "(tolket som «Hva er en interpellasjon?»)", "Et spørsmål til ordføreren",
                "Kilde: ", "«Interpellasjon», lysbilde 31 (KS Folkevalgtprogram, Rakkestad 2019)", "Se også:",
                "• «Grunngitt spørsmål» (lysbilde 32)");
        assertThat(microsoft.tokenRequestLog).anySatisfy(request -> {
            assertThat(request.path()).as("a multi-tenant bot asks botframework.com").isEqualTo("/botframework.com/oauth2/v2.0/token");
            assertThat(request.field("grant_type")).isEqualTo("client_credentials");
            assertThat(request.field("client_id")).isEqualTo(APP_ID);
            assertThat(request.field("scope").split(" ")).contains("https://api.botframework.com/.default");
        });
        assertThat(conversations.find(new ChannelRef("teams", Activities.PERSONAL))).isPresent();
    }

    /* The memory in the database, as in production; the knowledge base records what it was asked. */
    @Test
    void aFollowUpInPersonalChat_isReadWithTheQuestionBefore_andTheCardSaysSo() throws Exception {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        KnowledgeBase recording = new FixedKnowledge(question -> {
            asked.add(question);
            return oneAnswer(question);
        }, "Interpellasjon");
        TeamsAdapter remembering = TeamsAdapter.builder(new TeamsSettings(APP_ID, "not-a-real-secret", ""))
                .bot(Bot.builder().knowledgeBase(recording).memory(new JdbcDialogueMemory(db)).build())
                .feedback(feedback).conversations(conversations).clock(Clock.systemUTC())
                .openIdMetadataUrl(microsoft.openIdUrl())
                .loginHost(microsoft.loginHost())
                .build();
        try (WebServer other = WebServer.start("127.0.0.1", 0, remembering.routes())) {
            post(other.port(), Activities.personalMessage(microsoft.serviceUrl(), "f-1", "Hva er en interpellasjon?"), validToken());
            post(other.port(), Activities.personalMessage(microsoft.serviceUrl(), "f-2", "når må den meldes?"), validToken());
        } finally {
            remembering.close();
        }

        assertThat(asked).containsExactly("Hva er en interpellasjon?", "når må den meldes? Hva er en interpellasjon?");
        FakeMicrosoft.Recorded reply = microsoft.activities().get(1);
        assertThat(reply.path()).isEqualTo("/v3/conversations/" + Activities.PERSONAL + "/activities/f-2");
        JsonNode card = CardJson.card(reply.body());
        CardJson.assertValid(card);
        assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText()).containsSubsequence(
                "(om: «Hva er en interpellasjon?»)", "Et spørsmål til ordføreren", "Kilde: ",
                "«Interpellasjon», lysbilde 31 (KS Folkevalgtprogram, Rakkestad 2019)");
    }

    @Test
    void personalMessage_withAnUnsureAnswer_showsEachSuggestedSlideInItsOwnContainer_withoutFeedbackButtons() throws Exception {
        TeamsAdapter unsure = TeamsAdapter.builder(new TeamsSettings(APP_ID, "not-a-real-secret", ""))
                .bot(Bot.builder().knowledgeBase(unsure()).build())
                .feedback(feedback).conversations(conversations).clock(Clock.systemUTC())
                .openIdMetadataUrl(microsoft.openIdUrl())
                .loginHost(microsoft.loginHost())
                .build();
        try (WebServer other = WebServer.start("127.0.0.1", 0, unsure.routes())) {
            HttpResponse<String> response = post(other.port(),
                    Activities.personalMessage(microsoft.serviceUrl(), "u-1", "Hvordan spør jeg ordføreren?"), validToken());
            assertThat(response.statusCode()).isBetween(200, 202);
        } finally {
            unsure.close();
        }

        FakeMicrosoft.Recorded reply = microsoft.activities().get(0);
        assertThat(reply.path()).isEqualTo("/v3/conversations/" + Activities.PERSONAL + "/activities/u-1");
        JsonNode card = CardJson.card(reply.body());
        CardJson.assertValid(card);
        JsonNode body = card.path("body");
        assertThat(body).extracting(element -> element.path("type").asText())
                .containsExactly("RichTextBlock", "Container", "Container", "RichTextBlock");
        assertThat(CardJson.text(body.get(0))).isEqualTo("Jeg er ikke helt sikker, men dette kan være det du lurer på:");
        JsonNode first = body.get(1);
        assertThat(first.path("style").asText()).isEqualTo("emphasis");
        assertThat(first.path("items")).extracting(CardJson::text).containsExactly("1. Interpellasjon",
                "• Et spørsmål til ordføreren om en sak av større interesse",
                "Kilde: «Interpellasjon», lysbilde 31 (KS Folkevalgtprogram, Rakkestad 2019)");
        assertThat(first.path("items").get(0).path("inlines").get(0).path("weight").asText()).isEqualTo("Bolder");
        assertThat(body.get(2).path("items")).extracting(CardJson::text).containsExactly("2. Grunngitt spørsmål",
                "• Kortere", "Kilde: «Grunngitt spørsmål», lysbilde 32 (KS Folkevalgtprogram, Rakkestad 2019)");
        assertThat(CardJson.text(body.get(3))).isEqualTo("Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.");
        assertThat(card.has("actions")).as("no feedback buttons on a guess").isFalse();
        assertThat(new ObjectMapper().readTree(reply.body()).path("summary").asText())
                .startsWith("Jeg er ikke helt sikker, men dette kan være det du lurer på:");
    }

    @Test
    void channelMention_isStrippedOfTheBotsName_beforeTheBotSeesIt_andAnsweredInItsThread() throws Exception {
        HttpResponse<String> response = post(Activities.channelMention(microsoft.serviceUrl(), "c-1", "Hva er en interpellasjon?"),
                validToken());

        assertThat(response.statusCode()).isBetween(200, 202);
        assertThat(microsoft.activities()).singleElement().satisfies(r -> {
            assertThat(r.path()).as("a reply in the thread of the message that mentioned the bot, not a new channel post")
                    .isEqualTo("/v3/conversations/" + Activities.CHANNEL + ";messageid=c-1/activities/c-1");
            assertThat(r.body()).doesNotContain("<at>").contains("(tolket som «Hva er en interpellasjon?»)");
        });
        assertThat(conversations.find(new ChannelRef("teams", Activities.CHANNEL)))
                .as("a message in a thread makes the channel itself postable")
                .hasValueSatisfying(c -> assertThat(c.reference()).doesNotContain("messageid"));
    }

    /* Help is a private reply (only the asker sees it in Slack); Teams has no such message in a channel. */
    @Test
    void aPrivateReplyToAChannelMention_goesToThePersonalChat_withANoteInTheThread() throws Exception {
        HttpResponse<String> response = post(Activities.channelMention(microsoft.serviceUrl(), "c-1", "hjelp"), validToken());

        assertThat(response.statusCode()).isBetween(200, 202);
        List<FakeMicrosoft.Recorded> sent = microsoft.activities();
        assertThat(sent).extracting(FakeMicrosoft.Recorded::path).hasSize(3).first().isEqualTo("/v3/conversations");
        assertThat(sent).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + FakeMicrosoft.BOT_TOKEN));
        assertThat(sent.get(1).path()).matches("/v3/conversations/sent-\\d+/activities");
        assertThat(CardJson.text(CardJson.card(sent.get(1).body()).path("body").get(0))).startsWith("Jeg svarer på spørsmål");
        assertThat(sent.get(2).path()).isEqualTo("/v3/conversations/" + Activities.CHANNEL + ";messageid=c-1/activities/c-1");
        assertThat(new ObjectMapper().readTree(sent.get(2).body()).path("text").asText()).isEqualTo(TeamsBot.SENT_PRIVATELY);
    }

    @Test
    void actionSubmitFromAnOlderClient_arrivesAsAMessage_andIsStoredAsFeedback() throws Exception {
        String submit = Activities.personalMessage(microsoft.serviceUrl(), "s-1", "")
                .replace("\"text\":\"\",", "\"value\":{\"action\":\"feedback.up\",\"value\":\"deck.txt#31\",\"question\":\"Hva er en interpellasjon?\"},");

        assertThat(post(submit, validToken()).statusCode()).isBetween(200, 202);

        assertThat(feedback.all()).singleElement().satisfies(f -> assertThat(f.helpful()).isTrue());
        assertThat(microsoft.activities()).singleElement().satisfies(r -> {
            JsonNode sent = new ObjectMapper().readTree(r.body());
            assertThat(sent.path("text").asText()).isEqualTo(TeamsBot.THANKS);
            assertThat(sent.path("textFormat").asText()).as("our own text, sent as plain text, not Markdown").isEqualTo("plain");
            assertThat(sent.path("attachments").isMissingNode() || sent.path("attachments").isEmpty()).isTrue();
        });
    }

    @Test
    void botAddedToATeam_storesTheConversation_andGreets() throws Exception {
        HttpResponse<String> response = post(Activities.botAddedToTeam(microsoft.serviceUrl()), validToken());

        assertThat(response.statusCode()).isBetween(200, 202);
        assertThat(conversations.find(new ChannelRef("teams", Activities.CHANNEL))).hasValueSatisfying(c -> {
            assertThat(c.tenant()).isEqualTo(Activities.TENANT);
            assertThat(c.reference()).contains(microsoft.serviceUrl(), Activities.CHANNEL);
        });
        assertThat(microsoft.activities()).singleElement().satisfies(r -> assertThat(r.body()).contains("Hei!"));
    }

    @Test
    void cardActionInvoke_storesFeedback_andAcknowledgesInTheInvokeResponse() throws Exception {
        HttpResponse<String> response = post(Activities.cardAction(microsoft.serviceUrl(), "feedback.down", "deck.txt#31",
                "Hva er en interpellasjon?"), validToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Takk for tilbakemeldingen!", "application/vnd.microsoft.activity.message");
        assertThat(feedback.all()).singleElement().satisfies(f -> {
            assertThat(f.platform()).isEqualTo("teams");
            assertThat(f.user()).isEqualTo(Activities.USER_AAD);
            assertThat(f.passageId()).isEqualTo("deck.txt#31");
            assertThat(f.question()).isEqualTo("Hva er en interpellasjon?");
            assertThat(f.helpful()).isFalse();
        });
    }

    @Test
    void missingWrongOrExpiredOrForgedTokens_get401_andChangeNothing() throws Exception {
        String activity = Activities.personalMessage(microsoft.serviceUrl(), "m-x", "Hva er en interpellasjon?");
        String url = microsoft.serviceUrl();
        Instant later = Instant.now().plusSeconds(600);
        List<String> bad = java.util.Arrays.asList(
                null,
                microsoft.token("another-app-id", FakeMicrosoft.ISSUER, later, url, microsoft.key),
                microsoft.token(APP_ID, "https://evil.example.com", later, url, microsoft.key),
                microsoft.token(APP_ID, FakeMicrosoft.ISSUER, Instant.now().minus(Duration.ofHours(1)), url, microsoft.key),
                microsoft.token(APP_ID, FakeMicrosoft.ISSUER, later, url, microsoft.otherKey),
                "not-a-jwt");
        for (String token : bad) {
            assertThat(post(activity, token).statusCode()).as("token %s", token).isEqualTo(401);
        }
        assertThat(post(Activities.cardAction(url, "feedback.up", "deck.txt#31", "q"), null).statusCode()).isEqualTo(401);

        assertThat(microsoft.activities()).isEmpty();
        assertThat(conversations.all("teams")).isEmpty();
        assertThat(feedback.all()).isEmpty();

        assertThat(post(activity, validToken()).statusCode()).isBetween(200, 202);
        assertThat(microsoft.activities()).hasSize(1);
    }

    @Test
    void proactivePost_reachesAStoredConversation_once() throws Exception {
        post(Activities.botAddedToTeam(microsoft.serviceUrl()), validToken());
        microsoft.connector.clear();

        teams.poster().post(new ChannelRef("teams", Activities.CHANNEL), Reply.text("Påminnelse: Økta starter kl. 10."));

        assertThat(microsoft.activities()).singleElement().satisfies(r -> {
            assertThat(r.path()).endsWith("/activities").doesNotContain("/activities/");
            assertThat(r.body()).contains("Påminnelse: Økta starter kl. 10.");
            assertThat(r.authorization()).isEqualTo("Bearer " + FakeMicrosoft.BOT_TOKEN);
        });
    }

    @Test
    void proactivePost_withAnImage_carriesItInTheCard() throws Exception {
        post(Activities.botAddedToTeam(microsoft.serviceUrl()), validToken());
        microsoft.connector.clear();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        teams.poster().post(new ChannelRef("teams", Activities.CHANNEL), Reply.builder().text("Ordsky for refleksjon 1")
                .image(new Reply.Image("image/png", png, "Ordsky over svarene")).build());

        assertThat(microsoft.activities()).singleElement().satisfies(r -> {
            assertThat(r.body()).contains("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png), "Ordsky over svarene");
            CardJson.assertValid(CardJson.card(r.body()));
        });
    }

    @Test
    void proactivePost_toAnUnknownConversation_isPermanent() {
        assertThatThrownBy(() -> teams.poster().post(new ChannelRef("teams", "19:unknown@thread.tacv2"), Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, f -> assertThat(f.permanent()).isTrue());
        assertThat(microsoft.activities()).isEmpty();
    }

    @Test
    void throttledPost_isTemporary_withTheConnectorsRetryAfter() throws Exception {
        post(Activities.botAddedToTeam(microsoft.serviceUrl()), validToken());
        microsoft.connector.clear();
        synchronized (microsoft.scriptedStatuses) {
            for (int i = 0; i < 10; i++) {
                microsoft.scriptedStatuses.add(429);
            }
        }
        try {
            assertThatThrownBy(() -> teams.poster().post(new ChannelRef("teams", Activities.CHANNEL), Reply.text("Hei")))
                    .isInstanceOfSatisfying(PostFailure.class, f -> {
                        assertThat(f.permanent()).isFalse();
                        assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
                    });
        } finally {
            synchronized (microsoft.scriptedStatuses) {
                microsoft.scriptedStatuses.clear();
            }
        }
    }

    @Test
    void oneBadGateway_isRetriedWithinTheCall_andTheReminderArrivesOnce() throws Exception {
        post(Activities.botAddedToTeam(microsoft.serviceUrl()), validToken());
        microsoft.connector.clear();
        script(502);

        teams.poster().post(new ChannelRef("teams", Activities.CHANNEL), Reply.text("Hei"));

        assertThat(microsoft.activities()).hasSize(2);
    }

    @Test
    void aLastingBadGateway_isTemporary_afterThreeRequests() throws Exception {
        post(Activities.botAddedToTeam(microsoft.serviceUrl()), validToken());
        microsoft.connector.clear();
        script(502, 502, 502, 502);

        assertThatThrownBy(() -> teams.poster().post(new ChannelRef("teams", Activities.CHANNEL), Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, f -> assertThat(f.permanent()).isFalse());
        assertThat(microsoft.activities()).hasSize(3);
    }

    @Test
    void forbidden_isPermanent_afterOneRequest_andNothingElseIsPosted() throws Exception {
        post(Activities.botAddedToTeam(microsoft.serviceUrl()), validToken());
        microsoft.connector.clear();
        script(403);

        assertThatThrownBy(() -> teams.poster().post(new ChannelRef("teams", Activities.CHANNEL), Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, f -> assertThat(f.permanent()).isTrue());
        assertThat(microsoft.activities()).hasSize(1);
    }

    void script(int... statuses) {
        synchronized (microsoft.scriptedStatuses) {
            microsoft.scriptedStatuses.clear();
            for (int status : statuses) {
                microsoft.scriptedStatuses.add(status);
            }
        }
    }

    @Test
    void reminderPlannedByTheScheduler_reachesAStoredConversation_exactlyOnce() throws Exception {
        post(Activities.botAddedToTeam(microsoft.serviceUrl()), validToken());
        microsoft.connector.clear();
        ChannelRef channel = new ChannelRef("teams", Activities.CHANNEL);
        PlannedPost reminder = new PlannedPost("reminder-d1-s1@" + channel, Instant.now().plusMillis(300), channel,
                PostKind.REMINDER, "Økt 1 starter om 15 minutter.", 0);
        try (PostScheduler one = scheduler("a"); PostScheduler two = scheduler("b")) {
            one.schedule(List.of(reminder));
            two.schedule(List.of(reminder));
            one.start();
            two.start();
            Waits.within(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !microsoft.activities().isEmpty());
            /* Both schedulers keep running: the reminder stays delivered once. */
            Waits.holdsFor(Duration.ofMillis(1500), () -> assertThat(microsoft.activities()).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("Økt 1 starter om 15 minutter.")));
        }
        assertThat(new JdbcDeliveryLog(db).attempts(reminder.id())).extracting(a -> a.status()).containsExactly(DeliveryStatus.SENT);
    }

    PostScheduler scheduler(String name) {
        return PostScheduler.builder(db, teams.poster(), (post, late) -> Reply.text(post.text()), new JdbcDeliveryLog(db))
                .instanceName(name)
                .pollingInterval(Duration.ofMillis(100))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(200), Duration.ofSeconds(1)))
                .build();
    }

    /** Is never sure: offers the interpellation slide and the next one as suggestions. */
    static KnowledgeBase unsure() {
        return new FixedKnowledge(question -> Answer.unsure(question, List.of(
                new Hit(INTERPELLASJON, List.of("• Et spørsmål til ordføreren om en sak av større interesse"), 3.0),
                new Hit(GRUNNGITT, List.of("• Kortere"), 2.0)), null), "Interpellasjon");
    }

    /** Answers every question with the interpellation slide and "Se også" the next one. */
    static KnowledgeBase oneAnswer() {
        return new FixedKnowledge(TeamsAdapterTest::oneAnswer, "Interpellasjon");
    }

    private static Answer oneAnswer(String question) {
        return new Answer(question, true, List.of(new Hit(INTERPELLASJON, List.of("Et spørsmål til ordføreren"), 9.0),
                new Hit(GRUNNGITT, List.of("Kortere"), 5.0)), question);
    }
}
