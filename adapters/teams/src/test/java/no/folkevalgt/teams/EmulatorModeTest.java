package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import no.folkevalgt.testsupport.FakeMicrosoft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;

/** Without an app id (Bot Framework Emulator): unauthenticated requests are served, and the start says so loudly. */
class EmulatorModeTest {

    FakeMicrosoft microsoft;
    Database db;
    TeamsAdapter teams;
    WebServer server;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        ((Logger) LoggerFactory.getLogger(TeamsAdapter.class)).addAppender(logs);
        logs.start();
        microsoft = new FakeMicrosoft();
        db = Database.open("jdbc:h2:mem:emulator;DB_CLOSE_DELAY=-1", "sa", "");
        teams = TeamsAdapter.create(TeamsSettings.emulator(),
                Bot.builder().knowledgeBase(TeamsAdapterTest.oneAnswer()).build(),
                new JdbcFeedbackStore(db), new JdbcConversationStore(db), Clock.systemUTC());
        server = WebServer.start("127.0.0.1", 0, teams.routes());
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(TeamsAdapter.class)).detachAppender(logs);
        server.close();
        teams.close();
        db.close();
        microsoft.close();
    }

    @Test
    void withoutAnAppId_requestsWithoutATokenAreAnswered_andTheStartWarnsLoudly() throws Exception {
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("UNAUTHENTICATED");
        });

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Activities.personalMessage(microsoft.serviceUrl(), "e-1", "hjelp")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(200, 202);
        assertThat(microsoft.activities()).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
        assertThat(microsoft.tokenRequests).hasValue(0);
    }

    @Test
    void withoutAnAppId_proactivePostsStillReachAStoredConversation() throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Activities.botAddedToTeam(microsoft.serviceUrl()))).build(),
                HttpResponse.BodyHandlers.ofString());
        microsoft.connector.clear();

        teams.poster().post(new ChannelRef("teams", Activities.CHANNEL), Reply.text("Påminnelse"));

        assertThat(microsoft.activities()).singleElement().satisfies(r -> assertThat(r.body()).contains("Påminnelse"));
    }

    @Test
    void malformedJson_is400() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
