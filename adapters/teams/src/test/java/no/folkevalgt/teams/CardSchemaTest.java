package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.folkevalgt.testsupport.FakeMicrosoft;
import no.folkevalgt.testsupport.HostileText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammePosts;
import no.folkevalgt.core.programme.Prompt;
import no.folkevalgt.core.programme.Session;
import no.folkevalgt.core.programme.SessionKind;
import no.folkevalgt.core.reflection.ReflectionCommands;
import no.folkevalgt.core.reflection.ReflectionSummaries;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.storage.JdbcReflectionStore;
import no.folkevalgt.wordcloud.WordCloud;

/**
 * Every kind of card the bot sends in Teams, validated against the official Adaptive Cards JSON schema
 * of the version the card declares ({@link CardSchema}; the schemas are in
 * {@code src/test/resources/adaptivecards}). The cards are the ones the bot really posts: the real
 * adapter (emulator mode, the real SDK) answers messages and posts the programme's posts, the fake Bot
 * Connector records them, and the card is read out of the recorded attachment. Each card is also written
 * to {@code target/adaptivecards/<case>.json} for the on-demand Node check
 * ({@code scripts/adaptivecards/validate.mjs}).
 *
 * <p>A new kind of card is one more line in {@link #cards()}: {@code sent(name, shows(...), f -> ...)}
 * with what the bot is made to do ({@link Fixture#ask}, {@link Fixture#post}, {@link Fixture#invokeCard}).
 */
class CardSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DUMP = Path.of("target", "adaptivecards");
    /** Markdown a TextBlock would render: a link, emphasis, a mention tag, a heading. */
    private static final String HOSTILE = "[klikk](https://evil.example) **fet** <at>x</at> # overskrift";

    static Fixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new Fixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** What the bot is made to do; returns the card it sent. */
    @FunctionalInterface
    interface CardSource {
        JsonNode card(Fixture f) throws Exception;
    }

    /** One case: its name, texts the card must contain (so the case hits the path it names), and the card. */
    static Arguments sent(String name, List<String> shows, CardSource source) {
        return Arguments.of(Named.of(name, name), shows, source);
    }

    static List<String> shows(String... texts) {
        return List.of(texts);
    }

    static Stream<Arguments> cards() {
        List<Arguments> cases = new ArrayList<>(List.of(
                sent("answer with citation, Se også and 👍/👎", shows("Kilde: ", "Se også:", ActionIds.FEEDBACK_UP,
                        ActionIds.FEEDBACK_DOWN), fx -> fx.ask("Hva er en interpellasjon?")),
                sent("unsure answer with suggestions", shows("Jeg er ikke helt sikker", "Container"),
                        fx -> fx.ask("usikker: hvordan spør jeg ordføreren?")),
                sent("decline", shows("Det finner jeg ikke i programmaterialet."), fx -> fx.ask("ukjent: hva koster en ferje?")),
                sent("help", shows("Jeg svarer på spørsmål om KS Folkevalgtprogram", "Kommandoer:"), fx -> fx.ask("hjelp")),
                sent("welcome when installed in a team", shows(TeamsBot.WELCOME), fx -> fx.event(Activities.botAddedToTeam(fx.serviceUrl()))),
                sent("reminder", shows("Om 10 minutter: Samspillet med administrasjonen"), fx -> fx.post(PostKind.REMINDER, 0)),
                sent("reflection prompt post with its Svar action", shows("Refleksjonsoppgave 1: Hva tar du med deg?",
                        ActionIds.REFLECTION_ANSWER, "Svar"), fx -> fx.post(PostKind.PROMPT, 1)),
                sent("reflection answer confirmation", shows("Takk!"), fx -> fx.ask("refleksjon 1 Samarbeid og tillit")),
                sent("summary with a word cloud (3 answerers)", shows("Oppsummering", "data:image/png;base64,", "Ordsky"),
                        fx -> fx.post(PostKind.SUMMARY, 1)),
                sent("summary with too few answers for words", shows(ReflectionSummaries.TOO_FEW.substring(0, 20)),
                        fx -> fx.post(PostKind.SUMMARY, 2)),
                sent("error reply (the search failed)", shows("Beklager, noe gikk galt"), fx -> fx.ask("krasj: hva er et utvalg?")),
                sent("rate-limit reply", shows(RateLimiter.MESSAGE), fx -> {
                    String user = fx.newUser();
                    fx.askAs(user, "Hva er en interpellasjon?");
                    return fx.askAs(user, "Hva er et grunngitt spørsmål?");
                }),
                sent("hostile Markdown in a question", shows(HOSTILE), fx -> fx.ask(HOSTILE)),
                sent("hostile Markdown in a proactive post", shows(HOSTILE), fx -> fx.post(Reply.builder().text(HOSTILE)
                        .citation(new Citation(HOSTILE, 7, "deck.txt")).seeAlso(new Citation(HOSTILE, 8, "deck.txt")).build())),
                sent("hand-built: Input.Text, Action.Execute with data, refresh with userIds (Universal Actions)",
                        shows("Input.Text", "Action.Execute", "userIds"), fx -> universalActionsCard("1.4"))));
        for (Map.Entry<String, String> hostile : HostileText.all().entrySet()) {
            cases.add(sent("hostile text: " + hostile.getKey(), shows(), fx -> fx.ask(hostile.getValue())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cards")
    void everyCardTheBotSends_isValidByTheSchemaOfTheVersionItDeclares(String name, List<String> shows, CardSource source)
            throws Exception {
        JsonNode card = source.card(f);

        dump(name, card);
        for (String text : shows) {
            assertThat(card.toString()).as("the card of \"%s\"", name).contains(text);
        }
        CardSchema.assertValid(name, card);
    }

    /* The schema must be able to say no, and say where. */

    @Test
    void anUnknownElementType_isRejected_namingTheElement() {
        ObjectNode card = realCard();
        ((ObjectNode) card.path("body").get(0)).put("type", "TextBox");

        assertThat(CardSchema.problems(card)).containsExactly(
                "/body/0: \"TextBox\" is no type the schema knows here (it fails every allowed type)");
    }

    @Test
    void aPropertyOfTheWrongType_isRejected_namingTheProperty() {
        ObjectNode card = realCard();
        ((ObjectNode) card.path("body").get(0).path("inlines").get(0)).put("isSubtle", "yes");

        assertThatThrownBy(() -> CardSchema.assertValid("broken", card)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Card \"broken\" (version " + Cards.VERSION + ")")
                .hasMessageContaining("/body/0/inlines/0/isSubtle [type] string found, boolean expected");
    }

    @Test
    void anUnknownPropertyOnAnAction_isRejected_namingIt() {
        ObjectNode card = realCard();
        ((ObjectNode) card.path("actions").get(0)).put("verbs", "feedback.up");

        assertThat(CardSchema.problems(card)).singleElement().asString()
                .startsWith("/actions/0 [additionalProperties] property 'verbs' is not defined in the schema");
    }

    /**
     * Teams reads a card-level {@code msteams} object (full width, mentions), documented by Microsoft as a
     * Teams extension ("Cards format": msteams.width, msteams.entities); the official schema has no such
     * property. No card of ours uses it; one that does must allow it here explicitly.
     */
    @Test
    void aSchemaAddressThatIsNoUri_isRejected_formatsAreChecked() {
        ObjectNode card = realCard().put("$schema", "http://adaptivecards.io/schemas/adaptive card.json");

        assertThat(CardSchema.problems(card)).singleElement().asString().startsWith("/$schema [format]");
    }

    @Test
    void theTeamsOnlyMsteamsProperty_isNotInTheOfficialSchema() {
        ObjectNode card = realCard();
        card.putObject("msteams").put("width", "Full");

        assertThat(CardSchema.problems(card)).singleElement().asString()
                .startsWith("(root) [additionalProperties] property 'msteams' is not defined in the schema");
    }

    @Test
    void aCardDeclaringAVersionWithoutASchema_failsClearly() {
        ObjectNode card = realCard().put("version", "1.3");

        assertThatThrownBy(() -> CardSchema.assertValid("old", card)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("declares Adaptive Cards version \"1.3\", but no schema is kept for it");
        assertThat(CardSchema.problems(realCard().without("version")))
                .containsExactly("(root): the card declares no \"version\" (a string is required on a top-level card)");
    }

    /** The Universal Actions elements a prompt form uses, in the shape Microsoft documents, in each schema kept. */
    @ParameterizedTest
    @ValueSource(strings = {"1.4", "1.5", "1.6"})
    void inputTextActionExecuteAndRefresh_areInEverySchemaKept(String version) {
        assertThat(CardSchema.problems(universalActionsCard(version))).isEmpty();
        /* ... and a wrong shape of them is not: userIds must be strings, maxLength a number. */
        ObjectNode broken = universalActionsCard(version);
        ((ArrayNode) broken.path("refresh").path("userIds")).add(42);
        ((ObjectNode) broken.path("body").get(1)).put("maxLength", "1000");
        assertThat(CardSchema.problems(broken)).anySatisfy(p -> assertThat(p).startsWith("/refresh/userIds/1 [type]"))
                .anySatisfy(p -> assertThat(p).startsWith("/body/1/maxLength [type]"));
    }

    /**
     * A prompt card the way Universal Actions (Action.Execute, schema 1.4+) documents it: a multi-line
     * Input.Text keeping what the member wrote, a "Send svar" Action.Execute with the prompt in its data,
     * and a refresh for the member it was shown to.
     */
    static ObjectNode universalActionsCard(String version) {
        ObjectNode card = JSON.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", version);
        card.put("fallbackText", "Refleksjonsoppgave 1: Hva tar du med deg?");
        ObjectNode refresh = card.putObject("refresh");
        refresh.set("action", execute("Oppdater"));
        refresh.putArray("userIds").add("29:user-1");
        ArrayNode body = card.putArray("body");
        ObjectNode heading = body.addObject().put("type", "RichTextBlock");
        heading.putArray("inlines").addObject().put("type", "TextRun").put("text", "Refleksjonsoppgave 1: Hva tar du med deg?")
                .put("weight", "Bolder");
        body.addObject().put("type", "Input.Text").put("id", "answer").put("label", "Svaret ditt")
                .put("isMultiline", true).put("maxLength", 1000).put("value", "Det jeg skrev sist")
                .put("isRequired", true).put("errorMessage", "Skriv et svar før du sender.");
        card.putArray("actions").add(execute("Send svar"));
        return card;
    }

    private static ObjectNode execute(String title) {
        ObjectNode action = JSON.createObjectNode().put("type", "Action.Execute").put("title", title)
                .put("verb", ActionIds.REFLECTION_ANSWER);
        action.putObject("data").put(Cards.DATA_ACTION, ActionIds.REFLECTION_ANSWER).put(Cards.DATA_VALUE, "1");
        return action;
    }

    /* A card with runs and a 👍 action, rendered by Cards, valid until a test breaks it. */
    private static ObjectNode realCard() {
        Reply reply = Reply.builder().text("Et svar").citation(new Citation("Interpellasjon", 31, "deck.txt"))
                .action(new Reply.Action(ActionIds.FEEDBACK_UP, "👍", "deck.txt#31")).build();
        ObjectNode card = Cards.card(reply, "spørsmålet").deepCopy();
        assertThat(CardSchema.problems(card)).as("the card before it is broken").isEmpty();
        return card;
    }

    private static void dump(String name, JsonNode card) throws Exception {
        Files.createDirectories(DUMP);
        String file = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".json";
        Files.writeString(DUMP.resolve(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card),
                StandardCharsets.UTF_8);
    }

    /**
     * The bot in Teams as in production, minus Azure: the real adapter in emulator mode behind the real
     * HTTP server, H2, the real reflection commands, summaries and word cloud, posting to the fake
     * connector. The knowledge base answers by a word in the question: "usikker" gets an unsure answer,
     * "ukjent" none, "krasj" fails; anything else the interpellation slide. Each question comes from a
     * member of its own, so the rate limit (one question an hour) only bites where a case asks twice.
     */
    static final class Fixture implements AutoCloseable {

        static final AtomicInteger DBS = new AtomicInteger();

        final FakeMicrosoft microsoft = new FakeMicrosoft();
        final Database db = Database.open("jdbc:h2:mem:card-schema" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        final JdbcReflectionStore reflections = new JdbcReflectionStore(db);
        final Clock clock = Clock.systemUTC();
        final Programme programme;
        final ProgrammePosts posts;
        final TeamsAdapter teams;
        final WebServer server;
        final HttpClient http = HttpClient.newHttpClient();
        final AtomicInteger users = new AtomicInteger();
        final AtomicInteger ids = new AtomicInteger();
        final ChannelRef channel = new ChannelRef("teams", Activities.CHANNEL);

        Fixture() throws Exception {
            ZoneId oslo = ZoneId.of("Europe/Oslo");
            ZonedDateTime now = ZonedDateTime.now(oslo);
            programme = new Programme("KS Folkevalgtprogram", "Rakkestad", oslo,
                    List.of(new Session(1, "Samspillet med administrasjonen", SessionKind.SESSION, now.plusHours(1), now.plusHours(2))),
                    List.of(new Prompt(1, "Hva tar du med deg?", "Hva tar du med deg fra dagen i dag?", now.minusMinutes(30),
                                    now.plusMinutes(30), true, 5),
                            new Prompt(2, "Hva var vanskeligst?", "Hva var vanskeligst?", now.minusMinutes(30),
                                    now.plusMinutes(30), false, 0)),
                    List.of(channel), Duration.ofMinutes(10));
            WordCounter words = new WordCounter();
            WordCloud cloud = new WordCloud();
            posts = new ProgrammePosts(programme, new ReflectionSummaries(reflections, programme, words::top, cloud), clock);
            Bot bot = Bot.builder()
                    .knowledgeBase(new FixedKnowledge(Fixture::answer, "Interpellasjon"))
                    .commands(List.of(new ReflectionCommands(reflections, programme, Facilitators.none(), clock, words::top, cloud)))
                    .rateLimiter(RateLimiter.builder().questions(1, Duration.ofHours(1), 1).clock(clock).build())
                    .clock(clock)
                    .build();
            teams = TeamsAdapter.create(TeamsSettings.emulator(), bot, new JdbcFeedbackStore(db), new JdbcConversationStore(db), clock);
            server = WebServer.start("127.0.0.1", 0, teams.routes());
            /* Installed in the team (its conversation stored), and answers: three members on prompt 1, one on prompt 2. */
            event(Activities.botAddedToTeam(serviceUrl()));
            Instant at = Instant.now();
            reflections.add(1, "teams", "aad-a", "Samarbeid og tillit", at, "r-a");
            reflections.add(1, "teams", "aad-b", "Tillit til administrasjonen", at, "r-b");
            reflections.add(1, "teams", "aad-c", "Samarbeid på tvers", at, "r-c");
            reflections.add(2, "teams", "aad-a", "Budsjettet", at, "r-d");
        }

        private static Answer answer(String question) {
            if (question.contains("krasj")) {
                throw new IllegalStateException("the index is away");
            }
            if (question.contains("ukjent")) {
                return Answer.declined(question);
            }
            return (question.contains("usikker") ? TeamsAdapterTest.unsure() : TeamsAdapterTest.oneAnswer()).ask(question, 3);
        }

        String serviceUrl() {
            return microsoft.serviceUrl();
        }

        String newUser() {
            return "aad-member-" + users.incrementAndGet();
        }

        /** A personal message from a member of its own; the card the bot answered with. */
        JsonNode ask(String text) throws Exception {
            return askAs(newUser(), text);
        }

        JsonNode askAs(String user, String text) throws Exception {
            String quoted = JSON.writeValueAsString(text);
            return event("""
                    {"type":"message","id":"m-%d","serviceUrl":"%s","channelId":"msteams",
                     "from":{"id":"29:%s","name":"Kari Nordmann","aadObjectId":"%s"},
                     "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},
                     "recipient":{"id":"%s","name":"Folkevalgt"},
                     "text":%s,"textFormat":"plain","locale":"nb-NO",
                     "channelData":{"tenant":{"id":"%s"}}}
                    """.formatted(ids.incrementAndGet(), serviceUrl(), user, user, Activities.TENANT, Activities.PERSONAL,
                    Activities.BOT_ID, quoted, Activities.TENANT));
        }

        /** Sends an activity to the bot; the card of the one activity it sent to the connector. */
        JsonNode event(String activity) throws Exception {
            microsoft.connector.clear();
            HttpResponse<String> response = send(activity);
            assertThat(response.statusCode()).as("the bot took the activity").isBetween(200, 202);
            return onlyCard();
        }

        /** The programme's planned post of this kind and prompt, composed and posted as the scheduler does. */
        JsonNode post(PostKind kind, int prompt) throws Exception {
            PlannedPost planned = PostPlanner.plan(programme).stream()
                    .filter(p -> p.kind() == kind && p.prompt() == prompt).findFirst().orElseThrow();
            return post(posts.compose(planned, false));
        }

        /** A reply posted proactively to the team's channel. */
        JsonNode post(Reply reply) throws Exception {
            microsoft.connector.clear();
            teams.poster().post(channel, reply);
            return onlyCard();
        }

        /**
         * Sends an invoke (an Action.Execute) and returns the card in its invoke response, for a bot that
         * answers an invoke with a card ({@code application/vnd.microsoft.card.adaptive}).
         */
        JsonNode invokeCard(String invoke) throws Exception {
            HttpResponse<String> response = send(invoke);
            assertThat(response.statusCode()).as("the invoke's status").isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("type").asText()).as("the invoke response is a card: %s", response.body())
                    .isEqualTo(Cards.CARD_TYPE);
            return body.path("value");
        }

        private HttpResponse<String> send(String activity) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(activity)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private JsonNode onlyCard() throws Exception {
            List<FakeMicrosoft.Recorded> sent = microsoft.activities();
            assertThat(sent).as("what the bot sent").hasSize(1);
            JsonNode attachments = JSON.readTree(sent.get(0).body()).path("attachments");
            assertThat(attachments).as("the attachments of %s", sent.get(0).body()).hasSize(1);
            assertThat(attachments.get(0).path("contentType").asText()).isEqualTo(Cards.CARD_TYPE);
            return attachments.get(0).path("content");
        }

        @Override
        public void close() {
            server.close();
            teams.close();
            db.close();
            microsoft.close();
        }
    }
}
