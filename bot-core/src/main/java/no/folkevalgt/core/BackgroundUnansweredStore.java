package no.folkevalgt.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import no.folkevalgt.core.port.UnansweredStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records declined and unsure questions on a background thread, so that a slow or unreachable database never
 * holds up the reply to the user: {@link #record} only queues. Reads go straight to the store.
 * The queue is bounded; when it is full (the database has been away for long) the oldest waiting
 * question is let go and counted, since this list is a facilitator's hint, not a user's submission.
 * A record that fails is tried again a few times, then let go and logged.
 *
 * <pre>{@code
 * UnansweredStore unanswered = new BackgroundUnansweredStore(new JdbcUnansweredStore(db), 1_000);
 * ...
 * unanswered.close();   // writes what is queued, for up to a few seconds
 * }</pre>
 */
public final class BackgroundUnansweredStore implements UnansweredStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundUnansweredStore.class);
    private static final int ATTEMPTS = 3;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final UnansweredStore store;
    private final BlockingQueue<Unanswered> queue;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closing;

    /**
     * @param store    where the questions end up
     * @param capacity most questions waiting at once
     */
    public BackgroundUnansweredStore(UnansweredStore store, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more but was " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "unanswered-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(Unanswered question) {
        Unanswered pending = Objects.requireNonNull(question, "question");
        if (closing) {
            dropped.incrementAndGet();
            return;
        }
        while (!queue.offer(pending)) {
            if (queue.poll() != null) {
                long total = dropped.incrementAndGet();
                if (total == 1 || total % 100 == 0) {
                    log.warn("The queue of unanswered questions is full; {} let go so far (the database is away?)", total);
                }
            }
        }
    }

    @Override
    public List<Unanswered> recent(int limit) {
        return store.recent(limit);
    }

    /** Questions waiting to be written. */
    public int queued() {
        return queue.size();
    }

    /** Questions let go (queue full, or failed every attempt). */
    public long dropped() {
        return dropped.get();
    }

    /** Questions written so far. */
    public long written() {
        return written.get();
    }

    private void run() {
        while (true) {
            Unanswered pending;
            try {
                pending = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (pending == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            write(pending);
        }
    }

    private void write(Unanswered pending) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.record(pending);
                written.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || closing) {
                    dropped.incrementAndGet();
                    log.warn("Could not record an unanswered question after {} attempts: {}", attempt, e.toString());
                    return;
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    dropped.incrementAndGet();
                    return;
                }
            }
        }
    }

    /** Stops taking questions, writes those queued (for up to 5 s) and stops the writer thread. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
            log.warn("{} unanswered questions were not written before shutdown", queue.size());
        }
    }

    @Override
    public String toString() {
        return "BackgroundUnansweredStore[" + store + ", queued " + queue.size() + "]";
    }
}
