package no.folkevalgt.core.teaching;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.LessonStore;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.text.Questions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What facilitators taught the bot, as the bot and the facilitator's tools use it: which lesson a
 * question is like ({@link #match}), and teaching, undoing, exporting and importing lessons with the
 * checks and limits a facilitator's writes get. The lessons are read from the {@link LessonStore}
 * through a cache refreshed in the background once it is older than {@link #FRESHNESS}: a lesson taught
 * on one instance is used on every other within that time and one question (the question that finds the
 * list old is answered from it while the new one is read), and on this one at once. No question waits
 * on the store, so a database that is away costs the newest lessons, never the answer's speed.
 *
 * <pre>{@code
 * Lessons lessons = new Lessons(new JdbcLessonStore(database), knowledgeBase, clock);
 * lessons.link("Hvem bestemmer lønna til rådmannen?", 49, null);
 * lessons.match("hvem bestemmer lønna til kommunedirektøren")   // the lesson above
 * }</pre>
 */
public final class Lessons {

    /** How long the lessons read from the store are trusted before it is asked again. */
    public static final Duration FRESHNESS = Duration.ofSeconds(2);
    /** Most lessons kept in all. */
    public static final int MAX_LESSONS = 1_000;
    /** Most writes (teach, undo, import) in {@link #WRITE_WINDOW}, for all facilitators on this instance. */
    public static final int MAX_WRITES = 30;
    public static final Duration WRITE_WINDOW = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Lessons.class);

    /*
     * One daemon thread reads the store for every instance of this class: a read that waits on a database
     * that is away (5 s) must not hold a thread of the common pool, which the Bot Framework SDK's
     * futures run on.
     */
    private static final Executor REFRESHER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "lessons-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private final LessonStore store;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock;
    private final LoadingCache<Boolean, Snapshot> cache;
    private volatile Snapshot lastRead = Snapshot.of(List.of());
    private final Deque<Instant> writes = new ArrayDeque<>();

    public Lessons(LessonStore store, KnowledgeBase knowledgeBase, Clock clock) {
        this(store, knowledgeBase, clock, FRESHNESS, Ticker.systemTicker(), REFRESHER);
    }

    Lessons(LessonStore store, KnowledgeBase knowledgeBase, Clock clock, Duration freshness, Ticker ticker,
            Executor refresher) {
        this.store = Objects.requireNonNull(store, "store");
        this.knowledgeBase = Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = Caffeine.newBuilder().refreshAfterWrite(freshness).ticker(ticker).executor(refresher)
                .build(k -> read());
    }

    /* A store that is away (the database) costs the newest lessons, never the answer: the last read stands. */
    private Snapshot read() {
        try {
            Snapshot read = Snapshot.of(store.all());
            lastRead = read;
            return read;
        } catch (RuntimeException e) {
            log.warn("Could not read the taught lessons; using the {} read before: {}", lastRead.lessons().size(), e.toString());
            return lastRead;
        }
    }

    /*
     * The lessons as read, with their questions newest first: the same list object until the next read,
     * so that the knowledge base analyses the taught questions once per change, not once per question.
     */
    private record Snapshot(List<Lesson> lessons, List<String> newestFirst) {
        static Snapshot of(List<Lesson> lessons) {
            List<Lesson> all = List.copyOf(lessons);
            List<String> questions = new ArrayList<>(all.size());
            for (int i = all.size() - 1; i >= 0; i--) {
                questions.add(all.get(i).question());
            }
            return new Snapshot(all, List.copyOf(questions));
        }
    }

    /** Every lesson, oldest first, as last read (see the class comment for how fresh). */
    public List<Lesson> all() {
        return cache.get(Boolean.TRUE).lessons();
    }

    /**
     * The lesson for a question like this one: the same question, or one a member would mean the same
     * by ({@link KnowledgeBase#closest}); the newest when several are alike.
     */
    public Optional<Lesson> match(String question) {
        Snapshot now = cache.get(Boolean.TRUE);
        List<Lesson> all = now.lessons();
        if (all.isEmpty() || question == null || !Questions.hasWords(Questions.clean(question))) {
            return Optional.empty();
        }
        int found = knowledgeBase.closest(question, now.newestFirst());
        return found < 0 ? Optional.empty() : Optional.of(all.get(all.size() - 1 - found));
    }

    /**
     * Teaches that slide {@code slide} answers the question (and questions like it).
     *
     * @param source the slide file, or null when the material has only one with that slide number
     * @throws LessonRefused with the reason in Norwegian; nothing is changed then
     */
    public Lesson link(String question, int slide, String source) {
        Passage passage = passage(slide, source);
        return save(Lesson.link(checkedQuestion(question), passage.id(), clock.instant()));
    }

    /** Teaches that this passage (by id, {@code source#slide}) answers the question. */
    public Lesson link(String question, String passageId) {
        Passage passage = answering(knowledgeBase.passages().stream().filter(p -> p.id().equals(passageId)).findFirst()
                .orElseThrow(() -> new LessonRefused("Fant ikke lysbildet «" + passageId + "» i materialet.")));
        return save(Lesson.link(checkedQuestion(question), passage.id(), clock.instant()));
    }

    /**
     * Teaches that the material does not answer the question; {@code reply} (null or blank for none)
     * is what the bot says instead.
     */
    public Lesson notInMaterial(String question, String reply) {
        String text = reply == null ? "" : Questions.clean(reply);
        if (text.length() > Lesson.MAX_REPLY) {
            throw new LessonRefused("Svaret er for langt (" + text.length() + " tegn). Skriv det kortere, med høyst "
                    + Lesson.MAX_REPLY + " tegn.");
        }
        return save(Lesson.notInMaterial(checkedQuestion(question), text, clock.instant()));
    }

    /**
     * Undoes what was taught about this question.
     *
     * @return the lesson undone, or empty when none was taught for exactly this question
     */
    public Optional<Lesson> undo(String question) {
        String q = Questions.clean(question == null ? "" : question);
        if (q.isEmpty()) {
            throw new LessonRefused("Skriv spørsmålet som skal glemmes.");
        }
        spendWrite();
        Lesson removed = store.remove(q);
        cache.invalidateAll();
        return Optional.ofNullable(removed);
    }

    /** The lessons in the question bank's file format (see {@link LessonBank}). */
    public String export() {
        return LessonBank.write(all(), knowledgeBase.passages(), clock.instant());
    }

    /**
     * Reads lessons from a file in the question bank's format, all or none: a mistake anywhere refuses
     * the whole file (by line), so that nothing is half imported.
     *
     * @return the number of lessons kept (new or replacing one for the same question)
     */
    public int importBank(String text) {
        List<Lesson> read = LessonBank.read(text, knowledgeBase.passages(), clock.instant());
        long added = read.stream().map(Lesson::key).distinct()
                .filter(key -> all().stream().noneMatch(l -> l.key().equals(key))).count();
        if (all().size() + added > MAX_LESSONS) {
            throw new LessonRefused("Filen ville gitt mer enn " + MAX_LESSONS + " innlærte spørsmål; ingenting er lest inn.");
        }
        spendWrite();
        for (Lesson lesson : read) {
            store.save(lesson);
        }
        cache.invalidateAll();
        return read.size();
    }

    private Lesson save(Lesson lesson) {
        boolean replaces = all().stream().anyMatch(l -> l.key().equals(lesson.key()));
        if (!replaces && all().size() >= MAX_LESSONS) {
            throw new LessonRefused("Det er lært inn " + MAX_LESSONS + " spørsmål allerede, som er det meste. "
                    + "Angre noen før du lærer inn flere.");
        }
        spendWrite();
        store.save(lesson);
        cache.invalidateAll();
        return lesson;
    }

    private static String checkedQuestion(String question) {
        String q = Questions.clean(question == null ? "" : question);
        if (q.isEmpty() || !Questions.hasWords(q)) {
            throw new LessonRefused("Skriv spørsmålet med ord.");
        }
        if (q.length() > Lesson.MAX_QUESTION) {
            throw new LessonRefused("Spørsmålet er for langt (" + q.length() + " tegn). Skriv det kortere, med høyst "
                    + Lesson.MAX_QUESTION + " tegn.");
        }
        return q;
    }

    private Passage passage(int slide, String source) {
        List<Passage> onSlide = knowledgeBase.passages().stream().filter(p -> p.slide() == slide)
                .filter(p -> source == null || source.isBlank() || p.source().equals(source.strip())).toList();
        if (onSlide.isEmpty()) {
            throw new LessonRefused("Fant ikke lysbilde " + slide + (source == null || source.isBlank() ? "" : " i " + source)
                    + " i materialet.");
        }
        if (onSlide.size() > 1) {
            throw new LessonRefused("Flere filer har lysbilde " + slide + "; si hvilken fil: "
                    + String.join(", ", onSlide.stream().map(Passage::source).toList()) + ".");
        }
        return answering(onSlide.get(0));
    }

    private static Passage answering(Passage passage) {
        if (!passage.canAnswer()) {
            throw new LessonRefused("Lysbilde " + passage.slide() + " («" + passage.title()
                    + "») er bare en overskrift og kan ikke være et svar. Velg et lysbilde med innhold.");
        }
        return passage;
    }

    private void spendWrite() {
        Instant now = clock.instant();
        synchronized (writes) {
            while (!writes.isEmpty() && !writes.peekFirst().isAfter(now.minus(WRITE_WINDOW))) {
                writes.removeFirst();
            }
            if (writes.size() >= MAX_WRITES) {
                throw LessonRefused.writingTooOften();
            }
            writes.addLast(now);
        }
    }
}
