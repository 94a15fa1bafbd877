package no.folkevalgt.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.http.TrustedProxies;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.UnansweredStore;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.reflection.ReflectionExport;
import no.folkevalgt.core.reflection.ReflectionSummaries;
import no.folkevalgt.core.teaching.GapList;
import no.folkevalgt.core.teaching.Lessons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The embedded default: the local web chat ({@code /}), the facilitator page ({@code /fasilitator}),
 * and the operations endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}), as routes for
 * the application's one HTTP server. Every asset is served from the classpath, so the pages work
 * offline.
 *
 * <pre>{@code
 * WebAdapter web = WebAdapter.builder()
 *         .bot(bot).programme(() -> programme).deliveryLog(log)
 *         .reflections(store).summaries(summaries).export(export)
 *         .unanswered(unanswered).feedback(feedback).knowledgeBase(kb)
 *         .lessons(lessons).gaps(gaps)                          // what facilitators teach, and the gap list
 *         .databaseCheck(database::ping).meterRegistry(registry)
 *         .schedulerCheck(() -> ReadinessCheck.ok("polling"))   // only when a post scheduler runs
 *         .facilitatorToken(System.getenv("FACILITATOR_TOKEN")).loopbackOnly(true)
 *         .clock(clock).build();
 * ChannelPoster local = web.poster();          // give it the posts for local:programmet
 * WebServer server = WebServer.start("127.0.0.1", 8080, web.routes());
 * }</pre>
 */
