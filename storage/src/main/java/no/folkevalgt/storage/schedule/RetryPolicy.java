package no.folkevalgt.storage.schedule;

import java.time.Duration;
import java.util.Objects;

import no.folkevalgt.core.delivery.Backoff;

/**
 * How often and how soon the post scheduler tries a failed post again (its setting; the rules are
 * {@link no.folkevalgt.core.delivery.DeliveryPolicy} and {@link Backoff}): exponential backoff with
 * jitter, unless the platform said when (Retry-After), which is then waited as asked as long as the
 * retry still falls inside the grace window.
 *
 * <pre>{@code
 * RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofMinutes(1), 0.2);
 * // waits after failed attempts 1, 2, 3, 4: 5 s, 10 s, 20 s, 40 s, each up to 20 % longer; no fifth retry
 * }</pre>
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param baseDelay   the wait after the first failed attempt; it doubles with each further one
 * @param maxDelay    the longest backoff wait before jitter (a Retry-After may ask for more)
 * @param jitter      a random share (0 to 1) added to each backoff wait, so that instances that
 *                    failed together do not retry together
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter) {

    /*
     * Twelve attempts, 5 s doubling to at most 2 min (plus up to 20 %): about 14 minutes of retries, so a
     * platform outage is ridden out for most of the 15-minute grace window before a post is given up.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(12, Duration.ofSeconds(5), Duration.ofMinutes(2), 0.2);

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more but was " + maxAttempts);
        }
        /* The backoff checks the delays and the jitter, with the same messages. */
        new Backoff(baseDelay, maxDelay, jitter, Duration.ZERO);
    }

    /** No jitter: the same waits every time (for tests). */
    public static RetryPolicy exponential(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, 0);
    }

    /** This policy's backoff, waiting a Retry-After of up to {@code longestRetryAfter}. */
    public Backoff backoff(Duration longestRetryAfter) {
        return new Backoff(baseDelay, maxDelay, jitter, longestRetryAfter);
    }
}
