package no.folkevalgt.core.dialogue;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Whether a shared store (the database) is away, so that the request path skips it for a while instead
 * of every message waiting out the pool's connection timeout (5 s a call). After a failure the store is
 * left alone for {@link #PAUSE}; then one caller tries it again while the others keep skipping, and a
 * success ends the outage. What is skipped must be something the caller can do without (a cache, a
 * conversation's context), never a member's submission.
 *
 * <pre>{@code
 * if (!outage.skip()) {
 *     try { value = store.read(); outage.succeeded(); }
 *     catch (RuntimeException e) { outage.failed(); }
 * }
 * }</pre>
 */
public final class Outage {

    /** How long the store is left alone after it failed. */
    public static final Duration PAUSE = Duration.ofSeconds(30);

    private final long pauseNanos;
    private final LongSupplier nanos;
    private volatile boolean away;
    private long retryAt;

    public Outage() {
        this(PAUSE, System::nanoTime);
    }

    public Outage(Duration pause, LongSupplier nanos) {
        this.pauseNanos = pause.toNanos();
        this.nanos = Objects.requireNonNull(nanos, "nanos");
    }

    /** True when the store should not be asked now; false lets this caller try it (one at a time once it failed). */
    public boolean skip() {
        if (!away) {
            return false;
        }
        synchronized (this) {
            long now = nanos.getAsLong();
            if (away && now - retryAt >= 0) {
                retryAt = now + pauseNanos;
                return false;
            }
            return away;
        }
    }

    /** The store failed: leave it alone for the pause. Returns true when this began the outage. */
    public synchronized boolean failed() {
        boolean began = !away;
        away = true;
        retryAt = nanos.getAsLong() + pauseNanos;
        return began;
    }

    /** The store answered: the outage, if any, is over. */
    public void succeeded() {
        away = false;
    }

    public boolean isAway() {
        return away;
    }
}
