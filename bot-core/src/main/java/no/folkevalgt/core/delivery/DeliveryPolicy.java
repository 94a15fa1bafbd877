package no.folkevalgt.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.programme.PlannedPost;

/**
 * The rules of delivering a planned post, without a database or a clock of its own: whether a post
 * still goes out, whether it is late, and what an attempt's result means (sent, late, skipped, retrying
 * at a time, or failed). The post scheduler asks it before and after each attempt and records what it
 * says in the delivery log.
 *
 * <pre>{@code
 * DeliveryPolicy policy = new DeliveryPolicy(Duration.ofMinutes(15), Duration.ofMinutes(1), 12, backoff);
 * Instant now = clock.instant();
 * DeliveryPolicy.Step step = policy.before(post, deliveryLog.attempts(post.id()), now);
 * if (step instanceof DeliveryPolicy.Go go) {          // else Done (nothing to do) or Skip (record its outcome)
 *     PostFailure failure = ...;                         // post it, composed late or not: null when the platform took it
 *     DeliveryPolicy.Outcome outcome = policy.after(post, go.attempt(), now, clock.instant(), failure, random);
 *     // record outcome.status() and outcome.detail(); unless outcome.done(), try again at outcome.nextTry()
 * }
 * }</pre>
 *
 * @param graceWindow how late a post may still go out; later ones are skipped, and a retry that would
 *                    fall after it is not made
 * @param lateAfter   from how far behind its time a post is marked late
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param backoff     the wait before a retry
 */
public record DeliveryPolicy(Duration graceWindow, Duration lateAfter, int maxAttempts, Backoff backoff) {

    /** The statuses after which a post is not tried again. */
    public static boolean finished(DeliveryStatus status) {
        return status != null && status != DeliveryStatus.RETRYING;
    }

    public DeliveryPolicy {
        Objects.requireNonNull(graceWindow, "graceWindow");
        Objects.requireNonNull(lateAfter, "lateAfter");
        Objects.requireNonNull(backoff, "backoff");
        if (graceWindow.isNegative() || graceWindow.isZero()) {
            throw new IllegalArgumentException("graceWindow must be positive but was " + graceWindow);
        }
        if (lateAfter.isNegative()) {
            throw new IllegalArgumentException("lateAfter must not be negative but was " + lateAfter);
        }
        if (lateAfter.compareTo(graceWindow) > 0) {
            throw new IllegalArgumentException("lateAfter (" + lateAfter + ") must not be longer than the grace window ("
                    + graceWindow + ")");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more but was " + maxAttempts);
        }
    }

    /** What to do with a due post, before an attempt. */
    public sealed interface Step permits Done, Skip, Go {
    }

    /** Delivered, failed or skipped before ({@code finished} is that attempt): nothing more to do. */
    public record Done(DeliveryAttempt finished) implements Step {
    }

    /** Too late to post: record {@code outcome} (SKIPPED) and stop. */
    public record Skip(int attempt, Outcome outcome) implements Step {
    }

    /** Post it now, as attempt number {@code attempt}, marked late or not. */
    public record Go(int attempt, boolean late) implements Step {
    }

    /**
     * What an attempt came to, for the delivery log.
     *
     * @param status  SENT, LATE, SKIPPED, RETRYING or FAILED
     * @param detail  the log line's detail (English, for operators): empty when sent on time
     * @param nextTry when to try again; only for RETRYING
     */
    public record Outcome(DeliveryStatus status, String detail, Instant nextTry) {
        public Outcome {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
            if ((status == DeliveryStatus.RETRYING) != (nextTry != null)) {
                throw new IllegalArgumentException("a next try belongs to RETRYING and only to it: " + status + ", " + nextTry);
            }
        }

        /** Whether no further attempt follows. */
        public boolean done() {
            return status != DeliveryStatus.RETRYING;
        }
    }

    /**
     * Before an attempt at {@code post} at {@code now}, with the delivery log's {@code attempts} of it so far.
     */
    public Step before(PlannedPost post, List<DeliveryAttempt> attempts, Instant now) {
        Optional<DeliveryAttempt> done = attempts.stream().filter(a -> finished(a.status())).findFirst();
        if (done.isPresent()) {
            return new Done(done.get());
        }
        int attempt = attempts.size() + 1;
        if (now.isAfter(deadline(post))) {
            return new Skip(attempt, new Outcome(DeliveryStatus.SKIPPED, "found " + minutes(Duration.between(post.at(), now))
                    + " after its time, more than the grace window of " + minutes(graceWindow), null));
        }
        return new Go(attempt, late(post, now));
    }

    /** Whether a post that goes out at {@code at} is late: more than {@code lateAfter} after its time. */
    public boolean late(PlannedPost post, Instant at) {
        return at.isAfter(post.at().plus(lateAfter));
    }

    /**
     * After attempt number {@code attempt}, begun at {@code startedAt}, ended at {@code now}.
     *
     * @param failure what the platform said, or null when it took the post
     * @param random  for the backoff's jitter
     */
    public Outcome after(PlannedPost post, int attempt, Instant startedAt, Instant now, PostFailure failure,
                         RandomGenerator random) {
        if (failure == null) {
            return late(post, startedAt)
                    ? new Outcome(DeliveryStatus.LATE, "posted " + minutes(Duration.between(post.at(), startedAt)) + " late", null)
                    : new Outcome(DeliveryStatus.SENT, "", null);
        }
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        if (failure.permanent()) {
            return failed("permanent failure: " + reason);
        }
        if (attempt >= maxAttempts) {
            return failed("gave up after " + attempt + " attempts: " + reason);
        }
        Duration retryAfter = failure.retryAfter().orElse(null);
        Optional<Duration> wait = backoff.next(attempt, retryAfter, random);
        if (wait.isEmpty() || now.plus(wait.get()).isAfter(deadline(post))) {
            return failed(reason + "; the next try (in " + wait.orElse(retryAfter).toMillis()
                    + " ms) would fall outside the grace window");
        }
        return new Outcome(DeliveryStatus.RETRYING, reason + "; next try in " + wait.get().toMillis() + " ms"
                + (retryAfter != null ? " (Retry-After)" : ""), now.plus(wait.get()));
    }

    /** The post could not even be composed (a bug or bad material): failed, for a retry composes the same. */
    public Outcome notComposed(RuntimeException e) {
        return failed("could not compose the post: " + e);
    }

    /**
     * When to handle a post again after an unexpected error (the delivery log was unreachable, say):
     * after the backoff's base wait, unless that falls outside the grace window (then empty: a later
     * run would only skip it). Empty too when the post is not known ({@code post} null).
     */
    public Optional<Instant> afterError(PlannedPost post, Instant now) {
        Instant next = now.plus(backoff.base());
        return post == null || next.isAfter(deadline(post)) ? Optional.empty() : Optional.of(next);
    }

    /** The last moment the post may go out. */
    public Instant deadline(PlannedPost post) {
        return post.at().plus(graceWindow);
    }

    private static Outcome failed(String detail) {
        return new Outcome(DeliveryStatus.FAILED, detail, null);
    }

    /** "42 s" below two minutes, else whole minutes ("5 min"), as the delivery log's details say it. */
    public static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
    }
}
