package no.folkevalgt.teams;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ConversationStore;
import no.folkevalgt.core.port.FeedbackStore;

/**
 * Microsoft Teams through the Bot Framework SDK: serves {@code POST /api/messages} on the
 * application's HTTP server and posts proactively to conversations the bot was added to.
 * Incoming requests are authenticated by the SDK's JWT validation whenever an app id is configured.
 *
 * <pre>{@code
 * TeamsAdapter teams = TeamsAdapter.create(TeamsSettings.fromEnvironment(System.getenv()),
 *         bot, new JdbcFeedbackStore(db), new JdbcConversationStore(db), Clock.systemUTC());
 * WebServer server = WebServer.start("0.0.0.0", 8080, teams.routes());
 * ChannelPoster teamsPoster = teams.poster();   // for ChannelRefs with platform "teams"
 * }</pre>
 */
public final class TeamsAdapter implements AutoCloseable {

    /** The path Azure Bot Service posts activities to (the messaging endpoint). */
    public static final String PATH = "/api/messages";

    static final Duration TURN_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(TeamsAdapter.class);

    private final TeamsSettings settings;
    private final SdkAdapter adapter;
    private final TeamsBot teamsBot;
    private final TeamsPoster poster;
    private final SigningKeys signingKeys;

    private TeamsAdapter(Builder b) {
        this.settings = b.settings;
        if (b.openIdMetadataUrl != null) {
            /* The SDK keeps this JVM-wide; only tests and sovereign clouds change it. */
            ChannelValidation.setOpenIdMetaDataUrl(b.openIdMetadataUrl);
        }
        /* With an app id, the signing keys are fetched now (bounded) and then in the background, never on a request. */
        this.signingKeys = settings.authenticated()
                ? new SigningKeys(ChannelValidation.getOpenIdMetaDataUrl(), b.metadataTimeout, b.clock).start()
                : null;
        this.adapter = new SdkAdapter(settings, b.loginHost);
        this.teamsBot = new TeamsBot(b.bot, b.feedback, b.conversations, b.clock);
        this.poster = new TeamsPoster(adapter, settings.appId(), b.conversations);
        adapter.setOnTurnError((turn, error) -> {
            log.error("Teams turn failed for conversation {}", turn.getActivity().getConversation() == null
                    ? "?" : turn.getActivity().getConversation().getId(), error);
            return turn.sendActivity(Cards.plainText("Beklager, noe gikk galt. Prøv igjen om litt.")).thenApply(r -> null);
        });
        if (settings.authenticated()) {
            log.info("Teams adapter ready at {} for app {}, {}", PATH, settings.appId(), settings.singleTenant()
                    ? "single-tenant in tenant " + settings.tenantId() : "multi-tenant");
        } else {
            log.warn("!!! MICROSOFT_APP_ID is not set: {} accepts UNAUTHENTICATED requests from anyone."
                    + " This is only for the Bot Framework Emulator on this machine; never expose it to the internet. !!!", PATH);
        }
    }

    /** The adapter with Microsoft's public endpoints. */
    public static TeamsAdapter create(TeamsSettings settings, Bot bot, FeedbackStore feedback,
                                      ConversationStore conversations, Clock clock) {
        return builder(settings).bot(bot).feedback(feedback).conversations(conversations).clock(clock).build();
    }

    public static Builder builder(TeamsSettings settings) {
        return new Builder(settings);
    }

    /** {@code POST /api/messages}, for the application's one HTTP server. */
    public List<HttpRoute> routes() {
        return List.of(new HttpRoute("POST", PATH, this::handle));
    }

    /** Posts replies to stored Teams conversations ({@link no.folkevalgt.core.port.ChannelRef} platform {@code teams}). */
    public ChannelPoster poster() {
        return poster;
    }

