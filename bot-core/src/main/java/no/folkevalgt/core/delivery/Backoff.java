package no.folkevalgt.core.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying a failed call again: the one backoff and the one Retry-After rule of
 * the bot, used by the post scheduler's {@link DeliveryPolicy} and by the platform clients.
 *
 * <ul>
 *   <li>The platform said how long (HTTP Retry-After): wait that long, if it is not longer than
 *       {@code longestRetryAfter}; a longer wait is not worth waiting here ({@link #next} is empty) and
 *       is left to the caller (the SDK client leaves it to the scheduler; the scheduler fails the post,
 *       for the wait would fall outside the grace window).</li>
 *   <li>It did not: exponential, {@code base} doubling with each retry up to {@code max}, plus a random
 *       share of up to {@code jitter} of that, so that instances that failed together do not retry together.</li>
 * </ul>
 *
 * <pre>{@code
 * Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2), 0.2, Duration.ofMinutes(15));
 * backoff.delay(1, random);  // 5 s to 6 s; then 10-12 s, 20-24 s, ... and at most 2 min 24 s
 * }</pre>
 *
 * @param base              the wait after the first failure; it doubles with each further one
 * @param max               the longest exponential wait, before jitter
 * @param jitter            the random share (0 to 1) added to each exponential wait
 * @param longestRetryAfter the longest Retry-After that is waited for
 */
public record Backoff(Duration base, Duration max, double jitter, Duration longestRetryAfter) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(longestRetryAfter, "longestRetryAfter");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("baseDelay must be positive but was " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay (" + base + ") but was " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1 but was " + jitter);
        }
        if (longestRetryAfter.isNegative()) {
            throw new IllegalArgumentException("longestRetryAfter must not be negative but was " + longestRetryAfter);
        }
    }

    /**
     * The exponential wait after failure number {@code failure} (1 for the first): {@code base * 2^(failure-1)},
     * at most {@code max}, plus up to {@code jitter} of that.
     */
    public Duration delay(int failure, RandomGenerator random) {
        int doublings = Math.min(Math.max(failure - 1, 0), 30);
        Duration backoff = base.multipliedBy(1L << doublings);
        if (backoff.compareTo(max) > 0) {
            backoff = max;
        }
        long extra = (long) (backoff.toMillis() * jitter * random.nextDouble());
        return backoff.plusMillis(extra);
    }

    /**
     * The wait after failure number {@code failure} (1 for the first): the platform's Retry-After when it
     * gave one and it is not longer than {@code longestRetryAfter} (empty when it is longer), else
     * {@link #delay}.
     *
     * @param retryAfter what the platform asked for, or null
     */
    public Optional<Duration> next(int failure, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(longestRetryAfter) > 0 ? Optional.empty() : Optional.of(retryAfter);
        }
        return Optional.of(delay(failure, random));
    }

    /**
     * Reads an HTTP Retry-After header in whole seconds (what Slack and the Bot Connector send): null
     * when there is none or it is not a number of seconds of 0 or more, so that the exponential
     * default applies.
     */
    public static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
