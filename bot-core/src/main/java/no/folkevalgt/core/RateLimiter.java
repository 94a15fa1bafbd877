package no.folkevalgt.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import no.folkevalgt.core.port.Incoming;

/**
 * Per-user rate limiting: a token bucket per (platform, user) and kind of message, so that one user
 * (or a script) cannot flood the search or the reflection store. Questions and reflection answers have
 * separate budgets. The buckets live in a bounded map; a user idle long enough to have refilled the
 * bucket is forgotten, which changes nothing for them. Thread-safe; time comes from the clock.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.builder()
 *         .questions(20, Duration.ofMinutes(1), 10)
 *         .answers(10, Duration.ofMinutes(1), 5)
 *         .clock(clock)
 *         .build();
 * if (!limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U123")) { ... }
 * }</pre>
 */
public final class RateLimiter {

    /** What a message spends. */
    public enum Kind {
        /** Questions and every other message except reflection commands. */
        QUESTION,
        /** {@code /refleksjon ...} commands, answers above all. */
        ANSWER
    }

    /** What a user is told when a budget is spent. */
    public static final String MESSAGE = "Du sender mange meldinger nå — vent litt og prøv igjen.";

    private static final Pattern REFLECTION_COMMAND = Pattern.compile("/?refleksjon(?:\\s.*)?", Pattern.DOTALL);

    /** Default most (platform, user, kind) buckets kept at once. */
    public static final int DEFAULT_MAX_USERS = 100_000;

    private final Limit questions;
    private final Limit answers;
    private final Clock clock;
    private final Set<String> exempt;
    private final Cache<Key, Bucket> buckets;

    private RateLimiter(Builder b) {
        this.questions = b.questions;
        this.answers = b.answers;
        this.clock = b.clock;
        this.exempt = Set.copyOf(b.exempt);
        long idle = Math.max(questions.fullAfterNanos(), answers.fullAfterNanos());
        Clock time = b.clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(b.maxUsers)
                .expireAfterAccess(Duration.ofNanos(idle).plusSeconds(1))
                .ticker(() -> nanos(time))
                .executor(Runnable::run)
                .build();
    }

    /** What a message spends: a reflection command ({@code /refleksjon ...}, with or without the slash) or a question. */
    public static Kind kindOf(String message) {
        String cleaned = InputText.clean(message == null ? "" : message).toLowerCase(Locale.ROOT);
        return REFLECTION_COMMAND.matcher(cleaned).matches() ? Kind.ANSWER : Kind.QUESTION;
    }

    /** The defaults: 20 questions a minute with a burst of 10, 10 reflection commands a minute with a burst of 5. */
    public static RateLimiter defaults(Clock clock) {
        return builder().clock(clock).build();
    }

    /** A limiter that allows everything, for tools and tests that replay many messages as one user. */
    public static RateLimiter unlimited() {
        return builder().questions(Integer.MAX_VALUE, Duration.ofNanos(1), Integer.MAX_VALUE)
                .answers(Integer.MAX_VALUE, Duration.ofNanos(1), Integer.MAX_VALUE)
                .maxUsers(1)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Spends one token of the user's budget for this kind of message.
     *
     * @return true when the message may go on; false when the budget is spent (then nothing of the
     *         message must be searched or stored)
     */
    public boolean tryAcquire(Kind kind, String platform, String user) {
        Objects.requireNonNull(kind, "kind");
        if (platform == null || user == null || exempt.contains(platform)) {
            return true;
        }
        Limit limit = kind == Kind.QUESTION ? questions : answers;
        if (limit.unlimited()) {
            return true;
        }
        long now = nanos(clock);
        Bucket bucket = buckets.get(new Key(kind, platform, user), k -> new Bucket(limit.burst, now));
        return bucket.tryTake(limit, now);
    }

    /** How many buckets are kept now (for tests and metrics). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static long nanos(Clock clock) {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private record Key(Kind kind, String platform, String user) {
    }

    /**
     * @param permits how many messages per period in the long run
     * @param period  the period
     * @param burst   how many may come at once after a quiet spell
     */
    private record Limit(int permits, Duration period, int burst) {

        Limit {
            if (permits < 1) {
                throw new IllegalArgumentException("permits must be 1 or more but was " + permits);
            }
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive but was " + period);
            }
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be 1 or more but was " + burst);
            }
        }

        boolean unlimited() {
            return permits == Integer.MAX_VALUE && burst == Integer.MAX_VALUE;
        }

        /** Nanoseconds for one token to come back. */
        double nanosPerToken() {
            return (double) period.toNanos() / permits;
        }

        /** Nanoseconds for an empty bucket to be full again. */
        long fullAfterNanos() {
            if (unlimited()) {
                return 1;
            }
            return (long) Math.min(Long.MAX_VALUE / 4, Math.ceil(nanosPerToken() * burst));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.updated = now;
        }

        synchronized boolean tryTake(Limit limit, long now) {
            if (now > updated) {
                tokens = Math.min(limit.burst, tokens + (now - updated) / limit.nanosPerToken());
                updated = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Builds a limiter; every limit is checked when it is set. */
    public static final class Builder {
        private Limit questions = new Limit(20, Duration.ofMinutes(1), 10);
        private Limit answers = new Limit(10, Duration.ofMinutes(1), 5);
        private Clock clock = Clock.systemUTC();
        private int maxUsers = DEFAULT_MAX_USERS;
        private Set<String> exempt = Set.of(Incoming.LOCAL);

        private Builder() {
        }

        /** Questions (and other messages): {@code permits} per {@code period}, at most {@code burst} at once. */
        public Builder questions(int permits, Duration period, int burst) {
            this.questions = new Limit(permits, period, burst);
            return this;
        }

        /** Reflection commands: {@code permits} per {@code period}, at most {@code burst} at once. */
        public Builder answers(int permits, Duration period, int burst) {
            this.answers = new Limit(permits, period, burst);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Most buckets kept; beyond it the least recently used are forgotten (they start full again). */
        public Builder maxUsers(int maxUsers) {
            if (maxUsers < 1) {
                throw new IllegalArgumentException("maxUsers must be 1 or more but was " + maxUsers);
            }
            this.maxUsers = maxUsers;
            return this;
        }

        /**
         * Platforms that are never limited; by default {@code local} (the terminal and the command line:
         * the person at the machine).
         */
        public Builder exempt(Set<String> platforms) {
            this.exempt = Set.copyOf(platforms);
            return this;
        }

        public RateLimiter build() {
            return new RateLimiter(this);
        }
    }
}