public final class WebAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebAdapter.class);

    /** How many channel posts the chat page keeps. */
    public static final int CHANNEL_CAPACITY = 200;

    private final LocalChannel channel;
    private final List<HttpRoute> routes;

    private WebAdapter(Builder b) {
        this.channel = new LocalChannel(CHANNEL_CAPACITY, b.clock);
        FacilitatorGuard guard = new FacilitatorGuard(b.facilitatorToken);
        ChatHandlers chat = new ChatHandlers(b.bot, b.feedback, channel, b.clock, b.programme,
                new AddressLimit(b.addressLimiter, b.trustedProxies), new AddressLimit(b.newSessionLimiter, b.trustedProxies),
                new WebSessions(b.sessionKey), b.sessionLimiter);
        FacilitatorHandlers facilitator = new FacilitatorHandlers(guard, b.programme, b.deliveryLog, b.reflections,
                b.summaries, b.export, b.unanswered, b.feedback, b.lessons,
                b.gaps != null ? b.gaps : new GapList(b.unanswered, b.feedback, b.lessons, b.knowledgeBase),
                b.knowledgeBase, b.clock);
        OpsHandlers ops = new OpsHandlers(b.knowledgeBase, b.databaseCheck, b.schedulerCheck, b.meterRegistry,
                b.metricsToken);
        List<HttpRoute> all = new ArrayList<>();
        all.addAll(chat.routes());
        all.addAll(facilitator.routes());
        all.addAll(ops.routes());
        all.add(new HttpRoute("GET", "/static/*", StaticAssets::serve));
        this.routes = List.copyOf(all);
        if (!b.loopbackOnly && b.facilitatorToken == null) {
            log.warn("The server listens on other addresses than this machine, and FACILITATOR_TOKEN is not set: "
                    + "the facilitator page opens only from this machine (localhost)");
        }
    }

    /**
     * Whether a listen address reaches this machine only ({@code 127.0.0.1}, {@code localhost},
     * {@code ::1}), for {@link Builder#loopbackOnly(boolean)}.
     */
    public static boolean isLoopbackHost(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The routes to hand to the HTTP server. */
    public List<HttpRoute> routes() {
        return routes;
    }

    /**
     * Takes posts for {@code local} and {@code web} channels (such as {@code local:programmet}) and keeps
     * the latest {@value #CHANNEL_CAPACITY} for the chat page's channel view; posts for other platforms
     * fail permanently.
     */
    public ChannelPoster poster() {
        return channel;
    }

    /** Collects what the adapter needs; {@link #build()} says exactly what is missing. */
    public static final class Builder {
        private Bot bot;
        private Supplier<Programme> programme;
        private DeliveryLog deliveryLog;
        private ReflectionStore reflections;
        private ReflectionSummaries summaries;
        private ReflectionExport export;
        private UnansweredStore unanswered;
        private FeedbackStore feedback;
        private KnowledgeBase knowledgeBase;
        private Lessons lessons;
        private GapList gaps;
        private Runnable databaseCheck;
        private Supplier<ReadinessCheck> schedulerCheck;
        private PrometheusMeterRegistry meterRegistry;
        /* Wall time, like the bot's per-user limits: a demo's programme clock may run faster. */
        private RateLimiter addressLimiter = RateLimiter.defaults(Clock.systemUTC());
        private RateLimiter sessionLimiter = RateLimiter.defaults(Clock.systemUTC());
        private RateLimiter newSessionLimiter = newSessionDefaults(Clock.systemUTC());
        private byte[] sessionKey;
        private String facilitatorToken;
        private String metricsToken;
        private boolean loopbackOnly = true;
        private TrustedProxies trustedProxies = TrustedProxies.none();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder bot(Bot bot) {
            this.bot = bot;
            return this;
        }

        /** The current programme, asked on every request so that a reloaded one is seen. */
        public Builder programme(Supplier<Programme> programme) {
            this.programme = programme;
            return this;
        }

        public Builder deliveryLog(DeliveryLog deliveryLog) {
            this.deliveryLog = deliveryLog;
            return this;
        }

        public Builder reflections(ReflectionStore reflections) {
            this.reflections = reflections;
            return this;
        }

        public Builder summaries(ReflectionSummaries summaries) {
            this.summaries = summaries;
            return this;
        }

        /** The CSV export; web members without a name are shown as {@value WebUsers#NO_NAME}, never by their session. */
        public Builder export(ReflectionExport export) {
            this.export = export == null ? null : export.withShownUser(WebUsers::shown);
            return this;
        }

        public Builder unanswered(UnansweredStore unanswered) {
            this.unanswered = unanswered;
            return this;
        }

        public Builder feedback(FeedbackStore feedback) {
            this.feedback = feedback;
            return this;
        }

        /**
         * For readiness (an index with passages) and the facilitator's search for a slide to teach;
         * members' questions go through the bot. A facilitator's search is not a member's question: give
         * the knowledge base unmetered, so that it is not counted in the question metrics.
         */
        public Builder knowledgeBase(KnowledgeBase knowledgeBase) {
            this.knowledgeBase = knowledgeBase;
            return this;
        }

        /**
         * What facilitators taught the bot (give the bot the same, {@code Bot.builder()...lessons(lessons)}): the
         * facilitator page teaches, undoes, exports and imports through it.
         */
        public Builder lessons(Lessons lessons) {
            this.lessons = lessons;
            return this;
        }

        /**
         * The gap list the facilitator page shows; by default one on this builder's unanswered and
         * feedback stores, lessons and knowledge base.
         */
        public Builder gaps(GapList gaps) {
            this.gaps = gaps;
            return this;
        }

        /** Returns when the database is reachable and throws when not, e.g. {@code database::ping}. */
        public Builder databaseCheck(Runnable databaseCheck) {
            this.databaseCheck = databaseCheck;
            return this;
        }

        /**
         * Whether the post scheduler is alive, for {@code /readyz} ("scheduler"; 503 when not ok). Set it
         * only when the application runs a scheduler; without it {@code /readyz} has no scheduler check.
         */
        public Builder schedulerCheck(Supplier<ReadinessCheck> schedulerCheck) {
            this.schedulerCheck = schedulerCheck;
            return this;
        }

        /**
         * The budget per client address for chat messages without a valid session cookie (they are
         * refused with 401 and "Økten din er ukjent eller utløpt. Last siden på nytt."): a client
         * probing made-up cookies gets 429 with {@link RateLimiter#MESSAGE} once it is spent. By
         * default {@link RateLimiter#defaults} on wall time. Messages with a valid session never
         * spend from it, so people behind one NAT are not affected.
         */
        public Builder addressLimiter(RateLimiter addressLimiter) {
            this.addressLimiter = addressLimiter;
            return this;
        }

        /**
         * The budget per client address for new web chat sessions (a page load without a valid session
         * cookie), spent as {@link RateLimiter.Kind#QUESTION}: over it the page load gets 429 and
         * «For mange nye økter fra samme adresse på kort tid. Vent litt og last siden på nytt.». By
         * default {@link #newSessionDefaults} on wall time. This machine's own address is not limited.
         */
        public Builder newSessionLimiter(RateLimiter newSessionLimiter) {
            this.newSessionLimiter = newSessionLimiter;
            return this;
        }

        /**
         * 200 new sessions at once per address (a full meeting room behind one NAT loading the page
         * together), then 20 a minute: members keep their session (a cookie kept for a year), so only new
         * browsers start one.
         */
        public static RateLimiter newSessionDefaults(Clock clock) {
            return RateLimiter.builder().questions(20, java.time.Duration.ofMinutes(1), 200).exempt(java.util.Set.of())
                    .clock(clock).build();
        }

        /**
         * The budget per web chat session, spent before the bot's own per-user limit (which a new
         * name would otherwise start afresh). By default {@link RateLimiter#defaults} on wall time,
         * the same limits as one user.
         */
        public Builder sessionLimiter(RateLimiter sessionLimiter) {
            this.sessionLimiter = sessionLimiter;
            return this;
        }

        /**
         * The key that signs the web chat's session cookies (at least 16 bytes), the same for every
         * instance on one database, e.g. {@code new JdbcServerSecrets(database).secret("web-sessions")}.
         * Without it a random key for this process is made: sessions then end when it stops.
         */
        public Builder sessionKey(byte[] sessionKey) {
            this.sessionKey = sessionKey == null ? null : sessionKey.clone();
            return this;
        }

        /** The registry {@code /metrics} scrapes; give the same one to the app's Metered decorators. */
        public Builder meterRegistry(PrometheusMeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /**
         * The {@code FACILITATOR_TOKEN} setting: required for the facilitator page from other machines.
         * Null or blank: the page opens from this machine only.
         */
        public Builder facilitatorToken(String facilitatorToken) {
            this.facilitatorToken = facilitatorToken == null || facilitatorToken.isBlank() ? null : facilitatorToken.strip();
            return this;
        }

        /**
         * The {@code METRICS_TOKEN} setting: when set, {@code /metrics} answers only requests with
         * {@code Authorization: Bearer <token>} (401 otherwise), for a Prometheus that scrapes it
         * through a public host. Null or blank: {@code /metrics} is open, as before.
         */
        public Builder metricsToken(String metricsToken) {
            this.metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
            return this;
        }

        /**
         * The {@code TRUSTED_PROXIES} setting: whose forwarding headers name the client, for the chat's
         * per-address limit (default none: the client is the connection's address).
         */
        public Builder trustedProxies(TrustedProxies trustedProxies) {
            this.trustedProxies = java.util.Objects.requireNonNull(trustedProxies, "trustedProxies");
            return this;
        }

        /** Whether the server listens on loopback only (default true); only used to warn at start. */
        public Builder loopbackOnly(boolean loopbackOnly) {
            this.loopbackOnly = loopbackOnly;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public WebAdapter build() {
            List<String> missing = new ArrayList<>();
            check(bot, "bot", missing);
            check(programme, "programme", missing);
            check(deliveryLog, "deliveryLog", missing);
            check(reflections, "reflections", missing);
            check(summaries, "summaries", missing);
            check(export, "export", missing);
            check(unanswered, "unanswered", missing);
            check(feedback, "feedback", missing);
            check(knowledgeBase, "knowledgeBase", missing);
            check(lessons, "lessons", missing);
            check(databaseCheck, "databaseCheck", missing);
            check(meterRegistry, "meterRegistry", missing);
            check(addressLimiter, "addressLimiter", missing);
            check(sessionLimiter, "sessionLimiter", missing);
            check(newSessionLimiter, "newSessionLimiter", missing);
            if (sessionKey == null) {
                sessionKey = WebSessions.randomKey();
            }
            check(clock, "clock", missing);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("WebAdapter.builder() is missing " + String.join(", ", missing));
            }
            if (facilitatorToken != null && facilitatorToken.length() < 12) {
                throw new IllegalStateException("FACILITATOR_TOKEN must be at least 12 characters but was "
                        + facilitatorToken.length());
            }
            return new WebAdapter(this);
        }

        private static void check(Object value, String name, List<String> missing) {
            if (Objects.isNull(value)) {
                missing.add(name);
            }
        }
    }
}
