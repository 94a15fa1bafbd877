package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import no.folkevalgt.core.Bot;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.testsupport.FakeMicrosoft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated activities into the real adapter: garbage never makes the bot call the connector;
 * with an app id, nothing without a valid token gets past 400/401; a failure never shows more than the
 * generic message.
 *
 * <p>Known gap (see {@link #activitiesWithoutRequiredFields_areRefusedWith400}): an activity that parses
 * but lacks fields the turn needs (no {@code conversation}, no {@code from}, {@code "x"} as the body)
 * fails inside the turn and gets a 500 "Intern feil" with an ERROR log line and stack trace. With an app
 * id this needs a valid Bot Framework token (only Microsoft has one), so it is robustness, not exposure.
 * The fix belongs in {@code TeamsAdapter.handle}: check type, serviceUrl, conversation.id and from.id
 * before the turn and answer 400.
 */
class FuzzTeamsTest {

    private static final long SEED = 2023_12_31L;

    FakeMicrosoft microsoft;
    Database db;
    TeamsAdapter teams;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        microsoft = new FakeMicrosoft();
        db = Database.open("jdbc:h2:mem:fuzz-teams;DB_CLOSE_DELAY=-1", "sa", "");
        teams = TeamsAdapter.create(TeamsSettings.emulator(),
                Bot.builder().knowledgeBase(TeamsAdapterTest.oneAnswer()).build(),
                new JdbcFeedbackStore(db), new JdbcConversationStore(db), Clock.systemUTC());
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
    void randomBytes_neverGiveA5xx_andCallNoConnector() throws Exception {
        Random random = new Random(SEED);
        for (int run = 0; run < 400; run++) {
            byte[] body = new byte[random.nextInt(600)];
            random.nextBytes(body);
            if (run % 3 == 0 && body.length > 0) {
                body[0] = '{';
            }
            HttpResponse<String> r = post(body, run % 5 == 0 ? "text/plain" : "application/json");
            assertGenericOnFailure("run " + run, r);
        }
        for (String json : List.of("{}", "[]", "null", "1", "\"x\"", "{\"type\":null}", "{\"type\":\"message\"}",
                "{\"type\":\"message\",\"text\":5}", "{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\"}",
                "{\"type\":\"conversationUpdate\",\"membersAdded\":7}")) {
            assertGenericOnFailure(json, post(json.getBytes(StandardCharsets.UTF_8), "application/json"));
        }
        assertThat(microsoft.activities()).as("connector calls on garbage").isEmpty();
    }

    @Test
    void mutatedActivities_neverGiveA5xx() throws Exception {
        Random random = new Random(SEED + 1);
        String serviceUrl = microsoft.serviceUrl();
        List<String> seeds = List.of(
                Activities.personalMessage(serviceUrl, "m-1", "Hva er en interpellasjon?"),
                Activities.channelMention(serviceUrl, "m-2", "hjelp"),
                Activities.botAddedToTeam(serviceUrl),
                Activities.cardAction(serviceUrl, "feedback.up", "deck.txt#1", "Hva er en interpellasjon?"),
                Activities.channelCardInvoke(serviceUrl, "i-1", "29:user-3", "aad-user-0003",
                        "{\"type\":\"Action.Execute\",\"verb\":\"reflection.answer\",\"data\":{\"action\":"
                                + "\"reflection.answer\",\"prompt\":\"1\",\"blocks\":[\"Refleksjonsoppgave 1\"],\"svar\":\"Mer åpenhet\"}}"));
        int sent = 0;
        for (int run = 0; run < 250; run++) {
            String body = mutate(seeds.get(random.nextInt(seeds.size())), random);
            /* Keep the connector on loopback: a mutated serviceUrl would send the reply elsewhere. */
            if (!body.contains("\"serviceUrl\":\"" + serviceUrl + "\"")) {
                continue;
            }
            sent++;
            HttpResponse<String> r = post(body.getBytes(StandardCharsets.UTF_8), "application/json");
            assertGenericOnFailure("run " + run + ": " + body, r);
        }
        assertThat(sent).isGreaterThan(120);
    }

    @Test
    void withAnAppId_mutatedActivitiesWithoutAToken_areRefusedWith4xx_andCallNoConnector() throws Exception {
        server.close();
        teams.close();
        teams = TeamsAdapter.builder(new TeamsSettings(Activities.APP_ID, "not-a-real-secret", ""))
                .bot(Bot.builder().knowledgeBase(TeamsAdapterTest.oneAnswer()).build())
                .feedback(new JdbcFeedbackStore(db)).conversations(new JdbcConversationStore(db)).clock(Clock.systemUTC())
                .openIdMetadataUrl(microsoft.openIdUrl())
                .loginHost(microsoft.loginHost())
                .build();
        server = WebServer.start("127.0.0.1", 0, teams.routes());
        Random random = new Random(SEED + 2);
        String serviceUrl = microsoft.serviceUrl();
        List<String> seeds = List.of(
                Activities.personalMessage(serviceUrl, "m-1", "Hva er en interpellasjon?"),
                Activities.channelMention(serviceUrl, "m-2", "hjelp"),
                Activities.cardAction(serviceUrl, "feedback.up", "deck.txt#1", "Hva er en interpellasjon?"),
                "{\"type\":\"message\"}", "\"x\"", "{\"type\":\"message\",\"conversation\":null}");
        for (int run = 0; run < 200; run++) {
            String body = run < seeds.size() ? seeds.get(run) : mutate(seeds.get(random.nextInt(3)), random);
            HttpResponse<String> r = post(body.getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(r.statusCode()).as("run %s: %s", run, body).isIn(400, 401);
        }
        assertThat(microsoft.activities()).isEmpty();
    }

    @Test
    void activitiesWithoutRequiredFields_areRefusedWith400() throws Exception {
        for (String json : List.of("\"x\"", "{\"type\":\"message\"}", "{\"type\":\"message\",\"conversation\":null}")) {
            assertThat(post(json.getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).as(json)
                    .isBetween(400, 499);
        }
    }

    /* A 5xx is tolerated only as the generic message (the known gap above); never a stack trace or detail. */
    private static void assertGenericOnFailure(String what, HttpResponse<String> r) {
        if (r.statusCode() == 501) {
            /* The SDK's answer to an invoke whose name it does not know (a mutated "adaptiveCard/action"):
               Not Implemented, as the Bot Framework protocol has it, with nothing in the body. */
            assertThat(what).as("501 only for an invoke").contains("\"type\":\"invoke\"");
            assertThat(r.body()).as(what).isEmpty();
            return;
        }
        if (r.statusCode() >= 500) {
            assertThat(r.statusCode()).as(what).isEqualTo(500);
            assertThat(r.body()).as(what).isEqualTo("Intern feil");
        }
        assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("at com.");
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, "{}[]\":,0-".charAt(random.nextInt(9)));
                case 2 -> b.setLength(at);
                case 3 -> b.replace(at, Math.min(b.length(), at + 6), "null");
                default -> b.insert(at, (char) random.nextInt(0x10000));
            }
        }
        return b.toString();
    }

    private HttpResponse<String> post(byte[] body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
