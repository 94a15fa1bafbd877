package no.folkevalgt.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.webhook.WebhookResponse;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.Platforms;
import no.folkevalgt.core.port.PromptAnswers;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot in Slack, through one Bolt {@link App}: mentions are answered in their thread, direct
 * messages in the DM, {@code /folkevalgt} and {@code /refleksjon} privately, and 👍/👎 clicks are stored
 * as feedback. The "Svar" button under a posted reflection prompt opens a modal ({@link AnswerModal});
 * its submission is stored through {@link Bot#answerPrompt} and answered in the modal itself. Every
 * request is acknowledged at once; the bot's answer follows from an executor through
 * {@code response_url} or the Web API, so Slack's 3-second limit always holds (a submitted form is
 * answered in its acknowledgement, within {@link #FORM_DEADLINE}).
 *
 * <p>HTTP mode serves {@link #routes()} on the application's server; Socket Mode connects out when
 * {@code SLACK_APP_TOKEN} is set (see {@link #start()}).
 *
 * <pre>{@code
 * try (SlackAdapter slack = SlackAdapter.create(settings, bot, feedbackStore, Clock.systemUTC())) {
 *     WebServer server = WebServer.start("0.0.0.0", 8080, slack.routes());
 *     slack.start();
 *     scheduler.register(slack.poster());
 * }
 * }</pre>
 */
public final class SlackAdapter implements AutoCloseable {

    /** The platform name in {@link Incoming}, {@link Feedback} and {@code ChannelRef}s. */
    public static final String PLATFORM = Platforms.SLACK;

    /** Where Slack sends events, slash commands and button clicks in HTTP mode. */
    public static final String PATH = "/slack/events";

    static final String FOLKEVALGT = "/folkevalgt";
    static final String REFLEKSJON = "/refleksjon";
    static final String THANKS = "Takk for tilbakemeldingen!";
    static final String BUSY = "Jeg har mye å gjøre akkurat nå. Prøv igjen om litt.";
    static final String FEEDBACK_FAILED = "Beklager, jeg fikk ikke lagret tilbakemeldingen. Prøv igjen om litt.";
    static final String NOT_SHAREABLE = "Dette svaret kan ikke deles i kanalen.";
    /** A form answer the store did not confirm within {@link #FORM_DEADLINE}; sending again stores it once. */
    static final String SLOW_FORM = "Det tok for lang tid å lagre svaret. Trykk «Send svar» igjen: "
            + "svaret lagres bare én gang.";
    /**
     * How long a submitted "Svar" form waits for the store before the modal is answered anyway: Slack
     * gives 3 seconds for the whole round trip.
     */
    static final Duration FORM_DEADLINE = Duration.ofMillis(2500);

    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
    private static final Pattern FEEDBACK = Pattern.compile("feedback\\.(up|down)");

    private final SlackSettings settings;
    private final Bot bot;
    private final FeedbackStore feedback;
    private final Clock clock;
    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier verifier;
    private final MethodsClient client;
    private final SlackPoster poster;
    private final ThreadPoolExecutor executor;
    /**
     * How long event ids and trigger ids are remembered: longer than Slack's retries of an event (three,
     * within minutes) and than the {@link #SIGNATURE_WINDOW} in which a captured request could be replayed.
     */
    static final Duration KEEP_IDS = Duration.ofMinutes(30);
    /** How far a request's X-Slack-Request-Timestamp may be from this server's clock, either way. */
    static final Duration SIGNATURE_WINDOW = Duration.ofMinutes(5);

    private final SeenIds seen = new SeenIds(100_000, KEEP_IDS);
    /* Shared with other instances and kept over restarts; null: this instance's memory only. */
    private final RequestIds requestIds;
    /* The wall clock for request timestamps (the clock above may be fixed, for feedback records). */
    private final Clock wallClock;
    private final AtomicLong turnedAway = new AtomicLong();
    private SocketModeApp socketMode;

    private SlackAdapter(SlackSettings settings, Bot bot, FeedbackStore feedback, Clock clock, int threads,
                         Duration postInterval, RequestIds requestIds, Clock wallClock) {
        this.requestIds = requestIds;
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bot = Objects.requireNonNull(bot, "bot");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.clock = Objects.requireNonNull(clock, "clock");
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        slackConfig.setStatsEnabled(false);
        Slack slack = Slack.getInstance(slackConfig);
        this.client = slack.methods(settings.botToken());
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .requestVerificationEnabled(settings.signingSecret() != null)
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(Duration.ofMinutes(10).toMillis())
                /* Events the bot does not handle (edits, joins, app_home_opened) are acknowledged, not 404:
                   Slack retries unacknowledged events and turns off subscriptions that keep failing. */
                .allEventsApiAutoAckEnabled(true)
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
        this.app = new App(config);
        this.parser = new SlackRequestParser(config);
        this.verifier = settings.signingSecret() == null ? null
                : new SlackSignature.Verifier(new SlackSignature.Generator(settings.signingSecret()));
        this.poster = new SlackPoster(client, postInterval, settings.defaultChannel());
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000), runnable -> {
                    Thread thread = new Thread(runnable, "slack-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        register();
    }

    /**
     * An adapter for one workspace. Nothing connects until {@link #start()}; {@link #routes()} can be
     * served at once.
     *
     * @param feedbackStore where 👍/👎 clicks are kept
     * @param clock         time for the feedback records
     */
    public static SlackAdapter create(SlackSettings settings, Bot bot, FeedbackStore feedbackStore, Clock clock) {
        return create(settings, bot, feedbackStore, clock, (RequestIds) null);
    }

    /**
     * As {@link #create(SlackSettings, Bot, FeedbackStore, Clock)}, with the event ids and trigger ids
     * kept in {@code requestIds} (the database) for {@link #KEEP_IDS}, so that a retried or replayed
     * request is answered once by any number of instances and after a restart.
     *
     * @param requestIds null to remember them in this instance's memory only
     */
    public static SlackAdapter create(SlackSettings settings, Bot bot, FeedbackStore feedbackStore, Clock clock,
                                      RequestIds requestIds) {
        return new SlackAdapter(settings, bot, feedbackStore, clock, workers(), Duration.ofSeconds(1), requestIds,
                Clock.systemUTC());
    }

    /** As {@link #create}, with the per-channel posting interval set (tests make it short). */
    static SlackAdapter create(SlackSettings settings, Bot bot, FeedbackStore feedbackStore, Clock clock,
                               Duration postInterval) {
        return create(settings, bot, feedbackStore, clock, postInterval, null);
    }

    /** As {@link #create}, with the posting interval and the shared request ids set. */
    static SlackAdapter create(SlackSettings settings, Bot bot, FeedbackStore feedbackStore, Clock clock,
                               Duration postInterval, RequestIds requestIds) {
        return new SlackAdapter(settings, bot, feedbackStore, clock, workers(), postInterval, requestIds,
                Clock.systemUTC());
    }

    /*
     * An answer is a few milliseconds of search and then a wait for Slack (response_url or the Web API,
     * 100-300 ms over the internet), so the pool is sized for waiting, not for CPUs; the bounded queue
     * absorbs bursts. Override with -Dfolkevalgt.slack.workers=N.
     */
    private static int workers() {
        return Integer.getInteger("folkevalgt.slack.workers", 16);
    }

    /** The HTTP route Slack calls in HTTP mode: {@code POST /slack/events}. */
    public List<HttpRoute> routes() {
        return List.of(new HttpRoute("POST", PATH, this::serve));
    }

    /**
     * Posts programme messages to Slack channels ({@code ChannelRef} platform {@code slack});
     * {@code slack:default} stands for {@code SLACK_DEFAULT_CHANNEL}.
     */
    public ChannelPoster poster() {
        return poster;
    }

    /** {@code SLACK_DEFAULT_CHANNEL} as a channel reference, for programme posts that name no channel. */
    public Optional<ChannelRef> defaultChannel() {
        return Optional.ofNullable(settings.defaultChannel()).map(id -> new ChannelRef(PLATFORM, id));
    }

    /** The settings in use; secrets never show in its {@code toString}. */
    public SlackSettings settings() {
        return settings;
    }

    /**
     * Starts the Bolt app, and connects with Socket Mode when an app-level token is set. In HTTP mode
     * Slack reaches the bot through {@link #routes()}.
     *
     * @throws IOException when Socket Mode cannot connect
     */
    public synchronized void start() throws IOException {
        app.start();
        if (settings.socketMode() && socketMode == null) {
            try {
                socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
                socketMode.startAsync();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("Socket Mode could not connect to Slack: " + e.getMessage(), e);
            }
            log.info("Slack connected with Socket Mode");
        } else {
            log.info("Slack in HTTP mode at {}", PATH);
        }
    }

    /** Disconnects Socket Mode, stops the app and lets answers in flight finish (up to 10 s). */
    @Override
    public synchronized void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("Socket Mode did not close cleanly: {}", e.toString());
            }
            socketMode = null;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            app.stop();
        } catch (Exception e) {
            log.warn("Bolt app did not stop cleanly: {}", e.toString());
        }
    }

    // ---- HTTP: hand the raw request to Bolt, as Bolt's servlet adapter does ----

    HttpResponse serve(HttpRequest request) throws Exception {
        if (verifier == null) {
            return HttpResponse.text(404, "Slack er satt opp med Socket Mode; denne adressen brukes ikke.");
        }
        String body = new String(request.body(), StandardCharsets.UTF_8);
        /* Bolt's verifier refuses only timestamps more than 5 minutes in the past; one signed for the
           future (a request captured once and replayed for years) is refused here, as is an old one. */
        if (!withinWindow(request.header("X-Slack-Request-Timestamp").orElse(null))) {
            return HttpResponse.text(401, "Ugyldig signatur.");
        }
        /* The signature is checked before anything parses the body: an unsigned or garbled request is
           refused without touching Bolt's parser, so it can neither fail loudly nor fill the log. */
        if (!verifier.isValid(request.header("X-Slack-Request-Timestamp").orElse(null), body,
                request.header("X-Slack-Signature").orElse(null))) {
            return HttpResponse.text(401, "Ugyldig signatur.");
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.path())
                .queryString(request.query())
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(request.remoteAddress())
                .build());
        } catch (RuntimeException e) {
            log.warn("A signed Slack request could not be read: {}", e.toString());
            return HttpResponse.text(400, "Ukjent forespørsel fra Slack.");
        }
        if (slackRequest == null) {
            /* Signed (checked above), but not a payload Bolt knows. */
            return HttpResponse.text(400, "Ukjent forespørsel fra Slack.");
        }
        try {
            return toHttp(app.run(slackRequest));
        } catch (RuntimeException e) {
            log.warn("A signed Slack request could not be handled: {}", e.toString());
            return HttpResponse.text(400, "Ukjent forespørsel fra Slack.");
        }
    }

    /* The timestamp is whole seconds since the epoch, at most SIGNATURE_WINDOW from now either way. */
    private boolean withinWindow(String timestamp) {
        if (timestamp == null || timestamp.isBlank() || timestamp.length() > 18) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = wallClock.instant().getEpochSecond();
        return Math.abs(now - seconds) <= SIGNATURE_WINDOW.toSeconds();
    }

    private static HttpResponse toHttp(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> {
                if (values != null && !values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
        }
        if (response.getContentType() != null) {
            headers.put("Content-Type", response.getContentType());
        }
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        return new HttpResponse(status, headers, body);
    }

    // ---- Listeners ----

    private void register() {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
            return message(payload.getEventId(), payload.getTeamId(), event.getBotId(), event.getUser(),
                    event.getChannel(), thread, event.getText(), false, ctx);
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent event = payload.getEvent();
            if (!"im".equals(event.getChannelType())) {
                return ctx.ack();
            }
            return message(payload.getEventId(), payload.getTeamId(), event.getBotId(), event.getUser(),
                    event.getChannel(), event.getThreadTs(), event.getText(), true, ctx);
        });
        app.command(FOLKEVALGT, (req, ctx) -> command(req.getPayload(), ctx, false));
        app.command(REFLEKSJON, (req, ctx) -> command(req.getPayload(), ctx, true));
        app.blockAction(FEEDBACK, (req, ctx) -> {
            BlockActionPayload payload = req.getPayload();
            BlockActionPayload.Action action = payload.getActions().get(0);
            String value = action.getValue() == null ? "" : action.getValue();
            int newline = value.indexOf('\n');
            String passage = newline < 0 ? value : value.substring(0, newline);
            String question = newline < 0 ? "" : value.substring(newline + 1);
            Feedback click = new Feedback(PLATFORM, payload.getUser().getId(), question, passage,
                    ActionIds.isHelpful(action.getActionId()), clock.instant());
            submit(() -> {
                String answer = THANKS;
                try {
                    feedback.record(click);
                } catch (RuntimeException e) {
                    log.error("Could not store feedback", e);
                    answer = FEEDBACK_FAILED;
                }
                String text = answer;
                respond(ctx, r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
            });
            return ctx.ack();
        });
        app.blockAction(ActionIds.REFLECTION_ANSWER, (req, ctx) -> {
            BlockActionPayload payload = req.getPayload();
            String value = payload.getActions().get(0).getValue();
            String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
            String triggerId = payload.getTriggerId();
            /* The trigger id expires 3 s after the click: the form is opened first, before anything slow. */
            submit(() -> openAnswerForm(ctx, triggerId, value, channel));
            return ctx.ack();
        });
        app.viewSubmission(AnswerModal.CALLBACK_ID, (req, ctx) -> {
            ViewSubmissionPayload payload = req.getPayload();
            View view = payload.getView();
            /* Who answers is the user Slack says submitted the form; private_metadata only names the prompt. */
            String user = payload.getUser() == null ? null : payload.getUser().getId();
            Optional<AnswerModal.Metadata> metadata = AnswerModal.Metadata.parse(view == null ? null
                    : view.getPrivateMetadata());
            if (user == null || user.isBlank() || metadata.isEmpty() || view.getId() == null
                    || view.getId().isBlank()) {
                log.warn("A Slack answer form could not be read (metadata or view id missing or malformed)");
                return ctx.ackWithErrors(Map.of(AnswerModal.INPUT_BLOCK, AnswerModal.error(AnswerModal.UNREADABLE)));
            }
            int prompt = metadata.get().prompt();
            String team = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
            String channel = metadata.get().channel() == null ? user : metadata.get().channel();
            Incoming incoming = new Incoming(PLATFORM, workspace(team), user, channel, null,
                    AnswerModal.answer(view.getState()));
            PromptAnswers.Outcome outcome = answerWithin(incoming, prompt, view.getId());
            if (outcome.stored()) {
                return ctx.ackWithUpdate(AnswerModal.confirmation(prompt, outcome.reply()));
            }
            return ctx.ackWithErrors(Map.of(AnswerModal.INPUT_BLOCK, AnswerModal.error(outcome.reply())));
        });
        app.blockAction(BlockKit.SHARE, (req, ctx) -> {
            BlockActionPayload payload = req.getPayload();
            String question = payload.getActions().get(0).getValue();
            String user = payload.getUser().getId();
            String channel = payload.getChannel() == null ? user : payload.getChannel().getId();
            String team = payload.getTeam() == null ? null : payload.getTeam().getId();
            submit(() -> {
                Reply reply = bot.respond(new Incoming(PLATFORM, workspace(team), user, channel, null,
                        question == null ? "" : question), null).reply();
                if (reply.ephemeral()) {
                    respond(ctx, r -> r.responseType("ephemeral").replaceOriginal(false).text(NOT_SHAREABLE));
                    return;
                }
                BlockKit.Rendered shared = BlockKit.render(reply, new BlockKit.Options(question, false, user));
                respond(ctx, r -> r.responseType("in_channel").replaceOriginal(false).text(shared.text())
                        .blocks(shared.blocks()));
            });
            return ctx.ack();
        });
    }

    /*
     * Opens the "Svar" modal for the prompt the button names, or tells the member privately why not: the
     * value is not a prompt number, the programme no longer has that prompt, or Slack would not open it.
     * Those messages are mrkdwn, so "<svaret ditt>" is escaped.
     */
    private void openAnswerForm(ActionContext ctx, String triggerId, String value, String channel) {
        Optional<Integer> prompt = AnswerModal.promptNumber(value);
        if (prompt.isEmpty()) {
            respond(ctx, r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text(BlockKit.escape(AnswerModal.NOT_A_PROMPT)));
            return;
        }
        int number = prompt.get();
        Optional<String> title = bot.promptTitle(number);
        if (title.isEmpty()) {
            respond(ctx, r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text(BlockKit.escape(AnswerModal.noSuchPrompt(number))));
            return;
        }
        View form = AnswerModal.form(number, title.get(), channel);
        boolean opened;
        try {
            ViewsOpenResponse response = client.viewsOpen(r -> r.triggerId(triggerId).view(form));
            opened = response.isOk();
            if (!opened) {
                log.warn("Slack views.open failed: {}", response.getError());
            }
        } catch (Exception e) {
            log.warn("Slack views.open failed: {}", e.toString());
            opened = false;
        }
        if (!opened) {
            respond(ctx, r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text(BlockKit.escape(AnswerModal.notOpened(number))));
        }
    }

    /*
     * The answer from a submitted form, decided within Slack's 3 seconds: the modal's reply is the HTTP
     * response itself. When the store takes longer, the member is asked to send again; the view id makes
     * the second submission store nothing twice.
     */
    private PromptAnswers.Outcome answerWithin(Incoming incoming, int prompt, String viewId) {
        Future<PromptAnswers.Outcome> outcome;
        try {
            outcome = executor.submit(() -> bot.answerPrompt(incoming, prompt, viewId));
        } catch (RejectedExecutionException e) {
            turnedAway.incrementAndGet();
            return PromptAnswers.Outcome.notStored(BUSY);
        }
        try {
            return outcome.get(FORM_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("A Slack form answer to prompt {} took longer than {} ms", prompt, FORM_DEADLINE.toMillis());
            return PromptAnswers.Outcome.notStored(SLOW_FORM);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PromptAnswers.Outcome.notStored(SLOW_FORM);
        } catch (ExecutionException e) {
            log.error("A Slack form answer to prompt {} failed", prompt, e.getCause());
            return PromptAnswers.Outcome.notStored(SLOW_FORM);
        }
    }

    private Response command(com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload payload,
                             SlashCommandContext ctx, boolean reflection) {
        String key = commandKey(payload.getTriggerId());
        if (!seen.firstTime(key)) {
            return ctx.ack();
        }
        String typed = text(payload.getText());
        String text = reflection ? (REFLEKSJON + " " + typed).strip() : typed;
        Incoming incoming = new Incoming(PLATFORM, workspace(payload.getTeamId()), payload.getUserId(),
                payload.getChannelId(), null, text);
        boolean accepted = submit(() -> {
            if (!firstTimeShared(key)) {
                return;
            }
            Reply reply = bot.respond(incoming, payload.getTriggerId()).reply();
            /* A question's answer meant for a channel can be shared; command replies stay private. */
            boolean share = !reflection && !reply.ephemeral();
            BlockKit.Rendered rendered = BlockKit.render(reply, new BlockKit.Options(typed, share, null));
            try {
                WebhookResponse response = ctx.respond(r -> r.responseType("ephemeral").text(rendered.text())
                        .blocks(rendered.blocks()));
                if (response.getCode() != 200) {
                    log.warn("response_url answered HTTP {} for {}", response.getCode(), payload.getCommand());
                }
            } catch (IOException e) {
                log.warn("Could not answer {} through response_url: {}", payload.getCommand(), e.toString());
            }
            if (reply.image() != null) {
                uploadToDirectMessage(payload.getUserId(), reply.image());
            }
        });
        return accepted ? ctx.ack() : ctx.ack(BUSY);
    }

    private boolean duplicate(String eventId, Integer retryNum, String retryReason) {
        /* Slack timed out waiting for our acknowledgement: the first delivery is being answered (here or on
           another instance), so this retry is not. Other retries are answered unless this instance took it. */
        if (retryNum != null && retryNum > 0 && "http_timeout".equals(retryReason)) {
            log.debug("Skipping retry {} of event {} ({})", retryNum, eventId, retryReason);
            return true;
        }
        return !seen.firstTime(eventKey(eventId));
    }

    private static String eventKey(String eventId) {
        return eventId == null || eventId.isBlank() ? null : "event:" + eventId;
    }

    /* A command without a trigger id cannot be told from another: it is never taken for a repeat. */
    private static String commandKey(String triggerId) {
        return triggerId == null || triggerId.isBlank() ? null : "command:" + triggerId;
    }

    /*
     * Whether no other instance, and no earlier run of this one, has taken the id: asked of the database
     * on a worker, after Slack has its acknowledgement, so a slow database never makes Slack retry. When
     * the database cannot say, the request is answered (a rare second answer rather than none).
     */
    private boolean firstTimeShared(String key) {
        if (key == null || requestIds == null) {
            return true;
        }
        try {
            return requestIds.firstTime(PLATFORM, key, KEEP_IDS);
        } catch (RuntimeException e) {
            log.warn("Could not check a Slack request id against the database; answering it: {}", e.toString());
            return true;
        }
    }

    /* A mention in a channel or a direct message: acknowledged at once, answered once in the background. */
    private Response message(String eventId, String teamId, String botId, String user,
            String channel, String thread, String text, boolean direct, EventContext ctx) {
        if (botId != null || user == null || duplicate(eventId, ctx.getRetryNum(), ctx.getRetryReason())) {
            return ctx.ack();
        }
        Incoming incoming = new Incoming(PLATFORM, workspace(teamId), user, channel, thread, text(text));
        submit(() -> {
            if (firstTimeShared(eventKey(eventId))) {
                answerInConversation(incoming, eventId, thread, direct);
            }
        });
        return ctx.ack();
    }

    private void answerInConversation(Incoming incoming, String eventId, String thread, boolean direct) {
        Reply reply = bot.respond(incoming, eventId).reply();
        BlockKit.Rendered rendered = BlockKit.render(reply, new BlockKit.Options(incoming.text(), false, null));
        String channel = incoming.channel();
        if (reply.ephemeral() && !direct) {
            call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channel).user(incoming.user())
                    .threadTs(thread).text(rendered.text()).blocks(rendered.blocks())));
            if (reply.image() != null) {
                uploadToDirectMessage(incoming.user(), reply.image());
            }
            return;
        }
        call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).threadTs(thread)
                .text(rendered.text()).blocks(rendered.blocks()).unfurlLinks(false).unfurlMedia(false)));
        if (reply.image() != null) {
            Reply.Image image = reply.image();
            call("files.uploadV2", () -> client.filesUploadV2(r -> r.channel(channel).threadTs(thread)
                    .fileData(image.bytes()).filename(SlackPoster.filename(image)).title(image.altText())
                    .altTxt(image.altText())));
        }
    }

    /* Slack has no private file upload: a private reply's image goes to the user's DM with the bot. */
    private void uploadToDirectMessage(String user, Reply.Image image) {
        call("conversations.open + files.uploadV2", () -> {
            var opened = client.conversationsOpen(r -> r.users(List.of(user)));
            if (!opened.isOk()) {
                return opened;
            }
            String dm = opened.getChannel().getId();
            return client.filesUploadV2(r -> r.channel(dm).fileData(image.bytes())
                    .filename(SlackPoster.filename(image)).title(image.altText()).altTxt(image.altText())
                    );
        });
    }

    @FunctionalInterface
    private interface WebApiCall {
        SlackApiTextResponse call() throws Exception;
    }

    private static void call(String method, WebApiCall call) {
        try {
            SlackApiTextResponse response = call.call();
            if (response != null && !response.isOk()) {
                log.warn("Slack {} failed: {}", method, response.getError());
            }
        } catch (Exception e) {
            log.warn("Slack {} failed: {}", method, e.toString());
        }
    }

    private static void respond(ActionContext ctx,
                                com.slack.api.bolt.util.BuilderConfigurator<
                                        com.slack.api.app_backend.interactive_components.response.ActionResponse
                                                .ActionResponseBuilder> response) {
        try {
            WebhookResponse sent = ctx.respond(response);
            if (sent.getCode() != 200) {
                log.warn("response_url answered HTTP {}", sent.getCode());
            }
        } catch (IOException e) {
            log.warn("Could not answer a button click through response_url: {}", e.toString());
        }
    }

    /** Runs work after the acknowledgement; false when the queue is full. */
    private boolean submit(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Answering a Slack request failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            long count = turnedAway.incrementAndGet();
            if (count % 100 == 1) {
                log.warn("Slack work queue is full; {} requests turned away so far", count);
            }
            return false;
        }
    }

    private static String workspace(String team) {
        return team == null || team.isBlank() ? PLATFORM : team;
    }

    /**
     * A message's text as the user meant it: mentions of people and {@code <!channel>}-style mentions
     * removed (they address people, not the question), channel references and link labels kept as text,
     * and Slack's escaping of {@code & < >} undone. What remains is plain text; rendering escapes it again.
     */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        Matcher token = TOKEN.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String inside = token.group(1);
            int bar = inside.indexOf('|');
            String replacement;
            if (inside.startsWith("@") || inside.startsWith("!")) {
                replacement = "";
            } else if (bar >= 0) {
                replacement = inside.substring(bar + 1);
            } else if (inside.startsWith("#")) {
                replacement = inside;
            } else {
                replacement = inside;
            }
            token.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        token.appendTail(out);
        return BlockKit.unescape(SPACES.matcher(out).replaceAll(" ")).strip();
    }
}
