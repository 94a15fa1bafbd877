package no.folkevalgt.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.Commands;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammeCommands;
import no.folkevalgt.core.programme.ProgrammePosts;
import no.folkevalgt.core.reflection.ReflectionCommands;
import no.folkevalgt.core.reflection.ReflectionStore;
import no.folkevalgt.core.reflection.ReflectionSummaries;
import no.folkevalgt.core.reflection.WordCloud;
import no.folkevalgt.knowledge.KnowledgeBase;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcDeliveryLog;
import no.folkevalgt.storage.JdbcReflectionStore;
import no.folkevalgt.storage.JdbcUnansweredStore;
import no.folkevalgt.storage.schedule.PostScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole bot wired by hand: knowledge base, database, programme, commands and the post scheduler.
 * One place names the implementations; everything else sees ports. Close it to stop the scheduler
 * (letting a running post finish) and release the database.
 */
final class Services implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Services.class);

    final KnowledgeBase knowledgeBase;
    final Database database;
    final Programme programme;
    final ReflectionStore reflections;
    final Bot bot;
    private final PostScheduler scheduler;

    private Services(KnowledgeBase knowledgeBase, Database database, Programme programme, ReflectionStore reflections,
                     Bot bot, PostScheduler scheduler) {
        this.knowledgeBase = knowledgeBase;
        this.database = database;
        this.programme = programme;
        this.reflections = reflections;
        this.bot = bot;
        this.scheduler = scheduler;
    }

    /**
     * Opens everything and starts posting the programme.
     *
     * @param posts where scheduled posts go (the terminal chat, later Slack and Teams)
     */
    static Services start(App app, boolean demo, java.util.function.Function<Object, no.folkevalgt.core.ChannelPoster> posts,
                          Object printLock) {
        Programme programme = app.programme(demo);
        Database database = app.openDatabase();
        KnowledgeBase kb = null;
        try {
            kb = app.openKnowledgeBase();
            Clock clock = app.clock();
            Supplier<Programme> current = () -> programme;
            ReflectionStore reflections = new JdbcReflectionStore(database);
            WordCounter words = new WordCounter();
            WordCloud cloud = new WordCloud();
            List<Commands> groups = List.of(new ProgrammeCommands(current, clock),
                    new ReflectionCommands(reflections, current, app.settings().facilitators(), clock, words::top, cloud));
            Bot bot = new Bot(kb, 3, Bot.DEFAULT_EXAMPLES, groups, new JdbcUnansweredStore(database), clock);
            ProgrammePosts composer = new ProgrammePosts(current,
                    new ReflectionSummaries(reflections, current, words::top, cloud), clock);
            PostScheduler scheduler = PostScheduler.builder(database, posts.apply(printLock), composer,
                            new JdbcDeliveryLog(database))
                    .clock(clock)
                    .instanceName(instanceName())
                    .build();
            PostScheduler.ScheduleResult planned = scheduler.schedule(PostPlanner.plan(programme));
            log.info("Programme planned: {}", planned);
            scheduler.start();
            return new Services(kb, database, programme, reflections, bot, scheduler);
        } catch (RuntimeException e) {
            if (kb != null) {
                kb.close();
            }
            database.close();
            throw e;
        }
    }

    /** The local poster for the terminal chat. */
    static java.util.function.Function<Object, no.folkevalgt.core.ChannelPoster> terminal(PrintStream out) {
        return lock -> new LocalPoster(out, lock);
    }

    private static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    @Override
    public void close() {
        try {
            scheduler.close();
        } finally {
            try {
                knowledgeBase.close();
            } finally {
                database.close();
            }
        }
    }
}
