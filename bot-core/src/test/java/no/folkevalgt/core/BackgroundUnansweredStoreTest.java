package no.folkevalgt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BackgroundUnansweredStoreTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    /** A store whose writes wait for the test to let them through, or fail while told to. */
    static final class SlowStore implements UnansweredStore {
        final CountDownLatch open = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public void record(String platform, String question, Instant at) {
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
            written.add(question);
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
            store.record("web", "Hvem eier kommunen?", AT);
            store.record("slack", "Hva er et budsjett?", AT);

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
    void aFailedWrite_isTriedAgain() throws Exception {
        SlowStore flaky = new SlowStore();
        flaky.open.countDown();
        flaky.failuresLeft.set(2);
        try (BackgroundUnansweredStore store = new BackgroundUnansweredStore(flaky, 10)) {
            store.record("web", "Hva gjør ordføreren?", AT);
            await(() -> flaky.written.size() == 1);
            assertThat(store.dropped()).isZero();
        }
    }

    @Test
    void aFullQueue_letsTheOldestGo_andCountsIt() throws Exception {
        SlowStore slow = new SlowStore();
        try (BackgroundUnansweredStore store = new BackgroundUnansweredStore(slow, 2)) {
            store.record("web", "q0", AT);
            assertThat(slow.writing.await(10, TimeUnit.SECONDS)).isTrue();
            /* q0 is with the stuck store; the queue holds two more. */
            store.record("web", "q1", AT);
            store.record("web", "q2", AT);
            store.record("web", "q3", AT);

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
            background.record("web", "q" + i, AT);
        }
        background.close();

        assertThat(store.written).hasSize(50);
        background.record("web", "after close", AT);
        assertThat(store.written).doesNotContain("after close");
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
