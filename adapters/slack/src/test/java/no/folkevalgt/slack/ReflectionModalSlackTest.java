package no.folkevalgt.slack;

import static no.folkevalgt.slack.SlackRequests.FORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
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
import no.folkevalgt.storage.JdbcReflectionStore;
import no.folkevalgt.testsupport.FakeSlackApi;
import no.folkevalgt.testsupport.HostileText;
import no.folkevalgt.testsupport.Waits;
import no.folkevalgt.wordcloud.WordCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Svar" button under a posted reflection prompt, through the real Bolt app on the real HTTP
 * server with signed requests, the real reflection commands and H2: the posted prompt carries the
 * button; a click opens the modal (views.open at the fake Slack); the submission is stored once, as the
 * user Slack names, and answered in the modal; nothing of it reaches the channel. Also the channel
 * summary's rule of three through Slack.
 */
class ReflectionModalSlackTest {

    static final String CHANNEL = "C0PROG";
    static final String TITLE = "Hva tar du med deg <hjem> & videre?";

    @TempDir
    Path dir;
    Database db;
    GatedStore store;
    Programme programme;
    ProgrammePosts posts;
    FakeSlackApi api;
    SlackAdapter adapter;
    WebServer server;
    SlackRequests slack;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        ZonedDateTime now = ZonedDateTime.now(oslo);
        programme = new Programme("KS Folkevalgtprogram", "Rakkestad", oslo, List.of(), List.of(
                new Prompt(1, TITLE, "Tenk på dagen i dag. " + TITLE, now.minusMinutes(5), now.plusMinutes(30), true, 0),
                new Prompt(2, "Hva vil du endre?", "Hva vil du endre?", now.plusDays(1), now.plusDays(1).plusHours(1),
                        true, 0)),
                List.of(new ChannelRef("slack", CHANNEL)), Duration.ofMinutes(10));
        db = Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "sa", "");
        store = new GatedStore(new JdbcReflectionStore(db));
        Bot bot = Bot.builder()
                .knowledgeBase(new HostileSlackFacilitatorTest.NoAnswers())
                .commands(List.of(new ReflectionCommands(store, programme, Facilitators.parse("slack:U0FACIL"), clock,
                        new WordCounter()::top, new WordCloud())))
                .clock(clock)
                .build();
        posts = new ProgrammePosts(programme, new ReflectionSummaries(store, programme, new WordCounter()::top,
                new WordCloud()), clock);
        api = new FakeSlackApi();
        adapter = SlackAdapter.create(new SlackSettings("xoxb-1234-5678-test", SlackRequests.SECRET, null, api.apiUrl(),
                CHANNEL), bot, new SlackFixture.MemoryFeedback(), clock, Duration.ofMillis(100));
        server = WebServer.start("127.0.0.1", 0, adapter.routes());
        slack = new SlackRequests("http://127.0.0.1:" + server.port() + SlackAdapter.PATH, SlackRequests.SECRET);
    }

    @AfterEach
    void stop() {
        store.open();
        server.close();
        adapter.close();
        api.close();
        db.close();
    }

    @Test
    void postedPrompt_hasASvarButton_carryingThePromptNumber_besideTheSlashCommand() throws Exception {
        adapter.poster().post(new ChannelRef("slack", CHANNEL), posts.compose(post(PostKind.PROMPT, 1), false));

        FakeSlackApi.Call post = api.await("chat.postMessage", 1).get(0);
        JsonNode blocks = post.json("blocks");
        JsonNode button = blocks.get(blocks.size() - 1).path("elements").get(0);
        assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("actions");
        assertThat(button.path("action_id").asText()).isEqualTo("reflection.answer");
        assertThat(button.path("text").path("text").asText()).isEqualTo("Svar");
        assertThat(button.path("value").asText()).isEqualTo("1");
        assertThat(button.path("style").asText()).isEqualTo("primary");
        assertThat(blocks.get(blocks.size() - 2).path("text").path("text").asText())
                .as("the slash command still works").startsWith("Svar med /refleksjon &lt;svaret ditt&gt;.");
    }

    @Test
    void svar_opensTheModal_andItsSubmissionIsStoredOnce_privately_andListedByMine() throws Exception {
        HttpResponse<String> click = slack.signed(SlackRequests.blockAction("reflection.answer", "1", "U0KARI", CHANNEL,
                api.responseUrl("click"), "tr-svar-1"), FORM);

        assertThat(click.statusCode()).isEqualTo(200);
        FakeSlackApi.Call open = api.await("views.open", 1).get(0);
        assertThat(open.form()).containsEntry("trigger_id", "tr-svar-1");
        JsonNode view = open.json("view");
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("callback_id").asText()).isEqualTo("reflection.answer");
        assertThat(view.path("title").path("text").asText()).isEqualTo("Refleksjonsoppgave 1").hasSizeLessThanOrEqualTo(24);
        assertThat(view.path("submit").path("text").asText()).isEqualTo("Send svar");
        assertThat(view.path("close").path("text").asText()).isEqualTo("Avbryt");
        assertThat(view.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(view.path("blocks").get(0).path("text").path("text").asText()).isEqualTo(TITLE);
        JsonNode input = view.path("blocks").get(1);
        assertThat(input.path("type").asText()).isEqualTo("input");
        assertThat(input.path("label").path("text").asText()).isEqualTo("Ditt svar");
        assertThat(input.path("element").path("type").asText()).isEqualTo("plain_text_input");
        assertThat(input.path("element").path("multiline").asBoolean()).isTrue();
        assertThat(input.path("element").path("max_length").asInt()).isEqualTo(1000);
        assertThat(FakeSlackApi.JSON.readTree(view.path("private_metadata").asText()))
                .isEqualTo(FakeSlackApi.JSON.readTree("{\"prompt\":1,\"channel\":\"C0PROG\"}"));

        String answer = "Mer samarbeid <!channel> på tvers & rolleforståelse";
        JsonNode opened = api.openedViews().get(0);
        String submission = SlackRequests.viewSubmission(opened, "U0KARI", answer);
        JsonNode first = submit(submission);
        JsonNode again = submit(submission);

        for (JsonNode response : List.of(first, again)) {
            assertThat(response.path("response_action").asText()).isEqualTo("update");
            assertThat(response.path("view").path("type").asText()).isEqualTo("modal");
            assertThat(response.path("view").path("close").path("text").asText()).isEqualTo("Lukk");
            assertThat(response.path("view").has("submit")).isFalse();
            assertThat(response.path("view").toString()).contains("Takk! Svaret ditt på «" + TITLE + "» er lagret.")
                    .doesNotContain("samarbeid");
        }
        assertThat(store.byUser("slack", "U0KARI")).extracting(ReflectionAnswer::prompt, ReflectionAnswer::text)
                .as("the same view submitted twice: one answer").containsExactly(tuple(1, answer));
        Waits.holdsFor(Duration.ofMillis(300), () -> {
            assertThat(api.calls("chat.postMessage")).isEmpty();
            assertThat(api.calls("chat.postEphemeral")).isEmpty();
            assertThat(api.calls()).noneSatisfy(call -> assertThat(call.visible() + call.body()).contains("samarbeid"));
        });

        slack.signed(SlackRequests.slashCommand("/refleksjon", "mine", "U0KARI", CHANNEL, "tr-mine",
                api.responseUrl("mine")), FORM);
        JsonNode mine = api.await("response_url", 1).get(0).json(null);
        assertThat(mine.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(mine.toString()).contains("Mer samarbeid &lt;!channel&gt; på tvers &amp; rolleforståelse")
                .doesNotContain("<!channel>");
    }

    @Test
    void anAnswerTheCoreRefuses_isShownUnderTheField_andNothingIsStored() throws Exception {
        JsonNode view = openModal("1", "U0KARI", "tr-r1");

        JsonNode noWords = submit(SlackRequests.viewSubmission(view, "U0KARI", "!!! ???"));
        JsonNode tooLong = submit(SlackRequests.viewSubmission(view, "U0KARI", "ord ".repeat(300)));

        assertThat(noWords.path("response_action").asText()).isEqualTo("errors");
        assertThat(noWords.path("errors").path("answer").asText())
                .isEqualTo("Jeg fant ingen ord i svaret, så ingenting ble lagret. Skriv svaret med ord i feltet, og send det igjen.");
        assertThat(tooLong.path("response_action").asText()).isEqualTo("errors");
        assertThat(tooLong.path("errors").path("answer").asText()).startsWith("Svaret er for langt (1199 tegn)")
                .hasSizeLessThanOrEqualTo(AnswerModal.MAX_ERROR);
        assertThat(noWords.has("view")).as("the modal stays open with the member's text").isFalse();

        JsonNode notYet = submit(SlackRequests.viewSubmission(openModal("2", "U0KARI", "tr-r2"), "U0KARI", "Mer åpenhet"));
        assertThat(notYet.path("response_action").asText()).isEqualTo("errors");
        assertThat(notYet.path("errors").path("answer").asText()).startsWith("Refleksjonsoppgave 2 åpner ikke før i morgen");
        assertThat(store.byUser("slack", "U0KARI")).isEmpty();
    }

    @Test
    void forgedMetadata_neverAnswersAsSomeoneElse_andABadOneStoresNothing() throws Exception {
        JsonNode view = openModal("1", "U0KARI", "tr-f1");

        /* Another member's id in the metadata: the answer is still the submitter's own. */
        JsonNode asOther = submit(SlackRequests.viewSubmission(view, "U0KARI",
                "{\"prompt\":1,\"channel\":\"C0PROG\",\"user\":\"U0OLA\",\"user_id\":\"U0OLA\"}", "Mitt eget svar"));
        assertThat(asOther.path("response_action").asText()).isEqualTo("update");
        assertThat(store.byUser("slack", "U0OLA")).isEmpty();
        assertThat(store.byUser("slack", "U0KARI")).extracting(ReflectionAnswer::text).containsExactly("Mitt eget svar");

        JsonNode view2 = openModal("1", "U0KARI", "tr-f2");
        JsonNode noSuchPrompt = submit(SlackRequests.viewSubmission(view2, "U0KARI", "{\"prompt\":99}", "Et svar"));
        assertThat(noSuchPrompt.path("response_action").asText()).isEqualTo("errors");
        assertThat(noSuchPrompt.path("errors").path("answer").asText())
                .isEqualTo("Det finnes ingen refleksjonsoppgave 99. Oppgavene er nummerert 1–2. Svaret ble ikke lagret.");

        List<String> garbage = new ArrayList<>(List.of("{not json", "", "[1]", "{\"prompt\":\"1\"}",
                "{\"prompt\":-1}", "{\"prompt\":1.5}", "{\"prompt\":0}", "{\"prompt\":99999999999}", "null",
                "{\"prompt\":" + SlackRequests.quote(HostileText.SQL) + "}"));
        garbage.addAll(HostileText.all().values());
        for (String metadata : garbage) {
            JsonNode refused = submit(SlackRequests.viewSubmission(view2, "U0KARI", metadata, "Et svar"));
            assertThat(refused.path("response_action").asText()).as(metadata).isEqualTo("errors");
            assertThat(refused.path("errors").path("answer").asText()).as(metadata)
                    .isEqualTo("Skjemaet kunne ikke leses, så svaret ble ikke lagret. Lukk det og trykk «Svar» under oppgaven igjen.");
        }
        assertThat(store.forPrompt(1)).hasSize(1);
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aButtonForNoPrompt_orAFormSlackWouldNotOpen_isExplainedPrivately() throws Exception {
        slack.signed(SlackRequests.blockAction("reflection.answer", "<!channel>", "U0KARI", CHANNEL,
                api.responseUrl("bad"), "tr-b1"), FORM);
        slack.signed(SlackRequests.blockAction("reflection.answer", "42", "U0KARI", CHANNEL,
                api.responseUrl("gone"), "tr-b2"), FORM);
        List<FakeSlackApi.Call> answers = api.await("response_url", 2);

        assertThat(byPath(answers, "/response/bad").path("text").asText())
                .isEqualTo("Beklager, jeg forstod ikke hvilken refleksjonsoppgave knappen gjelder. Svar med /refleksjon &lt;svaret ditt&gt;.");
        assertThat(byPath(answers, "/response/gone").path("text").asText())
                .isEqualTo("Refleksjonsoppgave 42 finnes ikke lenger i programmet, så det er ingenting å svare på her.");
        assertThat(answers).allSatisfy(call -> {
            assertThat(call.json(null).path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(call.json(null).path("replace_original").asBoolean(true)).isFalse();
        });
        assertThat(api.calls("views.open")).isEmpty();

        api.clear();
        api.script("views.open", 200, Map.of(), "{\"ok\":false,\"error\":\"expired_trigger_id\"}");
        slack.signed(SlackRequests.blockAction("reflection.answer", "1", "U0KARI", CHANNEL,
                api.responseUrl("late"), "tr-b3"), FORM);
        assertThat(api.await("response_url", 1).get(0).json(null).path("text").asText())
                .isEqualTo("Beklager, jeg fikk ikke åpnet skjemaet. Trykk «Svar» igjen, eller svar med /refleksjon 1 &lt;svaret ditt&gt;.");
    }

    @Test
    void aStoreSlowerThanSlacksThreeSeconds_isAnsweredInTime_andSendingAgainStoresOnce() throws Exception {
        JsonNode view = openModal("1", "U0KARI", "tr-s1");
        String submission = SlackRequests.viewSubmission(view, "U0KARI", "Tillit tar tid");
        store.close();

        long start = System.nanoTime();
        JsonNode slow = submit(submission);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("within Slack's 3 s").isLessThan(Duration.ofSeconds(3));
        assertThat(slow.path("response_action").asText()).isEqualTo("errors");
        assertThat(slow.path("errors").path("answer").asText())
                .isEqualTo("Det tok for lang tid å lagre svaret. Trykk «Send svar» igjen: svaret lagres bare én gang.");
        store.open();
        /* The first submission completes in the background; sending the same view again adds nothing. */
        Waits.until(() -> store.forPrompt(1), answers -> answers.size() == 1);
        JsonNode again = submit(submission);
        assertThat(again.path("response_action").asText()).isEqualTo("update");
        assertThat(store.forPrompt(1)).extracting(ReflectionAnswer::text).containsExactly("Tillit tar tid");
    }

    @Test
    void unsigned_wronglySigned_andStaleClicksAndSubmissions_get401_andChangeNothing() throws Exception {
        JsonNode view = openModal("1", "U0KARI", "tr-u1");
        api.clear();
        long stale = SlackRequests.now() - Duration.ofMinutes(6).toSeconds();
        for (String body : List.of(
                SlackRequests.blockAction("reflection.answer", "1", "U0KARI", CHANNEL, api.responseUrl("u"), "tr-u2"),
                SlackRequests.viewSubmission(view, "U0KARI", "Et svar som ikke skal lagres"))) {
            assertThat(slack.send(body, FORM, SlackRequests.now(), null, Map.of()).statusCode()).isEqualTo(401);
            assertThat(slack.send(body, FORM, SlackRequests.now(), "not-the-secret", Map.of()).statusCode()).isEqualTo(401);
            assertThat(slack.send(body, FORM, stale, SlackRequests.SECRET, Map.of()).statusCode()).isEqualTo(401);
        }
        Waits.holdsFor(Duration.ofMillis(300), () -> {
            assertThat(api.answers()).isEmpty();
            assertThat(store.forPrompt(1)).isEmpty();
        });
    }

    @Test
    void channelSummary_withTwoAnswerers_showsNoWordsAndNoCloud_andWithThreeShowsBoth() throws Exception {
        ChannelRef channel = new ChannelRef("slack", CHANNEL);
        answerThroughTheModal("U0KARI", "Samarbeid og tillit");
        answerThroughTheModal("U0OLA", "Samarbeid med administrasjonen");
        answerThroughTheModal("U0OLA", "Mer samarbeid");

        adapter.poster().post(channel, posts.compose(post(PostKind.SUMMARY, 1), false));

        FakeSlackApi.Call few = api.await("chat.postMessage", 1).get(0);
        assertThat(few.visible()).contains("3 svar. For få svar til å vise ord: ordene vises når minst 3 har svart.")
                .doesNotContain("samarbeid").doesNotContain("Samarbeid");
        assertThat(few.json("blocks").findValuesAsText("type")).doesNotContain("image");
        Waits.holdsFor(Duration.ofMillis(300), () -> assertThat(api.calls("files.getUploadURLExternal")).isEmpty());

        api.clear();
        answerThroughTheModal("U0PER", "Samarbeid hele veien");
        adapter.poster().post(channel, posts.compose(post(PostKind.SUMMARY, 1), false));

        FakeSlackApi.Call enough = api.await("chat.postMessage", 1).get(0);
        assertThat(enough.visible()).contains("4 svar. Mest brukte ord: samarbeid (4)").doesNotContain("For få svar");
        assertThat(api.await("files.completeUploadExternal", 1).get(0).form()).containsEntry("channel_id", CHANNEL);
    }

    // ---- helpers ----

    private PlannedPost post(PostKind kind, int prompt) {
        return PostPlanner.plan(programme).stream().filter(p -> p.kind() == kind && p.prompt() == prompt)
                .findFirst().orElseThrow();
    }

    /** Clicks "Svar" with this value and returns the view Slack opened. */
    private JsonNode openModal(String value, String user, String triggerId) throws Exception {
        int before = api.openedViews().size();
        slack.signed(SlackRequests.blockAction("reflection.answer", value, user, CHANNEL, api.responseUrl(triggerId),
                triggerId), FORM);
        return Waits.until(api::openedViews, views -> views.size() > before).get(before);
    }

    private void answerThroughTheModal(String user, String answer) throws Exception {
        JsonNode response = submit(SlackRequests.viewSubmission(openModal("1", user, "tr-" + user + answer.length()),
                user, answer));
        assertThat(response.path("response_action").asText()).isEqualTo("update");
    }

    /** Submits the modal and returns Slack's acknowledgement body (the response_action), as JSON. */
    private JsonNode submit(String submission) throws Exception {
        HttpResponse<String> response = slack.signed(submission, FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isEmpty() ? FakeSlackApi.JSON.createObjectNode() : FakeSlackApi.JSON.readTree(response.body());
    }

    private static JsonNode byPath(List<FakeSlackApi.Call> calls, String path) {
        return calls.stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow().json(null);
    }

    /** The H2 store, with a gate a test can close to make storing slower than Slack waits. */
    static final class GatedStore implements ReflectionStore {
        private final ReflectionStore store;
        private volatile CountDownLatch gate = new CountDownLatch(0);

        GatedStore(ReflectionStore store) {
            this.store = store;
        }

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public ReflectionAnswer add(int prompt, String platform, String user, String text, Instant at, String requestId) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store.add(prompt, platform, user, text, at, requestId);
        }

        @Override
        public List<ReflectionAnswer> forPrompt(int prompt) {
            return store.forPrompt(prompt);
        }

        @Override
        public List<ReflectionAnswer> byUser(String platform, String user) {
            return store.byUser(platform, user);
        }

        @Override
        public int delete(String platform, String user, int prompt) {
            return store.delete(platform, user, prompt);
        }

        @Override
        public int count(int prompt) {
            return store.count(prompt);
        }
    }
}
