package no.folkevalgt.teams;

import static no.folkevalgt.teams.Activities.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import no.folkevalgt.testsupport.FakeMicrosoft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcFeedbackStore;

/**
 * A single-tenant Azure Bot ({@code MICROSOFT_APP_TENANT_ID}): the SDK's own credentials
 * ({@code MicrosoftAppCredentials} and MSAL) ask the bot's tenant for the outgoing token, here from
 * Microsoft Entra's token endpoint played on loopback over https; incoming Bot Framework tokens for the
 * bot's app id are accepted as for any bot, and tokens for another app are not.
 */
class SingleTenantTest {

    static final String TENANT = "5a1e0c3d-7b9f-4c2e-9d8a-0123456789ab";
    static final String SECRET = "s3cr3t~value.for-the.loopback_only";

    FakeMicrosoft microsoft;
    Database db;
    TeamsAdapter teams;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        microsoft = new FakeMicrosoft();
        db = Database.open("jdbc:h2:mem:single-tenant;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (teams != null) {
            teams.close();
        }
        db.close();
        microsoft.close();
    }

    void serve(TeamsSettings settings) {
        teams = TeamsAdapter.builder(settings)
                .bot(Bot.builder().knowledgeBase(TeamsAdapterTest.oneAnswer()).build())
                .feedback(new JdbcFeedbackStore(db)).conversations(new JdbcConversationStore(db)).clock(Clock.systemUTC())
                .openIdMetadataUrl(microsoft.openIdUrl())
                .loginHost(microsoft.loginHost())
                .build();
        server = WebServer.start("127.0.0.1", 0, teams.routes());
    }

    HttpResponse<String> post(String activity, String audience) throws Exception {
        String token = microsoft.token(audience, FakeMicrosoft.ISSUER, Instant.now().plusSeconds(600),
                microsoft.serviceUrl(), microsoft.key);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSingleTenantBot_answersWithATokenFromItsOwnTenant_askedForWithTheClientCredentialsGrant() throws Exception {
        serve(new TeamsSettings(APP_ID, SECRET, TENANT));

        HttpResponse<String> response = post(Activities.personalMessage(microsoft.serviceUrl(), "t-1", "Hva er en interpellasjon?"), APP_ID);

        assertThat(response.statusCode()).isBetween(200, 202);
        assertThat(microsoft.activities()).singleElement().satisfies(reply -> {
            assertThat(reply.path()).isEqualTo("/v3/conversations/" + Activities.PERSONAL + "/activities/t-1");
            assertThat(reply.authorization()).isEqualTo("Bearer " + FakeMicrosoft.BOT_TOKEN);
        });
        assertThat(microsoft.tokenRequestLog).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
            assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(request.field("grant_type")).isEqualTo("client_credentials");
            assertThat(request.field("client_id")).isEqualTo(APP_ID);
            assertThat(request.field("client_secret")).isEqualTo(SECRET);
            assertThat(request.field("scope").split(" ")).contains("https://api.botframework.com/.default");
        });
    }

    @Test
    void aProactivePost_carriesATokenFromTheSameTenant() throws Exception {
        serve(new TeamsSettings(APP_ID, SECRET, TENANT));
        post(Activities.botAddedToTeam(microsoft.serviceUrl()), APP_ID);

        teams.poster().post(new ChannelRef("teams", Activities.CHANNEL), Reply.text("Påminnelse: Økta starter kl. 10."));

        assertThat(microsoft.activities()).hasSize(2).allSatisfy(sent ->
                assertThat(sent.authorization()).isEqualTo("Bearer " + FakeMicrosoft.BOT_TOKEN));
        assertThat(microsoft.tokenRequestLog).isNotEmpty()
                .allSatisfy(request -> assertThat(request.path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token"));
    }

    @Test
    void aSingleTenantBot_refusesATokenMadeForAnotherApp() throws Exception {
        serve(new TeamsSettings(APP_ID, SECRET, TENANT));

        HttpResponse<String> response = post(Activities.personalMessage(microsoft.serviceUrl(), "t-2", "hjelp"),
                "11111111-2222-4333-8444-555555555555");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(microsoft.activities()).isEmpty();
        assertThat(microsoft.tokenRequestLog).isEmpty();
    }

    @Test
    void aVerifiedDomain_isTheTenantInThePath_too() throws Exception {
        serve(new TeamsSettings(APP_ID, SECRET, "kommune.onmicrosoft.com"));

        post(Activities.personalMessage(microsoft.serviceUrl(), "t-3", "hjelp"), APP_ID);

        assertThat(microsoft.tokenRequestLog).singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo("/kommune.onmicrosoft.com/oauth2/v2.0/token"));
    }

    /* Without the test's login host, the SDK's credentials ask Microsoft's public login host for the tenant. */
    @Test
    void inProduction_theCredentialsAreTheSdksOwn_forLoginMicrosoftonlineComAndTheTenant() throws Exception {
        MicrosoftAppCredentials single = TeamsAdapter.credentials(new TeamsSettings(APP_ID, SECRET, TENANT),
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE, null);
        MicrosoftAppCredentials multi = TeamsAdapter.credentials(new TeamsSettings(APP_ID, SECRET, ""),
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE, null);

        assertThat(single.getClass()).isEqualTo(MicrosoftAppCredentials.class);
        assertThat(single.getChannelAuthTenant()).isEqualTo(TENANT);
        assertThat(single.oAuthEndpoint()).isEqualTo("https://login.microsoftonline.com/" + TENANT);
        assertThat(single.oAuthScope()).isEqualTo("https://api.botframework.com/.default");
        assertThat(single.getAppId()).isEqualTo(APP_ID);
        assertThat(multi.oAuthEndpoint()).isEqualTo("https://login.microsoftonline.com/botframework.com");
    }

    @Test
    void aRefusedSecret_failsTheTokenRequest_andNoReplyGoesOutWithoutAToken() throws Exception {
        microsoft.close();
        microsoft = new FakeMicrosoft(400);
        serve(new TeamsSettings(APP_ID, SECRET, TENANT));

        post(Activities.personalMessage(microsoft.serviceUrl(), "t-4", "hjelp"), APP_ID);

        assertThat(microsoft.tokenRequestLog).isNotEmpty().allSatisfy(request ->
                assertThat(request.path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token"));
        assertThat(microsoft.activities()).as("no reply without a token").isEmpty();
        assertThatThrownBy(() -> TeamsAdapter.credentials(new TeamsSettings(APP_ID, SECRET, TENANT),
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE, microsoft.loginHost()).getToken().get(30, TimeUnit.SECONDS))
                .hasStackTraceContaining("Exceeded retry count");
    }
}
