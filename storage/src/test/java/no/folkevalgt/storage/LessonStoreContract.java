package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.teaching.Lessons;

/** What every shared LessonStore does, run against H2 and PostgreSQL. */
abstract class LessonStoreContract extends DatabaseTestBase {

    static final Instant T0 = Instant.parse("2019-11-05T12:00:00Z");
    static final Passage SLIDE = new Passage("deck.txt", 49, "Arbeidsgiveransvaret for kommunedirektøren",
            "Kommunestyret er kommunedirektørens arbeidsgiver", "", 1);

    JdbcLessonStore store;

    @BeforeEach
    void createStore() {
        store = new JdbcLessonStore(db);
    }

    @Test
    void savedLessons_areReadBack_oldestFirst_asTheyWereTaught() {
        Lesson link = Lesson.link("Hvem passer på kommunedirektøren?", "deck.txt#49", T0);
        Lesson reply = Lesson.notInMaterial("Hvor mye tjener en folkevalgt?", "Spør «sekretariatet» <nå> & 'straks'", T0.plusSeconds(1));
        Lesson bare = Lesson.notInMaterial("Når er neste møte?", "", T0.plusSeconds(2));
        store.save(link);
        store.save(reply);
        store.save(bare);

        assertThat(store.all()).containsExactly(link, reply, bare);
    }

    @Test
    void teachingTheSameQuestionAgain_replacesIt_andRemoveUndoesIt() {
        store.save(Lesson.link("Hvem eier KS?", "deck.txt#7", T0));
        Lesson replaced = Lesson.notInMaterial("hvem eier ks", "Kommunene.", T0.plusSeconds(5));
        store.save(replaced);

        assertThat(store.all()).containsExactly(replaced);
        assertThat(store.remove("HVEM EIER KS?")).isEqualTo(replaced);
        assertThat(store.all()).isEmpty();
        assertThat(store.remove("Hvem eier KS?")).isNull();
    }

    @Test
    void twoInstancesTeachingTheSameNewQuestionAtOnce_leaveOneLesson() throws Exception {
        try (Database other = reopen()) {
            JdbcLessonStore second = new JdbcLessonStore(other);
            Concurrently.run(8, 8, i -> {
                (i % 2 == 0 ? store : second).save(Lesson.link("Hvem eier KS?", "deck.txt#" + (i + 1), T0.plusSeconds(i)));
                return null;
            });
        }
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void aLessonTaughtOnOneInstance_answersOnAnother_withinTheCachesFreshness() {
        KnowledgeBase kb = new OneSlide();
        try (Database other = reopen()) {
            Lessons here = new Lessons(store, kb, Clock.fixed(T0, ZoneOffset.UTC));
            Lessons there = new Lessons(new JdbcLessonStore(other), kb, Clock.fixed(T0, ZoneOffset.UTC));
            Bot second = Bot.builder().knowledgeBase(kb).lessons(there).build();
            assertThat(second.handle(Incoming.local("Hvem passer på kommunedirektøren?")).citations()).isEmpty();

            here.link("Hvem passer på kommunedirektøren?", 49, null);

            /* The second instance sees the lesson once its cache is older than FRESHNESS. */
            Awaitility.await("the lesson seen by the second instance").atMost(Lessons.FRESHNESS.multipliedBy(3))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(second.handle(Incoming.local("Hvem passer på kommunedirektøren?")).citations())
                            .extracting(c -> c.slide()).containsExactly(49));
        }
    }

    /** Material of one slide that answers nothing by itself: what is answered comes from the lesson. */
    static final class OneSlide implements KnowledgeBase {
        final Set<String> asked = ConcurrentHashMap.newKeySet();

        @Override
        public Answer ask(String question, int top) {
            asked.add(question);
            return Answer.declined(question);
        }

        @Override
        public List<Passage> passages() {
            return List.of(SLIDE);
        }

        @Override
        public List<String> topics() {
            return List.of();
        }

        @Override
        public Stats stats() {
            return new Stats(1, "x", 0, 0);
        }

        @Override
        public void close() {
        }
    }
}
