package no.folkevalgt.teams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.schema.Serialization;

/**
 * App credentials that fetch the bot's token with the OAuth 2.0 client-credentials grant from a
 * configured token endpoint instead of through MSAL. MSAL insists on https and on instance discovery
 * at login.microsoftonline.com, so it cannot be pointed at a loopback fake; this is used only when a
 * token endpoint is configured (tests, or a sovereign cloud's login host).
 */
final class TokenEndpointCredentials extends MicrosoftAppCredentials {

    private final URI tokenEndpoint;
    private final Clock clock;

    TokenEndpointCredentials(String appId, String password, String tenantId, String oAuthScope, URI tokenEndpoint, Clock clock) {
        super(appId, password, tenantId == null || tenantId.isEmpty() ? null : tenantId, oAuthScope);
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
    }

    @Override
    public String oAuthEndpoint() {
        return tokenEndpoint.toString();
    }

    @Override
    protected Authenticator buildAuthenticator() {
        return new ClientCredentials(tokenEndpoint, getAppId(), getAppPassword(), oAuthScope(), clock);
    }

    /** Caches the token until a minute before it expires. */
    static final class ClientCredentials implements Authenticator {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final URI endpoint;
        private final String form;
        private final Clock clock;
        private Token cached;

        ClientCredentials(URI endpoint, String appId, String password, String scope, Clock clock) {
            this.endpoint = endpoint;
            this.clock = clock;
            this.form = "grant_type=client_credentials&client_id=" + enc(appId) + "&client_secret=" + enc(password)
                    + "&scope=" + enc(scope);
        }

        @Override
        public synchronized CompletableFuture<IAuthenticationResult> acquireToken() {
            Instant now = clock.instant();
            if (cached != null && cached.expires.minusSeconds(60).isAfter(now)) {
                return CompletableFuture.completedFuture(cached);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return CompletableFuture.failedFuture(new IOException("token endpoint " + endpoint
                            + " answered " + response.statusCode()));
                }
                JsonNode json = Serialization.jsonToTree(response.body());
                String token = json.path("access_token").asText("");
                if (token.isEmpty()) {
                    return CompletableFuture.failedFuture(new IOException("token endpoint " + endpoint + " sent no access_token"));
                }
                cached = new Token(token, now.plusSeconds(json.path("expires_in").asLong(3600)));
                return CompletableFuture.completedFuture(cached);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
        }
    }

    private record Token(String value, Instant expires) implements IAuthenticationResult {
        @Override
        public String accessToken() {
            return value;
        }

        @Override
        public String idToken() {
            return null;
        }

        @Override
        public IAccount account() {
            return null;
        }

        @Override
        public ITenantProfile tenantProfile() {
            return null;
        }

        @Override
        public String environment() {
            return null;
        }

        @Override
        public String scopes() {
            return null;
        }

        @Override
        public Date expiresOnDate() {
            return Date.from(expires);
        }
    }
}
