package no.folkevalgt.storage.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how soon a failed post is tried again: exponential backoff with jitter, unless the
 * platform said when (Retry-After), which is then honoured as given.
 *
 * <pre>{@code
 * RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofMinutes(5), 0.2);
 * // waits after failed attempts 1, 2, 3, 4: about 5 s, 10 s, 20 s, 40 s, each up to 20 % longer
 * }</pre>
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param baseDelay   the wait after the first failed attempt; it doubles with each further one
 * @param maxDelay    the longest backoff wait (a Retry-After may ask for more)
 * @param jitter      a random share (0 to 1) added to each backoff wait, so that instances that
 *                    failed together do not retry together
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter) {

    /** Five attempts, 5 s doubling up to 5 minutes, 20 % jitter. */
    /* Twelve attempts, 5 s doubling to at most 2 min: about 14 minutes of retries, so a platform outage is
       ridden out for most of the 15-minute grace window before a post is given up. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(12, Duration.ofSeconds(5), Duration.ofMinutes(2), 0.2);

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more but was " + maxAttempts);
        }
        if (baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("baseDelay must be positive but was " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay (" + baseDelay + ") but was " + maxDelay);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1 but was " + jitter);
        }
    }

    /** No jitter: the same waits every time (for tests). */
    public static RetryPolicy exponential(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, 0);
    }

    /**
     * The wait after failed attempt {@code attempt} (1 for the first).
     *
     * @param retryAfter what the platform asked for, or null
     */
    public Duration delayAfter(int attempt, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter;
        }
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration backoff = baseDelay.multipliedBy(1L << doublings);
        if (backoff.compareTo(maxDelay) > 0) {
            backoff = maxDelay;
        }
        long extra = (long) (backoff.toMillis() * jitter * random.nextDouble());
        return backoff.plusMillis(extra);
    }
}
