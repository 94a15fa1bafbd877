package no.folkevalgt.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import no.folkevalgt.core.port.DialogueMemory;
import no.folkevalgt.core.port.ReflectionStore;

/**
 * Reflection answers stored per second, and what the conversation memory costs a question: each {@link ReflectionStore#add} is one committed insert with
 * a request id, as a /refleksjon command makes it. On demand only:
 * {@code mvn -pl storage test -Dgroups=benchmark -DexcludedGroups=}
 *
 * <p>H2 is the embedded default file (WRITE_DELAY=0), and for comparison H2's own setting, which
 * loses the last half second of commits when the process is killed; PostgreSQL is the embedded server with durable commits
 * (fsync and synchronous_commit on, as a production server has them), on the same machine.
 */
@Tag("benchmark")
class StorageBenchmarkTest {

    private static final int WARM_UP = 500;
    private static final int SINGLE = 3_000;
    private static final int MANY = 8_000;
    private static final int THREADS = 16;

    @TempDir
    Path dir;

    @Test
    void answersPerSecond() throws Exception {
        StringBuilder report = new StringBuilder("\nReflection answers stored per second (" + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("java.version") + ")\n");
        report.append(String.format(Locale.ROOT, "%-48s %12s %12s%n", "database", "1 thread", THREADS + " threads"));

        measure(report, "H2 file (embedded default)", () -> Database.fromSetting("", dir.resolve("h2")));
        measure(report, "H2 file, H2's own WRITE_DELAY=500 (not durable)", () -> Database.open("jdbc:h2:file:"
                + dir.resolve("h2-wd500/folkevalgt") + ";WRITE_DELAY=500", null, null));
        try (EmbeddedPostgres pg = TestDatabases.start(EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on"))) {
            measure(report, "PostgreSQL 17 (fsync, synchronous_commit on)", () -> Database.builder(
                    "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres").user("postgres").maxPoolSize(THREADS).open());
        }
        System.out.println(report);
    }

    /*
     * What the conversation memory costs a question: one recall and one remember of the member's last
     * turn, each a round trip to the database (the worst case: a member's next message usually comes
     * after the cache's two seconds). 300 members' conversations, as in a big programme.
     */
    @Test
    void dialogueTurnsPerSecond() throws Exception {
        StringBuilder report = new StringBuilder("\nQuestions' conversation memory (recall + remember) per second ("
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version") + ")\n");
        report.append(String.format(Locale.ROOT, "%-48s %12s %12s %14s%n", "database", "1 thread", THREADS + " threads",
                "ms per question"));
        measureMemory(report, "H2 file (embedded default)", () -> Database.fromSetting("", dir.resolve("h2-memory")));
        try (EmbeddedPostgres pg = TestDatabases.start(EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on"))) {
            measureMemory(report, "PostgreSQL 17 (fsync, synchronous_commit on)", () -> Database.builder(
                    "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres").user("postgres").maxPoolSize(THREADS).open());
        }
        System.out.println(report);
    }

    private void measureMemory(StringBuilder report, String name, Supplier<Database> open) throws Exception {
        try (Database db = open.get()) {
            DialogueMemory memory = new JdbcDialogueMemory(db);
            AtomicInteger ids = new AtomicInteger();
            IntConsumer question = n -> {
                String key = "conversation-" + (n % 300);
                Instant now = Instant.now();
                memory.recall(key, now);
                memory.remember(key, new DialogueMemory.Turn("Hvem er arbeidsgiver for kommunedirektøren? " + n,
                        "Hvem er arbeidsgiver for kommunedirektøren? " + n, List.of("deck.txt#49", "deck.txt#14"), "SURE",
                        now.plusSeconds(300)));
            };
            run(question, ids, 1, WARM_UP);
            double single = run(question, ids, 1, SINGLE);
            double many = run(question, ids, THREADS, MANY);
            report.append(String.format(Locale.ROOT, "%-48s %12.0f %12.0f %14.2f%n", name, single, many, 1000 / single));
        }
    }

    private static void measure(StringBuilder report, String name, Supplier<Database> open) throws Exception {
        try (Database db = open.get()) {
            ReflectionStore store = new JdbcReflectionStore(db);
            AtomicInteger ids = new AtomicInteger();
            IntConsumer add = n -> store.add(1 + n % 4, "slack", "U" + (n % 300), "Jeg ville bygge en ny skole, svar " + n,
                    Instant.now(), "req-" + n);
            run(add, ids, 1, WARM_UP);
            double single = run(add, ids, 1, SINGLE);
            double many = run(add, ids, THREADS, MANY);
            report.append(String.format(Locale.ROOT, "%-48s %12.0f %12.0f%n", name, single, many));
        }
    }

    /** Calls {@code operation} {@code total} times on {@code threads} threads; returns calls per second. */
    private static double run(IntConsumer operation, AtomicInteger ids, int threads, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger left = new AtomicInteger(total);
        Future<?>[] workers = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = pool.submit(() -> {
                start.await();
                while (left.getAndDecrement() > 0) {
                    operation.accept(ids.incrementAndGet());
                }
                return null;
            });
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        long nanos = System.nanoTime() - begin;
        pool.shutdown();
        return total / (nanos / 1e9);
    }
}
