package no.folkevalgt.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import no.folkevalgt.core.port.DialogueMemory;
import org.junit.jupiter.api.Test;

/**
 * The shared dialogue memory read through the cache, with a shared store that the test takes away: the
 * database outage re-run (docs/reliability.md) found every message waiting out the pool's timeout twice
 * (recall, then remember) while the database was down.
 */
class CachedDialogueMemoryTest {

    static final Instant NOW = Instant.parse("2019-11-05T09:00:00Z");

    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger asked = new AtomicInteger();
    final InMemoryDialogueMemory database = new InMemoryDialogueMemory();
    final DialogueMemory shared = new DialogueMemory() {
        @Override
        public Optional<Turn> recall(String key, Instant now) {
            return call(() -> database.recall(key, now));
        }

        @Override
        public void remember(String key, Turn turn) {
            call(() -> {
                database.remember(key, turn);
                return null;
            });
        }

        @Override
        public void forget(String key) {
            call(() -> {
                database.forget(key);
                return null;
            });
        }

        private <T> T call(java.util.function.Supplier<T> work) {
            asked.incrementAndGet();
            if (down.get()) {
                throw new IllegalStateException("Connection is not available, request timed out after 5000ms");
            }
            return work.get();
        }
    };
    final AtomicLong nanos = new AtomicLong();
    final CachedDialogueMemory memory = new CachedDialogueMemory(shared, Duration.ofSeconds(2), nanos::get);

    static DialogueMemory.Turn turn(String topic) {
        return new DialogueMemory.Turn(topic, topic, List.of("deck.txt#24"), "SURE", NOW.plusSeconds(600));
    }

    private void later(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void whileTheDatabaseIsAway_itIsAskedOncePerPause_notOncePerMessage() {
        down.set(true);
        for (int i = 0; i < 20; i++) {
            String key = "web:local:member-" + i;
            memory.recall(key, NOW);
            memory.remember(key, turn("Hva er en hastesak?"));
            later(Duration.ofMillis(500));
        }
        assertThat(asked.get()).as("one failed call, then the store is left alone for the pause").isEqualTo(1);

        later(Outage.PAUSE);
        memory.recall("web:local:someone", NOW);
        memory.recall("web:local:someone-else", NOW);
        assertThat(asked.get()).as("after the pause one message tries again").isEqualTo(2);
    }

    @Test
    void whileTheDatabaseIsAway_aFollowUpOnThisInstanceKeepsItsContext() {
        down.set(true);
        memory.remember("web:local:kari", turn("Hva er en hastesak?"));
        later(Duration.ofSeconds(5));

        assertThat(memory.recall("web:local:kari", NOW)).hasValueSatisfying(t -> assertThat(t.topic()).isEqualTo("Hva er en hastesak?"));
    }

    @Test
    void whenTheDatabaseIsBack_turnsAreSharedAgain() {
        down.set(true);
        memory.recall("web:local:kari", NOW);
        down.set(false);
        later(Outage.PAUSE);

        memory.remember("web:local:kari", turn("Hva er delegering?"));

        assertThat(database.recall("web:local:kari", NOW)).as("written to the shared memory again")
                .hasValueSatisfying(t -> assertThat(t.topic()).isEqualTo("Hva er delegering?"));
        memory.remember("web:local:ola", turn("Hva gjør formannskapet?"));
        assertThat(database.recall("web:local:ola", NOW)).as("and the next one too: the outage is over").isPresent();
    }

    @Test
    void aTurnAnotherInstanceWrote_isSeenOnceTheCacheIsNoLongerFresh() {
        memory.recall("web:local:kari", NOW);
        database.remember("web:local:kari", turn("Hva er en hastesak?"));
        assertThat(memory.recall("web:local:kari", NOW)).as("within the freshness window").isEmpty();

        later(Duration.ofSeconds(2));
        assertThat(memory.recall("web:local:kari", NOW)).isPresent();
    }
}
