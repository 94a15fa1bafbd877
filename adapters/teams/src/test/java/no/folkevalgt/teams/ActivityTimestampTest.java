package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import no.folkevalgt.testsupport.FakeMicrosoft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.Bot;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;

/**
 * Activities whose {@code timestamp} is ISO-8601 without a fraction of a second, with an offset other than
 * {@code Z}, or with a long fraction, are answered like any other (the SDK alone refuses them and the bot
 * said 400 "type mangler"); a timestamp that is no date is 400 with what is wrong.
 */
class ActivityTimestampTest {

    private final HttpClient http = HttpClient.newHttpClient();
    FakeMicrosoft microsoft;
    Database db;
    TeamsAdapter teams;
    WebServer server;

    @BeforeEach
    void start() throws Exception {
        microsoft = new FakeMicrosoft();
        db = Database.open("jdbc:h2:mem:timestamps;DB_CLOSE_DELAY=-1", "sa", "");
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
    void timestampsWithoutFractionOrWithAnOffset_areAnswered() throws Exception {
        List<String> stamps = List.of("2026-12-05T10:00:00Z", "2026-12-05T10:00:00+01:00", "2026-12-05T10:00:00-05:30",
                "2026-12-05T10:00:00.5Z", "2026-12-05T10:00:00.1234567Z", "2026-12-05T10:00:00.123+0100",
                "2026-12-05T10:00:00");
        for (int i = 0; i < stamps.size(); i++) {
            microsoft.connector.clear();
            String body = Activities.personalMessage(microsoft.serviceUrl(), "ts-" + i, "hva er en interpellasjon?")
                    .replace("2026-11-26T10:00:00.000Z", stamps.get(i));

            HttpResponse<String> response = post(body);

            assertThat(response.statusCode()).as(stamps.get(i) + ": " + response.body()).isBetween(200, 202);
            assertThat(microsoft.activities()).as(stamps.get(i)).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("Et spørsmål til ordføreren"));
        }
    }

    @Test
    void aTimestampThatIsNoDate_is400_sayingSo() throws Exception {
        String body = Activities.personalMessage(microsoft.serviceUrl(), "ts-bad", "hei")
                .replace("2026-11-26T10:00:00.000Z", "i går");

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Ugyldig aktivitet: timestamp kan ikke leses");
        assertThat(microsoft.activities()).isEmpty();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
