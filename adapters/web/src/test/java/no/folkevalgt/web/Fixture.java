package no.folkevalgt.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.dialogue.CachedDialogueMemory;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammeCommands;
import no.folkevalgt.core.programme.Prompt;
import no.folkevalgt.core.programme.Session;
import no.folkevalgt.core.programme.SessionKind;
import no.folkevalgt.core.reflection.ReflectionCommands;
import no.folkevalgt.core.reflection.ReflectionExport;
import no.folkevalgt.core.reflection.ReflectionSummaries;
import no.folkevalgt.core.teaching.Lessons;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.knowledge.LuceneKnowledgeBase;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcDeliveryLog;
import no.folkevalgt.storage.JdbcDialogueMemory;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.storage.JdbcLessonStore;
import no.folkevalgt.storage.JdbcReflectionStore;
import no.folkevalgt.storage.JdbcUnansweredStore;
import no.folkevalgt.wordcloud.WordCloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The web adapter on real parts: Lucene on the bundled deck (copied to a temporary folder), H2 in
 * memory with the JDBC stores (what facilitators teach too, the bot using it), a programme built around the current time so that a session and
 * prompt 1 (anonymous) are open now; prompt 2 (not anonymous) opened earlier and has closed.
 */
final class Fixture implements AutoCloseable {

    static final String TOKEN = "hemmelig-kode-123";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final ChannelRef PROGRAMMET = new ChannelRef("local", "programmet");

    final Clock clock = Clock.systemUTC();
    final Programme programme;
    final Database database;
    final JdbcDeliveryLog deliveryLog;
    final JdbcFeedbackStore feedback;
    final JdbcUnansweredStore unanswered;
    final ReflectionStore reflections;
    /** The bot's knowledge base, counting the questions searched (as the app's metering does). */
    final CountingKnowledgeBase knowledgeBase;
    /** What the web adapter is given, as the app gives it: the same index, not counted (a facilitator's search). */
    final KnowledgeBase unmetered;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final ReflectionSummaries summaries;
    final ReflectionExport export;
    final Lessons lessons;
    final Bot bot;
    final WebAdapter web;
    WebServer server;

    Fixture(Path temp, String token) throws IOException {
        this(temp, token, UnaryOperator.identity());
    }

