package no.folkevalgt.teams;

import static no.folkevalgt.teams.Activities.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import no.folkevalgt.testsupport.FakeMicrosoft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;

/**
 * Microsoft's token metadata host does not answer (it accepts the connection and says nothing): a Teams
 * request with a Bearer token is refused with 401 without waiting for it, and the web chat on the same
 * server answers meanwhile.
 */
class UnreachableMetadataTest {

    static final int REQUESTS = 60;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void withTheMetadataHostSilent_bearerRequestsGet401_andTheWebChatAnswersMeanwhile() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
             FakeMicrosoft microsoft = new FakeMicrosoft();
             Database db = Database.open("jdbc:h2:mem:teams-silent;DB_CLOSE_DELAY=-1", "sa", "")) {
            String silentUrl = "http://127.0.0.1:" + silent.getLocalPort() + "/openid";
            TeamsAdapter teams = TeamsAdapter.builder(new TeamsSettings(APP_ID, "not-a-real-secret", ""))
                    .bot(Bot.builder().knowledgeBase(TeamsAdapterTest.oneAnswer()).build())
                    .feedback(new JdbcFeedbackStore(db)).conversations(new JdbcConversationStore(db)).clock(Clock.systemUTC())
                    .openIdMetadataUrl(silentUrl)
                    .metadataTimeout(Duration.ofMillis(500))
                    .loginHost(microsoft.loginHost())
                    .build();
            List<HttpRoute> routes = new ArrayList<>(teams.routes());
            routes.add(new HttpRoute("GET", "/", request -> no.folkevalgt.core.http.HttpResponse.text(200, "Folkevalgt-bot")));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            try (WebServer server = WebServer.start("127.0.0.1", 0, routes)) {
                String base = "http://127.0.0.1:" + server.port();
                /* A token as the Bot Framework would sign it, but no key could be fetched to check it with. */
                String token = microsoft.token(APP_ID, FakeMicrosoft.ISSUER, Instant.now().plusSeconds(600),
                        microsoft.serviceUrl(), microsoft.key);
                List<CompletableFuture<HttpResponse<String>>> teamsRequests = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    teamsRequests.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + TeamsAdapter.PATH))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    Activities.personalMessage(microsoft.serviceUrl(), "m-" + i, "Hva er en interpellasjon?")))
                            .build(), HttpResponse.BodyHandlers.ofString()));
                }
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).isEqualTo("Folkevalgt-bot");

                for (CompletableFuture<HttpResponse<String>> request : teamsRequests) {
                    HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(response.body()).isEqualTo("Ikke autorisert");
                }
                assertThat(microsoft.activities()).as("nothing was answered").isEmpty();
            } finally {
                teams.close();
            }
        }
    }
}
