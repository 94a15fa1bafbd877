package no.folkevalgt.core.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.LessonStore;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.UnansweredStore;
import no.folkevalgt.knowledge.DevSets;
import no.folkevalgt.testsupport.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A facilitator teaches the bot, and members asking get the taught answer: over the real index of the
 * bundled material, with lessons in memory (the database's own contract runs in storage).
 */
class TeachingTest {

    static final String DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";
    static final KnowledgeBase kb = DevSets.bundled();

    final MovableClock clock = new MovableClock(Instant.parse("2019-11-05T10:00:00Z"), ZoneId.of("Europe/Oslo"));
    final InMemoryLessonStore store = new InMemoryLessonStore();
    final List<UnansweredStore.Unanswered> gaps = new ArrayList<>();
    final UnansweredStore unanswered = new UnansweredStore() {
        @Override
        public void record(Unanswered question) {
            gaps.add(question);
        }

        @Override
        public List<Unanswered> recent(int limit) {
            return List.copyOf(gaps);
        }
    };
    Lessons lessons;
    Bot bot;

    @BeforeEach
    void bot() {
        lessons = new Lessons(store, kb, clock);
        bot = Bot.builder().knowledgeBase(kb).unanswered(unanswered).clock(clock).lessons(lessons).build();
    }

    private Reply ask(String question) {
        return bot.handle(Incoming.local(question));
    }

    @Test
    void aLinkedQuestion_andOnesLikeIt_getTheSlide_asASureAnswer() {
        String question = "Hvem passer på at kommunedirektøren gjør jobben sin?";
        assertThat(ask(question).citations()).noneMatch(c -> c.slide() == 49);

        Lesson lesson = lessons.link(question, 49, null);

        assertThat(lesson.passageId()).isEqualTo(DECK + "#49");
        for (String asked : List.of(question, "hvem passer på kommunedirektørens jobb", "Kven passar på at kommunedirektøren gjer jobben sin?")) {
            Reply reply = ask(asked);
            assertThat(reply.citations()).as(asked).hasSize(1);
            assertThat(reply.citations().get(0).slide()).as(asked).isEqualTo(49);
            assertThat(reply.citations().get(0).title()).isEqualTo("Arbeidsgiveransvaret for kommunedirektøren");
            assertThat(reply.ephemeral()).isFalse();
            assertThat(reply.actions()).extracting(Reply.Action::value).containsOnly(DECK + "#49");
        }
        /* a question on the same subject that asks something else keeps the material's own answer */
        assertThat(ask("Hva er kommunedirektørens oppgaver?").citations().get(0).slide()).isNotEqualTo(49);
    }

    @Test
    void notInMaterial_givesTheFacilitatorsText_privately_andIsNoLongerAGap() {
        String question = "Hvor mye tjener en folkevalgt?";
        lessons.notInMaterial(question, "Spør kommunens politiske sekretariat.");

        Reply reply = ask("hvor mye tjener folkevalgte");

        assertThat(reply.blocks()).containsExactly("Det står ikke i programmaterialet.", "Spør kommunens politiske sekretariat.");
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.citations()).isEmpty();
        assertThat(gaps).isEmpty();
    }

    @Test
    void notInMaterial_withoutText_saysSo_andWhatTheMaterialCovers() {
        lessons.notInMaterial("Hvor mye tjener en folkevalgt?", "  ");

        Reply reply = ask("Hvor mye tjener en folkevalgt?");

        assertThat(reply.blocks().get(0)).isEqualTo("Det står ikke i programmaterialet.");
        assertThat(reply.blocks().get(1)).startsWith("Jeg kan svare på spørsmål om:");
        assertThat(gaps).isEmpty();
    }

    @Test
    void undo_bringsBackTheMaterialsOwnAnswer() {
        String question = "Kan jeg legge ut bilder fra møtet på Instagram?";
        Reply before = ask(question);
        lessons.link(question, 56, DECK);
        assertThat(ask(question).citations().get(0).slide()).isEqualTo(56);

        assertThat(lessons.undo(question.toUpperCase())).hasValueSatisfying(l -> assertThat(l.slide()).isEqualTo(56));

        assertThat(ask(question).blocks()).isEqualTo(before.blocks());
        assertThat(lessons.undo(question)).isEmpty();
    }

    @Test
    void teachingAgain_replacesTheLesson() {
        lessons.link("Hvem eier KS?", 7, null);
        lessons.notInMaterial("hvem eier ks", "KS eies av kommunene og fylkeskommunene.");

        assertThat(lessons.all()).hasSize(1);
        assertThat(ask("Hvem eier KS?").blocks()).contains("KS eies av kommunene og fylkeskommunene.");
    }

    @Test
    void badLessons_areRefusedInNorwegian_andChangeNothing() {
        assertThatThrownBy(() -> lessons.link("Hva er dette?", 999, null)).isInstanceOf(LessonRefused.class)
                .hasMessage("Fant ikke lysbilde 999 i materialet.");
        assertThatThrownBy(() -> lessons.link("Hva er dette?", 1, "annen.txt")).isInstanceOf(LessonRefused.class)
                .hasMessage("Fant ikke lysbilde 1 i annen.txt i materialet.");
        assertThatThrownBy(() -> lessons.link("Hva er dette?", DECK + "#999")).isInstanceOf(LessonRefused.class)
                .hasMessageContaining("Fant ikke lysbildet");
        assertThatThrownBy(() -> lessons.link("  ?! ", 49, null)).hasMessage("Skriv spørsmålet med ord.");
        assertThatThrownBy(() -> lessons.link("ord ".repeat(80), 49, null))
                .hasMessage("Spørsmålet er for langt (319 tegn). Skriv det kortere, med høyst 300 tegn.");
        assertThatThrownBy(() -> lessons.notInMaterial("Hva er dette?", "x".repeat(501)))
                .hasMessage("Svaret er for langt (501 tegn). Skriv det kortere, med høyst 500 tegn.");
        String divider = kb.passages().stream().filter(p -> !p.canAnswer()).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> lessons.link("Hva er dette?", divider)).hasMessageContaining("er bare en overskrift");
        assertThatThrownBy(() -> lessons.undo(" ")).hasMessage("Skriv spørsmålet som skal glemmes.");

        assertThat(store.all()).isEmpty();
    }

    @Test
    void writes_areLimited_toThirtyAMinute() {
        for (int i = 0; i < Lessons.MAX_WRITES; i++) {
            lessons.notInMaterial("Spørsmål nummer " + i + " om været", "");
        }
        assertThatThrownBy(() -> lessons.link("Hvem eier KS?", 7, null))
                .hasMessage("Mange endringer på kort tid: vent et minutt og prøv igjen.");
        assertThat(store.all()).hasSize(Lessons.MAX_WRITES);

        clock.advance(Duration.ofSeconds(61));
        lessons.link("Hvem eier KS?", 7, null);
        assertThat(store.all()).hasSize(Lessons.MAX_WRITES + 1);
    }

    @Test
    void anotherInstance_seesALesson_whenItsCacheIsNoLongerFresh() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        Lessons other = new Lessons(store, kb, clock, Lessons.FRESHNESS, ticker, Runnable::run);
        assertThat(other.match("Hvem eier KS?")).isEmpty();

        lessons.link("Hvem eier KS?", 7, null);

        assertThat(other.match("Hvem eier KS?")).as("within the freshness window the cached list stands").isEmpty();
        nanos.addAndGet(Lessons.FRESHNESS.plusMillis(1).toNanos());
        /* The refresh runs on the asking thread here (Runnable::run); in the bot it runs in the background. */
        assertThat(other.match("Hvem eier KS?")).hasValueSatisfying(l -> assertThat(l.slide()).isEqualTo(7));
    }

    @Test
    void aStoreThatIsAway_costsTheNewestLessons_notTheAnswer() {
        AtomicReference<RuntimeException> failing = new AtomicReference<>();
        LessonStore flaky = new FlakyStore(store) {
            @Override
            public List<Lesson> all() {
                if (failing.get() != null) {
                    throw failing.get();
                }
                return super.all();
            }
        };
        AtomicLong nanos = new AtomicLong();
        Lessons cached = new Lessons(flaky, kb, clock, Lessons.FRESHNESS, nanos::get, Runnable::run);
        cached.link("Hvem eier KS?", 7, null);
        assertThat(cached.match("Hvem eier KS?")).isPresent();

        failing.set(new IllegalStateException("database away"));
        nanos.addAndGet(Lessons.FRESHNESS.plusMillis(1).toNanos());

        assertThat(cached.match("Hvem eier KS?")).isPresent();
        assertThat(cached.match("Hvem eier KS?")).as("after the failed refresh too").isPresent();
        Bot taught = Bot.builder().knowledgeBase(kb).lessons(cached).build();
        assertThat(taught.handle(Incoming.local("Hvem eier KS?")).citations().get(0).slide()).isEqualTo(7);
    }

    /*
     * The database outage re-run (docs/reliability.md) found every question waiting out the pool's
     * timeout when the lessons were re-read on the asking thread. Here the store hangs until the test
     * lets it go: a question must be answered from the list already read meanwhile.
     */
    @Test
    @Timeout(30)
    void aStoreThatHangs_neverHoldsUpAQuestion() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> hanging = new AtomicReference<>(false);
        LessonStore slow = new FlakyStore(store) {
            @Override
            public List<Lesson> all() {
                if (hanging.get()) {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.all();
            }
        };
        AtomicLong nanos = new AtomicLong();
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        try {
            Lessons cached = new Lessons(slow, kb, clock, Lessons.FRESHNESS, nanos::get, refresher);
            cached.link("Hvem eier KS?", 7, null);
            assertThat(cached.match("Hvem eier KS?")).isPresent();

            hanging.set(true);
            nanos.addAndGet(Lessons.FRESHNESS.plusMillis(1).toNanos());
            assertThat(cached.match("Hvem eier KS?")).isPresent();
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("the store is being read in the background").isTrue();
            for (int i = 0; i < 5; i++) {
                assertThat(cached.match("Hvem eier KS?")).as("answered while the store hangs").isPresent();
            }
        } finally {
            release.countDown();
            refresher.shutdown();
        }
    }

    /** A lesson store that passes everything on to another; tests override what should misbehave. */
    static class FlakyStore implements LessonStore {
        private final LessonStore inner;

        FlakyStore(LessonStore inner) {
            this.inner = inner;
        }

        @Override
        public List<Lesson> all() {
            return inner.all();
        }

        @Override
        public void save(Lesson lesson) {
            inner.save(lesson);
        }

        @Override
        public Lesson remove(String question) {
            return inner.remove(question);
        }
    }
}