    HttpResponse handle(HttpRequest request) {
        Activity activity;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Serialization.jsonToTree(request.bodyText());
            if (!ActivityTimestamps.normalize(tree)) {
                return HttpResponse.text(400, "Ugyldig aktivitet: timestamp kan ikke leses");
            }
            activity = Serialization.getAs(tree, Activity.class);
        } catch (Exception e) {
            log.debug("Unreadable Teams activity from {}: {}", request.remoteAddress(), e.toString());
            return HttpResponse.text(400, "Ugyldig aktivitet");
        }
        if (activity == null || activity.getType() == null) {
            return HttpResponse.text(400, "Ugyldig aktivitet: type mangler");
        }
        if (activity.getServiceUrl() == null || activity.getConversation() == null
                || activity.getConversation().getId() == null || activity.getFrom() == null
                || activity.getFrom().getId() == null) {
            return HttpResponse.text(400, "Ugyldig aktivitet: serviceUrl, conversation eller from mangler");
        }
        String auth = request.header("Authorization").orElse("");
        if (signingKeys != null && !signingKeys.signedByKnownKey(bearer(auth))) {
            /* Refused before the SDK, which would fetch Microsoft's keys on this thread when it has none. */
            log.warn("Rejected a Teams request from {}: no cached signing key verifies its token", request.remoteAddress());
            return HttpResponse.text(401, "Ikke autorisert");
        }
        try {
            CompletableFuture<InvokeResponse> turn = adapter.processIncomingActivity(auth, activity, teamsBot);
            InvokeResponse invoke = turn.get(TURN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (invoke == null) {
                return HttpResponse.empty(202);
            }
            String body = invoke.getBody() == null ? "" : Serialization.toString(invoke.getBody());
            return body.isEmpty() ? HttpResponse.empty(invoke.getStatus())
                    : HttpResponse.of(invoke.getStatus(), "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        } catch (ExecutionException | CompletionException e) {
            if (isAuthFailure(e)) {
                log.warn("Rejected a Teams request from {}: {}", request.remoteAddress(), rootMessage(e));
                return HttpResponse.text(401, "Ikke autorisert");
            }
            log.error("Teams activity {} failed", activity.getType(), e);
            return HttpResponse.text(500, "Intern feil");
        } catch (TimeoutException e) {
            log.error("Teams activity {} took longer than {}", activity.getType(), TURN_TIMEOUT);
            return HttpResponse.text(504, "Tidsavbrudd");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponse.text(503, "Avbrutt");
        } catch (Exception e) {
            if (isAuthFailure(e)) {
                log.warn("Rejected a Teams request from {}: {}", request.remoteAddress(), rootMessage(e));
                return HttpResponse.text(401, "Ikke autorisert");
            }
            log.error("Teams activity {} failed", activity.getType(), e);
            return HttpResponse.text(500, "Intern feil");
        }
    }

    private static String bearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : "";
    }

