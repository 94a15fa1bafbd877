package no.folkevalgt.app;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import no.folkevalgt.core.BackgroundUnansweredStore;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.dialogue.CachedDialogueMemory;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.Commands;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammeCommands;
import no.folkevalgt.core.programme.ProgrammePosts;
import no.folkevalgt.core.reflection.ReflectionCommands;
import no.folkevalgt.core.reflection.ReflectionExport;
import no.folkevalgt.core.reflection.ReflectionSummaries;
import no.folkevalgt.core.teaching.GapList;
import no.folkevalgt.core.teaching.Lessons;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcDeliveryLog;
import no.folkevalgt.storage.JdbcDialogueMemory;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.storage.JdbcLessonStore;
import no.folkevalgt.storage.JdbcReflectionStore;
import no.folkevalgt.storage.JdbcRetention;
import no.folkevalgt.storage.JdbcUnansweredStore;
import no.folkevalgt.storage.schedule.PostScheduler;
import no.folkevalgt.web.ReadinessCheck;
import no.folkevalgt.wordcloud.WordCloud;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole bot wired by hand: knowledge base, database, stores, programme, commands and, once the
 * front ends have said where posts go, the post scheduler. One place names the implementations;
 * everything else sees ports. Close it to stop the scheduler (a running post finishes) and release
 * the database.
 */
final class Services implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Services.class);

    final KnowledgeBase knowledgeBase;
    final Database database;
    final Programme programme;
    final Clock clock;
    final ReflectionStore reflections;
    final DeliveryLog deliveryLog;
    final FeedbackStore feedback;
    final BackgroundUnansweredStore unanswered;
    final ReflectionSummaries summaries;
    final ReflectionExport export;
    final Bot bot;
    /** What facilitators taught, shared by every instance through the database. */
    final Lessons lessons;
    final GapList gaps;
    private final ProgrammePosts composer;
    /* RETENTION_DAYS: how long members' answers, feedback and gap questions are kept; 0 keeps them. */
    private final int retentionDays;
    /* Volatile so that /readyz reads it without waiting for close(), which holds the lock while a post finishes. */
    private volatile PostScheduler scheduler;

    private Services(KnowledgeBase knowledgeBase, Database database, Programme programme, Clock clock,
                     ReflectionStore reflections, App app) {
        this.knowledgeBase = knowledgeBase;
        this.database = database;
        this.programme = programme;
        this.clock = clock;
        this.reflections = reflections;
        this.deliveryLog = new JdbcDeliveryLog(database);
        this.feedback = new JdbcFeedbackStore(database);
        /* Off the reply's path: a database that is slow or away must not hold up a declined question's answer. */
        this.unanswered = new BackgroundUnansweredStore(new JdbcUnansweredStore(database), 1_000);
        Supplier<Programme> current = () -> programme;
        WordCounter words = new WordCounter();
        WordCloud cloud = new WordCloud();
        this.summaries = new ReflectionSummaries(reflections, current, words::top, cloud);
        this.export = new ReflectionExport(reflections, current);
        List<Commands> groups = List.of(new ProgrammeCommands(current, clock),
                new ReflectionCommands(reflections, current, app.settings().facilitators(), clock, words::top, cloud));
        /* Per-user budgets on wall time, also in a demo whose programme clock runs faster; the terminal is exempt. */
        /* Follow-ups are read with the conversation's last question, kept in the database so that any instance has it. */
        /* What facilitators taught is read through a cache that trusts the database for two seconds. */
        this.lessons = new Lessons(new JdbcLessonStore(database), knowledgeBase, clock);
        this.gaps = new GapList(unanswered, feedback, lessons, knowledgeBase);
        this.bot = Bot.builder()
                .knowledgeBase(knowledgeBase)
                .commands(groups)
                .unanswered(unanswered)
                .clock(clock)
                .rateLimiter(RateLimiter.defaults(Clock.systemUTC()))
                .memory(new CachedDialogueMemory(new JdbcDialogueMemory(database)))
                .lessons(lessons)
                .build();
        this.composer = new ProgrammePosts(current, summaries, clock);
        this.retentionDays = app.settings().retentionDays();
    }

    /**
     * Opens the knowledge base, the database and the programme, and builds the bot.
     *
     * @param knowledge   wraps the knowledge base (metrics); identity when nothing wraps it
     * @param reflections wraps the reflection store (metrics); identity when nothing wraps it
     */
    static Services open(App app, boolean demo, UnaryOperator<KnowledgeBase> knowledge,
                         UnaryOperator<ReflectionStore> reflections) {
        Programme programme = app.programme(demo);
        Database database = app.openDatabase();
        try {
            KnowledgeBase kb = knowledge.apply(app.openKnowledgeBase());
            return new Services(kb, database, programme, app.clock(),
                    reflections.apply(new JdbcReflectionStore(database)), app);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static Services open(App app, boolean demo) {
        return open(app, demo, kb -> kb, store -> store);
    }

    /** Plans the programme's posts and starts posting them through {@code poster}. */
    synchronized void startPosting(ChannelPoster poster) {
        startPosting(poster, null);
    }

    /**
     * Plans the programme's posts and starts posting them through {@code poster}, and runs the daily
     * retention task ({@code RETENTION_DAYS}); the scheduler's meters go to {@code registry} unless it
     * is null.
     */
    synchronized void startPosting(ChannelPoster poster, MeterRegistry registry) {
        if (scheduler != null) {
            throw new IllegalStateException("posting has started already");
        }
        PostScheduler.Builder builder = PostScheduler.builder(database, poster, composer, deliveryLog)
                .clock(clock)
                .instanceName(instanceName())
                .retention(new JdbcRetention(database, Duration.ofDays(retentionDays)));
        if (registry != null) {
            builder.meterRegistry(registry);
        }
        scheduler = builder.build();
        PostScheduler.ScheduleResult planned = scheduler.schedule(PostPlanner.plan(programme));
        log.info("Programme planned: {}", planned);
        scheduler.start();
    }

    /**
     * Whether the post scheduler is alive, for {@code /readyz}: not ok before {@link #startPosting} and
     * after {@link #close()}, and when the scheduler has stopped polling for due posts.
     */
    ReadinessCheck schedulerReadiness() {
        PostScheduler current = scheduler;
        if (current == null) {
            return ReadinessCheck.failing("the post scheduler has not been started");
        }
        PostScheduler.Liveness liveness = current.liveness();
        return new ReadinessCheck(liveness.alive(), liveness.detail());
    }

    private static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    @Override
    public synchronized void close() {
        try {
            if (scheduler != null) {
                scheduler.close();
            }
        } finally {
            try {
                knowledgeBase.close();
            } finally {
                try {
                    unanswered.close();
                } finally {
                    database.close();
                }
            }
        }
    }
}
