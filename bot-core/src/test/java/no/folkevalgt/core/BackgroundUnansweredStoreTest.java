package no.folkevalgt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.folkevalgt.testsupport.Waits;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.StoreUnavailable;
import no.folkevalgt.core.port.UnansweredStore;
import org.junit.jupiter.api.Test;

class BackgroundUnansweredStoreTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    /** A store whose writes wait for the test to let them through, or fail while told to. */
    static final class SlowStore implements UnansweredStore {
        final CountDownLatch open = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<Unanswered> records = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public void record(Unanswered question) {
            writing.countDown();
            try {
                if (!open.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailable("interrupted", e);
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new StoreUnavailable("database away (test)", null);
            }
            written.add(question.question());
            records.add(question);
        }

        @Override
        public List<Unanswered> recent(int limit) {
            return written.stream().map(q -> new Unanswered(q, "web", AT)).limit(limit).toList();
        }
    }

    @Test
    void record_returnsWhileTheStoreIsStuck_andTheQuestionIsWrittenWhenItMovesAgain() throws Exception {
        SlowStore slow = new SlowStore();
        try (BackgroundUnansweredStore store = new BackgroundUnansweredStore(slow, 10)) {
            store.record(declined("web", "Hvem eier kommunen?"));
            store.record(declined("slack", "Hva er et budsjett?"));

            assertThat(slow.writing.await(10, TimeUnit.SECONDS)).as("the writer reached the store").isTrue();
            assertThat(slow.written).as("nothing written while the store is stuck").isEmpty();

            slow.open.countDown();
            await(() -> slow.written.size() == 2);
            assertThat(slow.written).containsExactly("Hvem eier kommunen?", "Hva er et budsjett?");
            assertThat(store.recent(10)).extracting(UnansweredStore.Unanswered::question).hasSize(2);
            assertThat(store.written()).isEqualTo(2);
        }
    }

    @Test
    void anUnsureQuestion_reachesTheStore_withItsReasonAndSuggestedSlides() throws Exception {
        SlowStore slow = new SlowStore();
        slow.open.countDown();
        List<Citation> suggested = List.of(new Citation("Arbeidsgiveransvar", 40, "deck.txt"),
                new Citation("Lønn", 41, "deck.txt"));
        try (BackgroundUnansweredStore store = new BackgroundUnansweredStore(slow, 10)) {
            store.record(UnansweredStore.Unanswered.unsure("Hvem bestemmer lønna?", "slack", AT, suggested));
            await(() -> slow.records.size() == 1);
        }

        assertThat(slow.records).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(UnansweredStore.Reason.UNSURE);
            assertThat(u.suggested()).isEqualTo(suggested);
            assertThat(u.platform()).isEqualTo("slack");
        });
    }

    @Test
    void aFailedWrite_isTriedAgain() throws Exception {
        SlowStore flaky = new SlowStore();
        flaky.open.countDown();
        flaky.failuresLeft.set(2);
        try (BackgroundUnansweredStore store = new BackgroundUnansweredStore(flaky, 10)) {
            store.record(declined("web", "Hva gjør ordføreren?"));
            await(() -> flaky.written.size() == 1);
            assertThat(store.dropped()).isZero();
        }
    }

    @Test
    void aFullQueue_letsTheOldestGo_andCountsIt() throws Exception {
        SlowStore slow = new SlowStore();
        try (BackgroundUnansweredStore store = new BackgroundUnansweredStore(slow, 2)) {
            store.record(declined("web", "q0"));
            assertThat(slow.writing.await(10, TimeUnit.SECONDS)).isTrue();
            /* q0 is with the stuck store; the queue holds two more. */
            store.record(declined("web", "q1"));
            store.record(declined("web", "q2"));
            store.record(declined("web", "q3"));

            assertThat(store.dropped()).isEqualTo(1);
            assertThat(store.queued()).isEqualTo(2);
            slow.open.countDown();
            await(() -> slow.written.size() == 3);
            assertThat(slow.written).containsExactly("q0", "q2", "q3");
        }
    }

    @Test
    void close_writesWhatIsQueued() {
        SlowStore store = new SlowStore();
        store.open.countDown();
        BackgroundUnansweredStore background = new BackgroundUnansweredStore(store, 100);
        for (int i = 0; i < 50; i++) {
            background.record(declined("web", "q" + i));
        }
        background.close();

        assertThat(store.written).hasSize(50);
        background.record(declined("web", "after close"));
        assertThat(store.written).doesNotContain("after close");
    }

    private static UnansweredStore.Unanswered declined(String platform, String question) {
        return new UnansweredStore.Unanswered(question, platform, AT);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Waits.eventually().until(condition::getAsBoolean);
    }
}