    static boolean isAuthFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof com.auth0.jwt.exceptions.JWTVerificationException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }

    @Override
    public void close() {
        /* The SDK holds no resources that need closing beyond its OkHttp pools, which are daemon threads. */
        if (signingKeys != null) {
            signingKeys.close();
        }
    }

    @Override
    public String toString() {
        return "TeamsAdapter[" + settings + "]";
    }

    /**
     * The SDK's adapter as {@code BotFrameworkHttpAdapter} builds it (which only passes no retry
     * strategy and no middleware to this constructor, and adds {@code processIncomingActivity}), but
     * with our connector retry and the SDK's credentials for a single-tenant bot's tenant.
     */
    static final class SdkAdapter extends BotFrameworkAdapter {
        private final TeamsSettings settings;
        private final URI loginHost;
        private final java.util.Map<String, ConnectorClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

        SdkAdapter(TeamsSettings settings, URI loginHost) {
            super(new SimpleCredentialProvider(settings.appId(), settings.password()), new SimpleChannelProvider(),
                    null, null);
            this.settings = settings;
            this.loginHost = loginHost;
        }

        /*
         * The SDK's own retry setting (the constructor's RetryStrategy) is stored but never used by
         * RestConnectorClient 4.14.1, whose default retries every 5xx three times at once; the
         * connector client is built here with ConnectorRetry instead.
         */
        @Override
        protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl, AppCredentials credentials) {
            AppCredentials effective = credentials != null ? credentials : MicrosoftAppCredentials.empty();
            String key = serviceUrl + "|" + (effective.getAppId() == null ? "" : effective.getAppId()) + "|" + effective.oAuthScope();
            try {
                return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> new RestConnectorClient(
                        RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, effective)
                                .withRetryStrategy(new ConnectorRetry()).build())));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        /** Authenticates the request (JWT) and runs the turn; the invoke response for invoke activities, else null. */
        CompletableFuture<InvokeResponse> processIncomingActivity(String authHeader, Activity activity, com.microsoft.bot.builder.Bot bot) {
            return processActivity(authHeader, activity, bot::onTurn);
        }

        @Override
        protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String oAuthScope) {
            if (!settings.authenticated()) {
                return CompletableFuture.completedFuture(MicrosoftAppCredentials.empty());
            }
            String scope = oAuthScope == null || oAuthScope.isEmpty() ? AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE : oAuthScope;
            return CompletableFuture.completedFuture(credentials(settings, scope, loginHost));
        }
    }

    /**
     * The SDK's own client-secret credentials (MSAL's client-credentials grant). A single-tenant bot
     * asks its own tenant for the token ({@code https://login.microsoftonline.com/<tenant>}, the SDK's
     * channel auth tenant); a multi-tenant one asks {@code botframework.com}. {@code loginHost}, when
     * not null, stands in for {@code https://login.microsoftonline.com/} (tests only).
     */
    static MicrosoftAppCredentials credentials(TeamsSettings settings, String scope, URI loginHost) {
        String tenant = settings.singleTenant() ? settings.tenantId() : null;
        if (loginHost == null) {
            return new MicrosoftAppCredentials(settings.appId(), settings.password(), tenant, scope);
        }
        return new MicrosoftAppCredentials(settings.appId(), settings.password(), tenant, scope) {
            @Override
            public String oAuthEndpoint() {
                return loginHost.resolve(getChannelAuthTenant()).toString();
            }
        };
    }

    /** The adapter's collaborators and endpoints; {@link #build()} says exactly what is missing. */
    public static final class Builder {
        private final TeamsSettings settings;
        private Bot bot;
        private FeedbackStore feedback;
        private ConversationStore conversations;
        private Clock clock = Clock.systemUTC();
        private String openIdMetadataUrl;
        private URI loginHost;
        private Duration metadataTimeout = SigningKeys.DEFAULT_TIMEOUT;

        private Builder(TeamsSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        public Builder bot(Bot bot) {
            this.bot = bot;
            return this;
        }

        public Builder feedback(FeedbackStore feedback) {
            this.feedback = feedback;
            return this;
        }

        public Builder conversations(ConversationStore conversations) {
            this.conversations = conversations;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Where the SDK reads the Bot Framework's OpenID metadata (and from it the signing keys);
         * Microsoft's public one unless set. JVM-wide in the SDK: set it only in tests or for a sovereign cloud.
         */
        public Builder openIdMetadataUrl(String url) {
            this.openIdMetadataUrl = url;
            return this;
        }

        /**
         * The Microsoft Entra login host the SDK's credentials get the bot's outgoing token from, in
         * place of {@code https://login.microsoftonline.com/}; tests only (a loopback https server).
         */
        Builder loginHost(URI loginHost) {
            this.loginHost = loginHost;
            return this;
        }

        /**
         * How long one fetch of the OpenID metadata or the signing keys may take (default 5 s); at start
         * the adapter waits at most about twice this for the keys.
         */
        public Builder metadataTimeout(Duration metadataTimeout) {
            this.metadataTimeout = Objects.requireNonNull(metadataTimeout, "metadataTimeout");
            return this;
        }

        public TeamsAdapter build() {
            StringBuilder missing = new StringBuilder();
            if (bot == null) {
                missing.append(" bot");
            }
            if (feedback == null) {
                missing.append(" feedback");
            }
            if (conversations == null) {
                missing.append(" conversations");
            }
            if (clock == null) {
                missing.append(" clock");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("TeamsAdapter needs" + missing);
            }
            if (openIdMetadataUrl != null && !openIdMetadataUrl.startsWith("http")) {
                throw new IllegalArgumentException("openIdMetadataUrl must be an http(s) URL but was " + openIdMetadataUrl);
            }
            return new TeamsAdapter(this);
        }
    }
}
