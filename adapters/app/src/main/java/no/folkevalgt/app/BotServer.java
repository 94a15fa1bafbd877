package no.folkevalgt.app;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.http.HostNames;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.slack.SlackAdapter;
import no.folkevalgt.slack.SlackSettings;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.storage.JdbcRequestIds;
import no.folkevalgt.storage.JdbcServerSecrets;
import no.folkevalgt.teams.TeamsAdapter;
import no.folkevalgt.teams.TeamsSettings;
import no.folkevalgt.web.WebAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole bot on one HTTP server, running: the local web chat and the facilitator page, health and
 * metrics, Slack and Teams when they are set up, and the programme's posts on schedule. The one place
 * that starts it: {@code ./bot serve} does, and so does every test and harness that wants the bot
 * in-process. {@link #close()} stops it gracefully: requests in flight finish, the scheduler lets a
 * running post finish and releases its claims, the database is released.
 *
 * <pre>{@code
 * try (BotServer bot = BotServer.builder()
 *         .settings(Map.of("BOT_HOME", home.toString(), "PORT", "0"))
 *         .clock(clock)
 *         .start()) {
 *     HttpResponse<String> page = http.send(HttpRequest.newBuilder(bot.uri()).build(), BodyHandlers.ofString());
 * }
 * }</pre>
 */
public final class BotServer implements AutoCloseable {

    /* Logged under ServeCommand's name, as before this class existed: log filters and alerts keep matching. */
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    /** Logged at start when Teams has an app id but no tenant id. */
    static final String MULTI_TENANT = "Teams: MICROSOFT_APP_TENANT_ID er ikke satt, så boten kjører som multi-tenant-bot "
            + "(den henter tokenet sitt fra botframework.com). Azure lager ikke lenger nye multi-tenant-boter: en ny Azure "
            + "Bot er single-tenant og virker bare med MICROSOFT_APP_TENANT_ID satt til leietakerens ID (se docs/teams.md).";

    private final WebServer server;
    private final Services services;
    private final List<AutoCloseable> adapters;
    private final String host;

    private BotServer(WebServer server, Services services, List<AutoCloseable> adapters, String host) {
        this.server = server;
        this.services = services;
        this.adapters = adapters;
        this.host = host;
    }

    /** A bot server to start; see {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP port the server listens on (the one chosen when {@code PORT} was 0). */
    public int port() {
        return server.port();
    }

    /**
     * The server's address on this machine, such as {@code http://127.0.0.1:8080/}: HOST, or 127.0.0.1
     * when the server listens on every address.
     */
    public URI uri() {
        String h = host.strip();
        if (h.isEmpty() || h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]")) {
            h = "127.0.0.1";
        } else if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /** The database the bot runs on (the embedded H2 file or DATABASE_URL); closed by {@link #close()}. */
    public Database database() {
        return services.database;
    }

    /** The programme the bot posts from (moved when it runs as a demo). */
    public Programme programme() {
        return services.programme;
    }

    /** The bot that answers every front end. */
    public Bot bot() {
        return services.bot;
    }

    /** The time the bot runs on. */
    public Clock clock() {
        return services.clock;
    }

    /** Everything the server runs on, for tests in this package. */
    Services services() {
        return services;
    }

    @Override
    public void close() {
        log.info("Stopping: letting requests in flight and a running post finish");
        try {
            server.close();
        } finally {
            adapters.forEach(BotServer::closeQuietly);
            services.close();
        }
    }

    /**
     * Starts everything on the app's settings, streams and clock.
     *
     * @param demo the {@code --demo} option (the DEMO setting also moves the programme)
     * @param port the {@code --port} option, or null for the PORT setting
     */
    static BotServer start(App app, boolean demo, Integer port) {
        Settings settings = app.settings();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Services services = Services.open(app, demo, kb -> new MeteredKnowledgeBase(kb, registry),
                store -> new MeteredReflectionStore(store, registry));
        Metrics.bindPool(services.database, registry);
        AutoCloseable gcMetrics = Metrics.bindJvmAndSystem(registry);
        WebServer server = null;
        List<AutoCloseable> closeables = new ArrayList<>();
        closeables.add(gcMetrics);
        try {
            services.knowledgeBase.watch(Duration.ofSeconds(30));
            String host = settings.host();
            WebAdapter web = WebAdapter.builder()
                    .bot(services.bot)
                    .programme(() -> services.programme)
                    .deliveryLog(services.deliveryLog)
                    .reflections(services.reflections)
                    .summaries(services.summaries)
                    .export(services.export)
                    .unanswered(services.unanswered)
                    .feedback(services.feedback)
                    /* A facilitator's search is not a member's question: not counted in the question metrics. */
                    .knowledgeBase(MeteredKnowledgeBase.unmetered(services.knowledgeBase))
                    .lessons(services.lessons)
                    .gaps(services.gaps)
                    .databaseCheck(services.database::ping)
                    /* serve always runs the post scheduler (startPosting below, before the server starts). */
                    .schedulerCheck(services::schedulerReadiness)
                    .meterRegistry(registry)
                    /* One key for every instance on the database, so a session issued by one is taken by all. */
                    .sessionKey(new JdbcServerSecrets(services.database).secret("web-sessions"))
                    .facilitatorToken(settings.facilitatorToken().orElse(null))
                    .metricsToken(settings.metricsToken().orElse(null))
                    .loopbackOnly(WebAdapter.isLoopbackHost(host))
                    .trustedProxies(settings.trustedProxies())
                    .clock(app.clock())
                    .build();
            List<HttpRoute> routes = new ArrayList<>(web.routes());
            Map<String, ChannelPoster> posters = new HashMap<>();
            posters.put("local", web.poster());
            posters.put("web", web.poster());
            Optional<SlackAdapter> slack = slack(app, settings, services);
            slack.ifPresent(adapter -> {
                closeables.add(adapter);
                routes.addAll(adapter.routes());
                posters.put(SlackAdapter.PLATFORM, adapter.poster());
            });
            teams(app, settings, services).ifPresent(teams -> {
                closeables.add(teams);
                routes.addAll(teams.routes());
                posters.put("teams", teams.poster());
            });
            services.startPosting(new MeteredPoster(new RoutingPoster(posters), registry), registry);
            server = WebServer.start(host, port != null ? port : settings.port(), routes,
                    WebServer.Options.defaults().withHosts(hostNames(settings)).withObserver(Metrics.http(registry)));
            for (SlackAdapter adapter : slack.stream().toList()) {
                startSlack(adapter);
            }
            PrintStream out = app.out();
            String shown = WebAdapter.isLoopbackHost(host) || "0.0.0.0".equals(host) ? "localhost" : host;
            out.println("Folkevalgt-bot kjører: http://" + shown + ":" + server.port() + "/");
            out.println("Fasilitatorsiden: http://" + shown + ":" + server.port() + "/fasilitator");
            if (demo || settings.demo()) {
                out.println("Demo: programmet begynner om et par minutter, i seks ganger fart.");
            }
            out.println("Stopp med Ctrl+C.");
            out.flush();
            return new BotServer(server, services, closeables, host);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            closeables.forEach(BotServer::closeQuietly);
            services.close();
            throw e;
        }
    }

    /**
     * The host names the server answers to: the loopback names, the host of PUBLIC_URL, and HOST when it
     * is one address. Listening on every address without PUBLIC_URL, the server cannot know its names:
     * then any name is served to other machines, and only this machine's requests are held to the
     * loopback names (which is what stops a DNS-rebinding page in a browser here).
     */
    static HostNames hostNames(Settings settings) {
        List<String> names = new ArrayList<>();
        settings.publicHost().ifPresent(names::add);
        String host = settings.host();
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isEmpty();
        if (!wildcard) {
            names.add(host);
        }
        if (wildcard && settings.publicHost().isEmpty()) {
            log.warn("HOST={} and PUBLIC_URL is not set: requests from other machines are served whatever host name "
                    + "they use. Set PUBLIC_URL to the address users open.", host);
            return HostNames.loopbackOnly();
        }
        return HostNames.of(names);
    }

    /** Slack, when SLACK_BOT_TOKEN is set: HTTP mode at /slack/events, or Socket Mode with SLACK_APP_TOKEN. */
    private static Optional<SlackAdapter> slack(App app, Settings settings, Services services) {
        Optional<SlackSettings> slack;
        try {
            slack = SlackSettings.from(settings.values());
        } catch (IllegalArgumentException e) {
            throw new UserError("Slack-innstillingene kan ikke brukes: " + e.getMessage(), e);
        }
        /* Event ids and trigger ids in the database: a retry or replay is answered once, by any instance. */
        return slack.map(s -> SlackAdapter.create(s, services.bot, services.feedback, app.clock(),
                new JdbcRequestIds(services.database)));
    }

    private static void startSlack(SlackAdapter adapter) {
        try {
            adapter.start();
        } catch (java.io.IOException e) {
            throw new UserError("Kunne ikke koble til Slack: " + Main.describe(e), e);
        }
    }

    /**
     * Teams, when it is set up: with MICROSOFT_APP_ID every request must carry a valid Bot Framework
     * token. Without it Teams is off, unless TEAMS_EMULATOR=true asks for the Bot Framework Emulator's
     * unauthenticated requests, which is allowed only while the server listens on this machine alone.
     */
    private static Optional<TeamsAdapter> teams(App app, Settings settings, Services services) {
        TeamsSettings teams = TeamsManifestCommand.teamsSettings(settings.values());
        if (!teams.authenticated()) {
            boolean emulator = "true".equalsIgnoreCase(settings.values().getOrDefault("TEAMS_EMULATOR", "").strip());
            if (!emulator) {
                return Optional.empty();
            }
            if (!WebAdapter.isLoopbackHost(settings.host())) {
                throw new UserError("TEAMS_EMULATOR tar imot Teams-meldinger uten innlogging, og er bare lov når HOST er "
                        + "denne maskinen (127.0.0.1). Sett MICROSOFT_APP_ID og MICROSOFT_APP_PASSWORD for ekte Teams.");
            }
        }
        if (teams.authenticated() && !teams.singleTenant()) {
            log.warn(MULTI_TENANT);
        }
        return Optional.of(TeamsAdapter.create(teams, services.bot, services.feedback,
                new JdbcConversationStore(services.database), app.clock()));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing {} failed: {}", closeable, e.toString());
        }
    }

    /**
     * Starts a {@link BotServer}. Every part is optional: without settings it reads the process
     * environment and the {@code .env} files in the working folder and {@code BOT_HOME}, as
     * {@code ./bot serve} does; the clock is the system's.
     */
    public static final class Builder {

        private Map<String, String> settings = System.getenv();
        private Path workingDir = Path.of("").toAbsolutePath();
        private Clock clock = Clock.systemUTC();
        private boolean demo;
        private Integer port;
        private PrintStream out = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        private KnowledgeFactory knowledge = KnowledgeFactory.LUCENE;

        private Builder() {
        }

        /**
         * The settings, as environment variables ({@code BOT_HOME}, {@code PORT}, {@code DATABASE_URL},
         * {@code SLACK_BOT_TOKEN}...; see .env.example). They win over the {@code .env} files, as the
         * environment does. Default: the process environment.
         */
        public Builder settings(Map<String, String> settings) {
            this.settings = Map.copyOf(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /** The folder the bot is started from: its {@code .env} is read, and {@code BOT_HOME} defaults to it. */
        public Builder workingDir(Path workingDir) {
            this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
            return this;
        }

        /** The time the bot runs on: the programme, the posts, the records. Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Moves the programme so that day 1 begins in a couple of minutes, at six times the speed ({@code --demo}). */
        public Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        /** The HTTP port, over the PORT setting ({@code --port}); 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where the start banner ("Folkevalgt-bot kjører: ...") is printed. Default: nowhere. */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** How the knowledge base is opened; the Lucene index unless a test in this package says otherwise. */
        Builder knowledge(KnowledgeFactory knowledge) {
            this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
            return this;
        }

        /**
         * Starts the bot: opens the knowledge base and the database, plans the programme's posts and
         * starts the HTTP server.
         *
         * @throws RuntimeException with a message for the organiser (in Norwegian) when a setting is
         *                          wrong or the material, the database or Slack cannot be reached
         */
        public BotServer start() {
            App app = new App(new ByteArrayInputStream(new byte[0]), out, out, false, settings, workingDir, knowledge,
                    clock);
            return BotServer.start(app, demo, port);
        }
    }
}
