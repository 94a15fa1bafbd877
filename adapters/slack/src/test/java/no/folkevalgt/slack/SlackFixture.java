package no.folkevalgt.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.dialogue.InMemoryDialogueMemory;
import no.folkevalgt.core.port.Commands;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.RequestIds;
import no.folkevalgt.core.programme.ProgrammeCommands;
import no.folkevalgt.core.programme.ProgrammeLoader;
import no.folkevalgt.core.teaching.InMemoryLessonStore;
import no.folkevalgt.core.teaching.Lessons;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.knowledge.LuceneKnowledgeBase;
import no.folkevalgt.testsupport.FakeSlackApi;

/**
 * The real parts wired as the app wires them: a Lucene knowledge base on a small deck, the bot with
 * the programme commands, the Slack adapter behind the real HTTP server, and Slack's Web API faked on
 * loopback.
 */
final class SlackFixture implements AutoCloseable {

    static final String DECK = String.join("\f",
            "Interpellasjon\nEn interpellasjon er et spørsmål til ordføreren om en sak av prinsipiell betydning. "
                    + "Den må meldes skriftlig før møtet.",
            "Delegering\nDelegering betyr at kommunestyret gir myndighet til å avgjøre saker videre, for eksempel "
                    + "til formannskapet eller kommunedirektøren.",
            "Saklista\nOrdføreren setter opp saklista til kommunestyret. Et medlem kan be om å få en sak på saklista.");
    /** The title the three-slide deck is cited by (its title file, deck.tittel.txt). */
    static final String MATERIAL = "Folkevalgtopplæring 2023";

    final Clock clock = Clock.fixed(Instant.parse("2019-11-05T08:30:00Z"), ZoneId.of("Europe/Oslo"));
    final MemoryFeedback feedback = new MemoryFeedback();
    final RecordingReflections reflections = new RecordingReflections();
    final FakeSlackApi api;
    final LuceneKnowledgeBase kb;
    /** What facilitators taught, in memory; empty unless a test teaches something (then the bot uses it). */
    final InMemoryLessonStore taught = new InMemoryLessonStore();
    final Lessons lessons;
    final Bot bot;
    final SlackAdapter adapter;
    final WebServer server;
    final SlackRequests slack;

    SlackFixture(Path dir) throws IOException {
        this(dir, (Path) null);
    }

    /** @param deck a deck to index instead of the three-slide one (the load harness uses the real one) */
    SlackFixture(Path dir, Path deck) throws IOException {
        this(dir, deck, UnaryOperator.identity());
    }

    /** @param material wraps the Lucene knowledge base the bot asks, e.g. to make it unsure */
    SlackFixture(Path dir, Path deck, UnaryOperator<KnowledgeBase> material) throws IOException {
        this(dir, deck, material, null);
    }

    /** @param requestIds where the adapter keeps event and trigger ids (a database), or null for memory only */
    SlackFixture(Path dir, RequestIds requestIds) throws IOException {
        this(dir, null, UnaryOperator.identity(), requestIds);
    }

    private SlackFixture(Path dir, Path deck, UnaryOperator<KnowledgeBase> material, RequestIds requestIds)
            throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        if (deck == null) {
            Files.writeString(content.resolve("deck.txt"), DECK, StandardCharsets.UTF_8);
            Files.writeString(content.resolve("deck.tittel.txt"), MATERIAL + "\n", StandardCharsets.UTF_8);
        } else {
            Files.copy(deck, content.resolve(deck.getFileName()));
        }
        kb = LuceneKnowledgeBase.open(content, dir.resolve("index"));
        lessons = new Lessons(taught, kb, clock);
        bot = Bot.builder()
                .knowledgeBase(material.apply(kb))
                .commands(List.of(new ProgrammeCommands(ProgrammeLoader.loadBundled(), clock), reflections))
                .clock(clock)
                .memory(new InMemoryDialogueMemory())
                .lessons(lessons)
                .build();
        api = new FakeSlackApi();
        SlackSettings settings = new SlackSettings("xoxb-1234-5678-test", SlackRequests.SECRET, null, api.apiUrl(),
                "C0PROG");
        adapter = SlackAdapter.create(settings, bot, feedback, clock, Duration.ofMillis(100), requestIds);
        server = WebServer.start("127.0.0.1", 0, adapter.routes());
        slack = new SlackRequests("http://127.0.0.1:" + server.port() + SlackAdapter.PATH, SlackRequests.SECRET);
    }

    @Override
    public void close() {
        reflections.slow.countDown();
        server.close();
        adapter.close();
        api.close();
        kb.close();
    }

    /** Feedback kept in memory; a user's second click on the same answer replaces the first. */
    static final class MemoryFeedback implements FeedbackStore {
        private final List<Feedback> all = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void record(Feedback feedback) {
            all.removeIf(f -> f.user().equals(feedback.user()) && f.passageId().equals(feedback.passageId())
                    && f.question().equals(feedback.question()));
            all.add(feedback);
        }

        @Override
        public List<Feedback> all() {
            List<Feedback> newest = new ArrayList<>(all);
            newest.sort(Comparator.comparing(Feedback::at).reversed());
            return newest;
        }
    }

    /**
     * Stands in for the reflection commands: keeps each answer once per request id, as the real store does;
     * "/refleksjon mine" lists them.
     */
    static final class RecordingReflections implements Commands {
        final Set<String> requestIds = ConcurrentHashMap.newKeySet();
        final List<String> answers = new CopyOnWriteArrayList<>();
        /* "/refleksjon treg" waits for this: a bot that is slower than Slack's 3 seconds. */
        final java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);

        @Override
        public Optional<Reply> handle(Incoming incoming, String text) {
            return handle(incoming, text, null);
        }

        @Override
        public Optional<Reply> handle(Incoming incoming, String text, String requestId) {
            if (!text.toLowerCase(java.util.Locale.ROOT).startsWith("/refleksjon")) {
                return Optional.empty();
            }
            String answer = text.substring("/refleksjon".length()).strip();
            if (answer.equals("oppsummering")) {
                return Optional.of(Reply.builder().text("Oppgave 1: 3 svar. Mest brukt: samarbeid.")
                        .image(new Reply.Image("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "Ordsky"))
                        .ephemeral(true).build());
            }
            if (answer.equals("mine")) {
                return Optional.of(Reply.privateText(answers.stream().map(a -> "«" + a + "»").toArray(String[]::new)));
            }
            if (answer.equals("treg")) {
                try {
                    slow.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(Reply.privateText("Endelig ferdig."));
            }
            if (answer.isEmpty()) {
                return Optional.of(Reply.privateText("Skriv svaret etter /refleksjon."));
            }
            if (requestId == null || requestIds.add(requestId)) {
                answers.add(answer);
            }
            /* As the real confirmation: it never quotes the answer (/refleksjon mine shows it). */
            return Optional.of(Reply.privateText("Takk! Svaret ditt er lagret anonymt."));
        }

        @Override
        public List<String> help() {
            return List.of("/refleksjon <svar> – svar på refleksjonsoppgaven");
        }
    }
}