    /** @param material wraps the Lucene knowledge base (inside the counting), e.g. to make it unsure */
    Fixture(Path temp, String token, UnaryOperator<KnowledgeBase> material) throws IOException {
        this(temp, token, material, Database.open("jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null),
                true);
    }

    /**
     * On a database of the caller's (such as a PostgreSQL that two fixtures share, as two instances of
     * the bot share one), which this fixture closes; {@code deliveries}: record the due posts as sent.
     */
    Fixture(Path temp, String token, Database database, boolean deliveries) throws IOException {
        this(temp, token, UnaryOperator.identity(), database, deliveries);
    }

    private Fixture(Path temp, String token, UnaryOperator<KnowledgeBase> material, Database database, boolean deliveries)
            throws IOException {
        programme = programme(clock.instant());
        Supplier<Programme> current = () -> programme;
        this.database = database;
        deliveryLog = new JdbcDeliveryLog(database);
        feedback = new JdbcFeedbackStore(database);
        unanswered = new JdbcUnansweredStore(database);
        reflections = new JdbcReflectionStore(database);
        Path content = Files.createDirectories(temp.resolve("content"));
        Files.copy(bundledDeck(), content.resolve("ks-folkevalgtprogram-rakkestad-2019.txt"));
        Path bank = bundledDeck().resolveSibling("ks-folkevalgtprogram-rakkestad-2019.sporsmal.txt");
        Files.copy(bank, content.resolve(bank.getFileName().toString()));
        Path title = bundledDeck().resolveSibling("ks-folkevalgtprogram-rakkestad-2019.tittel.txt");
        Files.copy(title, content.resolve(title.getFileName().toString()));
        unmetered = material.apply(LuceneKnowledgeBase.open(content, temp.resolve("index")));
        knowledgeBase = new CountingKnowledgeBase(unmetered);
        WordCounter words = new WordCounter();
        WordCloud cloud = new WordCloud();
        summaries = new ReflectionSummaries(reflections, current, words::top, cloud);
        export = new ReflectionExport(reflections, current);
        lessons = new Lessons(new JdbcLessonStore(database), knowledgeBase, clock);
        bot = Bot.builder()
                .knowledgeBase(knowledgeBase)
                .commands(List.of(new ProgrammeCommands(current, clock),
                        new ReflectionCommands(reflections, current, Facilitators.none(), clock, words::top, cloud)))
                .unanswered(unanswered)
                .clock(clock)
                .memory(new CachedDialogueMemory(new JdbcDialogueMemory(database)))
                .lessons(lessons)
                .build();
        /* Tests here send many messages from one session and 127.0.0.1: no budgets (AddressLimitTest and WebSessionsTest have them). */
        web = webBuilder().addressLimiter(RateLimiter.unlimited()).sessionLimiter(RateLimiter.unlimited())
                .facilitatorToken(token).loopbackOnly(token == null).build();
        if (deliveries) {
            recordDeliveries();
        }
    }

    /** A web adapter builder on this fixture's parts, for tests that need one set up differently. */
    WebAdapter.Builder webBuilder() {
        return WebAdapter.builder().bot(bot).programme(() -> programme).deliveryLog(deliveryLog).reflections(reflections)
                .summaries(summaries).export(export).unanswered(unanswered).feedback(feedback)
                .knowledgeBase(unmetered).lessons(lessons).databaseCheck(database::ping).meterRegistry(registry).clock(clock);
    }

    /** The questions the bot searched so far. */
    int questionsSearched() {
        return knowledgeBase.questions.get();
    }

    /** Counts the questions asked of a knowledge base and passes everything through. */
    static final class CountingKnowledgeBase implements KnowledgeBase {
        final KnowledgeBase delegate;
        final java.util.concurrent.atomic.AtomicInteger questions = new java.util.concurrent.atomic.AtomicInteger();

        CountingKnowledgeBase(KnowledgeBase delegate) {
            this.delegate = delegate;
        }

        @Override
        public no.folkevalgt.core.port.Answer ask(String question, int top) {
            questions.incrementAndGet();
            return delegate.ask(question, top);
        }

        @Override
        public no.folkevalgt.core.port.Answer ask(String question, String focus, int top) {
            questions.incrementAndGet();
            return delegate.ask(question, focus, top);
        }

        @Override
        public int closest(String question, List<String> known) {
            return delegate.closest(question, known);
        }

        @Override
        public no.folkevalgt.core.port.Answer answerFrom(String question, String passageId, int top) {
            return delegate.answerFrom(question, passageId, top);
        }

        @Override
        public List<no.folkevalgt.core.port.Passage> passages() {
            return delegate.passages();
        }

        @Override
        public List<String> topics() {
            return delegate.topics();
        }

        @Override
        public void watch(java.time.Duration interval) {
            delegate.watch(interval);
        }

        @Override
        public Stats stats() {
            return delegate.stats();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    Fixture start(String host) {
        server = WebServer.start(host, 0, web.routes());
        return this;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private String session;

    /** A session this fixture's server issued ({@code fv_okt=...}, for a Cookie header), the same on every call. */
    synchronized String session() {
        if (session == null) {
            session = newSession(base());
        }
        return session;
    }

    private static final java.util.Map<String, String> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One session per server at {@code base}, issued by it on the first call: one browser per server. */
    static String sessionFor(String base) {
        return SESSIONS.computeIfAbsent(base, Fixture::newSession);
    }

    /** A new session from the server at {@code base}: what a browser gets when it loads the page. */
    static String newSession(String base) {
        try {
            java.net.http.HttpResponse<Void> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            String cookie = page.headers().firstValue("Set-Cookie")
                    .orElseThrow(() -> new IllegalStateException("GET / set no session cookie"));
            return cookie.substring(0, cookie.indexOf(';'));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /* The posts that were due have gone out: the first as SENT, the next LATE, one FAILED. */
    private void recordDeliveries() {
        List<PlannedPost> due = PostPlanner.plan(programme).stream()
                .filter(p -> !p.at().isAfter(clock.instant())).toList();
        DeliveryStatus[] statuses = {DeliveryStatus.SENT, DeliveryStatus.LATE, DeliveryStatus.FAILED};
        for (int i = 0; i < due.size(); i++) {
            PlannedPost p = due.get(i);
            deliveryLog.record(new DeliveryAttempt(p.id(), p.channel(), 1, p.at(), statuses[i % statuses.length],
                    "", "test"));
        }
    }

    /** A day around {@code now}: a session going on, then a break, then the next session. */
    static Programme programme(Instant now) {
        ZonedDateTime t = now.atZone(OSLO).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime dayStart = t.minusHours(2);
        List<Session> sessions = List.of(
                new Session(1, "Hvorfor engasjerte jeg meg i lokalpolitikken?", SessionKind.SESSION, dayStart, t.minusMinutes(30)),
                new Session(1, "Hva innebærer det å være folkevalgt?", SessionKind.SESSION, t.minusMinutes(30), t.plusMinutes(30)),
                new Session(1, "Pause", SessionKind.BREAK, t.plusMinutes(30), t.plusMinutes(45)),
                new Session(1, "Samspillet med administrasjonen", SessionKind.SESSION, t.plusMinutes(45), t.plusMinutes(120)),
                new Session(1, "Middag", SessionKind.DINNER, t.plusMinutes(150), t.plusMinutes(240)));
        List<Prompt> prompts = List.of(
                new Prompt(1, "Hva er viktigst i samspillet med administrasjonen?",
                        "Hva er viktigst i samspillet med administrasjonen? Skriv inntil fem ord.",
                        t.minusMinutes(10), t.plusMinutes(40), true, 5),
                new Prompt(2, "Hvorfor engasjerte du deg?", "Hvorfor engasjerte du deg i lokalpolitikken?",
                        dayStart.plusMinutes(10), dayStart.plusMinutes(40), false, 0));
        return new Programme("KS Folkevalgtprogram", "Rakkestad kommune", OSLO, sessions, prompts,
                List.of(PROGRAMMET), Duration.ofMinutes(10));
    }

    static Path bundledDeck() {
        for (Path p : List.of(Path.of("../../content/ks-folkevalgtprogram-rakkestad-2019.txt"),
                Path.of("content/ks-folkevalgtprogram-rakkestad-2019.txt"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("the bundled deck content/ks-folkevalgtprogram-rakkestad-2019.txt was not found from "
                + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        knowledgeBase.close();
        database.close();
    }
}
