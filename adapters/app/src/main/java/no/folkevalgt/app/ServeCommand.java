package no.folkevalgt.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import no.folkevalgt.core.ChannelPoster;
import no.folkevalgt.core.ChannelRef;
import no.folkevalgt.core.PostFailure;
import no.folkevalgt.core.Reply;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.http.HostNames;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.slack.SlackAdapter;
import no.folkevalgt.storage.JdbcRequestIds;
import no.folkevalgt.slack.SlackSettings;
import no.folkevalgt.storage.JdbcConversationStore;
import no.folkevalgt.teams.TeamsAdapter;
import no.folkevalgt.teams.TeamsSettings;
import no.folkevalgt.web.MeteredKnowledgeBase;
import no.folkevalgt.web.MeteredPoster;
import no.folkevalgt.web.MeteredReflectionStore;
import no.folkevalgt.storage.JdbcServerSecrets;
import no.folkevalgt.web.WebAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve} (also {@code ./bot} with no command): the whole bot on one HTTP server: the local
 * web chat and the facilitator page, health and metrics, and Slack and Teams when they are set up;
 * the programme's posts on schedule. Stops gracefully on Ctrl+C or SIGTERM: requests in flight
 * finish, the scheduler lets a running post finish and releases its claims.
 */
@Command(name = "serve",
        description = {"Start boten: web-chat og fasilitatorside på http://localhost:8080/, programmets påminnelser "
                + "og refleksjonsoppgaver, og Slack og Teams når de er satt opp (se .env.example)."},
        footer = {"", "Eksempler:", "  ./bot", "  ./bot serve --demo", "  PORT=9090 ./bot serve"})
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    /** Logged at start when Teams has an app id but no tenant id. */
    static final String MULTI_TENANT = "Teams: MICROSOFT_APP_TENANT_ID er ikke satt, så boten kjører som multi-tenant-bot "
            + "(den henter tokenet sitt fra botframework.com). Azure lager ikke lenger nye multi-tenant-boter: en ny Azure "
            + "Bot er single-tenant og virker bare med MICROSOFT_APP_TENANT_ID satt til leietakerens ID (se docs/teams.md).";

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @Option(names = "--demo", description = "Flytt programmet så dag 1 begynner om et par minutter, i seks ganger fart.")
    boolean demo;

    @Option(names = "--port", paramLabel = "PORT", description = "Porten (standard: PORT, ellers 8080; 0 velger en ledig).")
    Integer port;

    ServeCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        Running running = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }

    /** Starts everything; {@link Running#close()} stops it. Tests call this directly. */
    Running start() {
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
                    .knowledgeBase(services.knowledgeBase)
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
            Optional<SlackAdapter> slack = slack(settings, services);
            slack.ifPresent(adapter -> {
                closeables.add(adapter);
                routes.addAll(adapter.routes());
                posters.put(SlackAdapter.PLATFORM, defaultChannel(adapter));
            });
            teams(settings, services).ifPresent(teams -> {
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
            return new Running(server, services, closeables);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            closeables.forEach(ServeCommand::closeQuietly);
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
    private Optional<SlackAdapter> slack(Settings settings, Services services) {
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

    /** Slack's poster, with {@code slack:default} in programme.yaml standing for SLACK_DEFAULT_CHANNEL. */
    private static ChannelPoster defaultChannel(SlackAdapter adapter) {
        ChannelPoster poster = adapter.poster();
        return new ChannelPoster() {
            @Override
            public void post(ChannelRef channel, Reply reply) throws PostFailure {
                poster.post(target(channel), reply);
            }

            @Override
            public void post(ChannelRef channel, Reply reply, String postId)
                    throws PostFailure {
                poster.post(target(channel), reply, postId);
            }

            @Override
            public Optional<Boolean> wasPosted(ChannelRef channel, String postId, Instant since) {
                try {
                    return poster.wasPosted(target(channel), postId, since);
                } catch (PostFailure e) {
                    return Optional.empty();
                }
            }

            private ChannelRef target(ChannelRef channel) throws PostFailure {
                if (!"default".equals(channel.id())) {
                    return channel;
                }
                return adapter.defaultChannel().orElseThrow(() -> PostFailure.permanent(
                        "programme.yaml poster til slack:default, men SLACK_DEFAULT_CHANNEL er ikke satt", null));
            }
        };
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
    private Optional<TeamsAdapter> teams(Settings settings, Services services) {
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

    /** The running bot. */
    record Running(WebServer server, Services services, List<AutoCloseable> adapters) implements AutoCloseable {

        @Override
        public void close() {
            log.info("Stopping: letting requests in flight and a running post finish");
            try {
                server.close();
            } finally {
                adapters.forEach(ServeCommand::closeQuietly);
                services.close();
            }
        }
    }
}
