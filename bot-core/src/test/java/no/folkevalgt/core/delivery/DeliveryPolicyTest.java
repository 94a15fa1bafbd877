package no.folkevalgt.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;

/** The delivery rules on a fixed time line: no database, no waiting. */
class DeliveryPolicyTest {

    static final ChannelRef CHANNEL = ChannelRef.parse("local:programmet");
    static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(15);

    final SplittableRandom random = new SplittableRandom(7);
    /* Attempts as the contract suite sets them: 200 ms doubling to 2 s, no jitter; Retry-After up to the grace window. */
    final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0, GRACE);
    final DeliveryPolicy policy = new DeliveryPolicy(GRACE, Duration.ofMinutes(1), 5, backoff);
    final PlannedPost post = new PlannedPost("reminder-d1-s1@local:programmet", AT, CHANNEL, PostKind.REMINDER, "Om 10 minutter", 0);

    static PostFailure temporary(String message) {
        return PostFailure.temporary(message, null, null);
    }

    DeliveryAttempt logged(int attempt, DeliveryStatus status) {
        return new DeliveryAttempt(post.id(), CHANNEL, attempt, AT.plusSeconds(attempt), status, "", "a");
    }

    // ---- before an attempt ----------------------------------------------------------------------

    @Test
    void aPostAtItsTime_goesOut_asTheFirstAttempt_onTime() {
        assertThat(policy.before(post, List.of(), AT)).isEqualTo(new DeliveryPolicy.Go(1, false));
    }

    @Test
    void aPostWithRetriesBehindIt_goesOut_asTheNextAttempt() {
        assertThat(policy.before(post, List.of(logged(1, DeliveryStatus.RETRYING), logged(2, DeliveryStatus.RETRYING)),
                AT.plusSeconds(5))).isEqualTo(new DeliveryPolicy.Go(3, false));
    }

    @Test
    void aPostDoneBefore_isNotTriedAgain_whateverItsStatus() {
        for (DeliveryStatus status : List.of(DeliveryStatus.SENT, DeliveryStatus.LATE, DeliveryStatus.FAILED, DeliveryStatus.SKIPPED)) {
            DeliveryAttempt done = logged(2, status);
            assertThat(policy.before(post, List.of(logged(1, DeliveryStatus.RETRYING), done), AT.plusSeconds(3)))
                    .as(status.name()).isEqualTo(new DeliveryPolicy.Done(done));
        }
        /* Even long after the grace window: done is done, nothing is skipped on top. */
        DeliveryAttempt sent = logged(1, DeliveryStatus.SENT);
        assertThat(policy.before(post, List.of(sent), AT.plus(Duration.ofHours(3)))).isEqualTo(new DeliveryPolicy.Done(sent));
    }

    @Test
    void lateness_startsAfterLateAfter() {
        assertThat(policy.before(post, List.of(), AT.plus(Duration.ofMinutes(1)))).isEqualTo(new DeliveryPolicy.Go(1, false));
        assertThat(policy.before(post, List.of(), AT.plus(Duration.ofMinutes(1)).plusMillis(1)))
                .isEqualTo(new DeliveryPolicy.Go(1, true));
        assertThat(policy.before(post, List.of(), AT.plus(Duration.ofMinutes(5)))).isEqualTo(new DeliveryPolicy.Go(1, true));
        assertThat(policy.before(post, List.of(), AT.minusSeconds(30))).as("early").isEqualTo(new DeliveryPolicy.Go(1, false));
    }

    @Test
    void theLastMomentOfTheGraceWindow_stillGoesOut_markedLate() {
        assertThat(policy.before(post, List.of(), AT.plus(GRACE))).isEqualTo(new DeliveryPolicy.Go(1, true));
    }

    @Test
    void pastTheGraceWindow_isSkipped_andSaysByHowMuch() {
        DeliveryPolicy.Step step = policy.before(post, List.of(), AT.plus(Duration.ofMinutes(20)));

        assertThat(step).isEqualTo(new DeliveryPolicy.Skip(1, new DeliveryPolicy.Outcome(DeliveryStatus.SKIPPED,
                "found 20 min after its time, more than the grace window of 15 min", null)));
        assertThat(((DeliveryPolicy.Skip) step).outcome().done()).isTrue();
    }

    @Test
    void oneMillisecondPastTheGraceWindow_isSkipped_asTheNextAttempt() {
        DeliveryPolicy.Step step = policy.before(post, List.of(logged(1, DeliveryStatus.RETRYING)), AT.plus(GRACE).plusMillis(1));

        assertThat(step).isInstanceOf(DeliveryPolicy.Skip.class);
        assertThat(((DeliveryPolicy.Skip) step).attempt()).isEqualTo(2);
        assertThat(((DeliveryPolicy.Skip) step).outcome().detail()).isEqualTo("found 15 min after its time, more than the grace window of 15 min");
    }

    @Test
    void aShortGraceWindow_isSaidInSeconds() {
        DeliveryPolicy shortWindow = new DeliveryPolicy(Duration.ofSeconds(90), Duration.ZERO, 1, backoff);

        assertThat(((DeliveryPolicy.Skip) shortWindow.before(post, List.of(), AT.plusSeconds(119))).outcome().detail())
                .isEqualTo("found 119 s after its time, more than the grace window of 90 s");
    }

    // ---- after an attempt -----------------------------------------------------------------------

    @Test
    void taken_onTime_isSent_withoutDetail() {
        assertThat(policy.after(post, 1, AT, AT.plusMillis(300), null, random))
                .isEqualTo(new DeliveryPolicy.Outcome(DeliveryStatus.SENT, "", null));
    }

    @Test
    void taken_late_isLate_byWhenTheAttemptBegan() {
        assertThat(policy.after(post, 1, AT.plus(Duration.ofMinutes(5)), AT.plus(Duration.ofMinutes(5)).plusSeconds(40), null, random))
                .isEqualTo(new DeliveryPolicy.Outcome(DeliveryStatus.LATE, "posted 5 min late", null));
        assertThat(policy.after(post, 3, AT.plusSeconds(61), AT.plusSeconds(62), null, random))
                .isEqualTo(new DeliveryPolicy.Outcome(DeliveryStatus.LATE, "posted 61 s late", null));
        assertThat(policy.after(post, 1, AT.plusSeconds(59), AT.plusSeconds(65), null, random).status())
                .as("began on time, ended late: on time").isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aPermanentFailure_isFailedAtOnce() {
        assertThat(policy.after(post, 1, AT, AT, PostFailure.permanent("channel_not_found", null), random))
                .isEqualTo(new DeliveryPolicy.Outcome(DeliveryStatus.FAILED, "permanent failure: channel_not_found", null));
    }

    @Test
    void aTemporaryFailure_isRetried_withTheBackoff_doubling() {
        Instant failedAt = AT.plusMillis(50);

        assertThat(policy.after(post, 1, AT, failedAt, temporary("HTTP 503"), random)).isEqualTo(new DeliveryPolicy.Outcome(
                DeliveryStatus.RETRYING, "HTTP 503; next try in 200 ms", failedAt.plusMillis(200)));
        assertThat(policy.after(post, 2, AT, failedAt, temporary("timeout"), random)).isEqualTo(new DeliveryPolicy.Outcome(
                DeliveryStatus.RETRYING, "timeout; next try in 400 ms", failedAt.plusMillis(400)));
        assertThat(policy.after(post, 4, AT, failedAt, temporary("timeout"), random).nextTry())
                .isEqualTo(failedAt.plusMillis(1600));
    }

    @Test
    void theLastAllowedAttempt_isFailed_andTheOneBeforeRetried() {
        assertThat(policy.after(post, 4, AT, AT, temporary("HTTP 502"), random).status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(policy.after(post, 5, AT, AT, temporary("HTTP 502"), random))
                .isEqualTo(new DeliveryPolicy.Outcome(DeliveryStatus.FAILED, "gave up after 5 attempts: HTTP 502", null));
    }

    @Test
    void oneAttemptOnly_isFailedAfterTheFirstFailure() {
        DeliveryPolicy once = new DeliveryPolicy(GRACE, Duration.ofMinutes(1), 1, backoff);

        assertThat(once.after(post, 1, AT, AT, temporary("HTTP 502"), random).detail()).isEqualTo("gave up after 1 attempts: HTTP 502");
    }

    @Test
    void retryAfter_isHonoured_evenAboveTheBackoffMaximum() {
        Instant failedAt = AT.plusSeconds(1);

        assertThat(policy.after(post, 1, AT, failedAt, PostFailure.temporary("HTTP 429", Duration.ofMillis(900), null), random))
                .isEqualTo(new DeliveryPolicy.Outcome(DeliveryStatus.RETRYING, "HTTP 429; next try in 900 ms (Retry-After)",
                        failedAt.plusMillis(900)));
        assertThat(policy.after(post, 1, AT, failedAt, PostFailure.temporary("HTTP 429", Duration.ofMinutes(3), null), random)
                .nextTry()).isEqualTo(failedAt.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aRetryThatWouldLandOutsideTheGraceWindow_isFailedNow() {
        DeliveryPolicy.Outcome thirtyMinutes = policy.after(post, 1, AT, AT, PostFailure.temporary("HTTP 429", Duration.ofMinutes(30), null), random);

        assertThat(thirtyMinutes).isEqualTo(new DeliveryPolicy.Outcome(DeliveryStatus.FAILED,
                "HTTP 429; the next try (in 1800000 ms) would fall outside the grace window", null));
    }

    @Test
    void aRetryLandingExactlyAtTheEndOfTheGraceWindow_isMade_oneMillisecondLater_isNot() {
        Instant failedAt = AT.plus(GRACE).minusMillis(200);
        assertThat(policy.after(post, 1, AT, failedAt, temporary("HTTP 500"), random).nextTry()).isEqualTo(AT.plus(GRACE));

        DeliveryPolicy.Outcome tooLate = policy.after(post, 1, AT, failedAt.plusMillis(1), temporary("HTTP 500"), random);
        assertThat(tooLate).isEqualTo(new DeliveryPolicy.Outcome(DeliveryStatus.FAILED,
                "HTTP 500; the next try (in 200 ms) would fall outside the grace window", null));
    }

    @Test
    void aFailureWithoutAMessage_isNamedByItsType() {
        DeliveryPolicy.Outcome outcome = policy.after(post, 5, AT, AT, PostFailure.temporary(null, null, null), random);

        assertThat(outcome.detail()).startsWith("gave up after 5 attempts: no.folkevalgt.core.port.PostFailure");
    }

    @Test
    void aPostThatCannotBeComposed_isFailed() {
        assertThat(policy.notComposed(new IllegalStateException("no such prompt"))).isEqualTo(new DeliveryPolicy.Outcome(
                DeliveryStatus.FAILED, "could not compose the post: java.lang.IllegalStateException: no such prompt", null));
    }

    // ---- a whole outage, attempt by attempt ------------------------------------------------------

    @Test
    void theDefaultRetries_rideOutMostOfTheGraceWindow_thenGiveUpWithinIt() {
        DeliveryPolicy defaults = new DeliveryPolicy(GRACE, Duration.ofMinutes(1), 12,
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2), 0.2, GRACE));
        List<DeliveryAttempt> attempts = new ArrayList<>();
        Instant now = AT;
        DeliveryPolicy.Outcome outcome;
        do {
            DeliveryPolicy.Go go = (DeliveryPolicy.Go) defaults.before(post, attempts, now);
            outcome = defaults.after(post, go.attempt(), now, now, temporary("HTTP 503"), random);
            attempts.add(new DeliveryAttempt(post.id(), CHANNEL, go.attempt(), now, outcome.status(), outcome.detail(), "a"));
            if (!outcome.done()) {
                now = outcome.nextTry();
            }
        } while (!outcome.done());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(Duration.between(AT, now)).isBetween(Duration.ofMinutes(10), GRACE);
        assertThat(attempts).extracting(DeliveryAttempt::status).last().isEqualTo(DeliveryStatus.FAILED);
        assertThat(attempts.subList(0, attempts.size() - 1)).extracting(DeliveryAttempt::status).containsOnly(DeliveryStatus.RETRYING);
    }

    // ---- an unexpected error, the rest ------------------------------------------------------------

    @Test
    void afterAnUnexpectedError_tryAgainAfterTheBaseWait_untilTheGraceWindowEnds() {
        assertThat(policy.afterError(post, AT)).contains(AT.plusMillis(200));
        assertThat(policy.afterError(post, AT.plus(GRACE).minusMillis(200))).contains(AT.plus(GRACE));
        assertThat(policy.afterError(post, AT.plus(GRACE).minusMillis(199))).isEmpty();
        assertThat(policy.afterError(null, AT)).as("a post that cannot be read").isEmpty();
    }

    @Test
    void late_isStrictlyAfterLateAfter() {
        assertThat(policy.late(post, AT.plus(Duration.ofMinutes(1)))).isFalse();
        assertThat(policy.late(post, AT.plus(Duration.ofMinutes(1)).plusNanos(1))).isTrue();
        assertThat(policy.deadline(post)).isEqualTo(AT.plus(GRACE));
    }

    @Test
    void finished_isEveryStatusButRetrying() {
        assertThat(DeliveryPolicy.finished(DeliveryStatus.RETRYING)).isFalse();
        assertThat(DeliveryPolicy.finished(null)).isFalse();
        assertThat(List.of(DeliveryStatus.SENT, DeliveryStatus.LATE, DeliveryStatus.FAILED, DeliveryStatus.SKIPPED))
                .allMatch(DeliveryPolicy::finished);
    }

    @Test
    void anOutcome_hasANextTryExactlyWhenRetrying() {
        assertThatThrownBy(() -> new DeliveryPolicy.Outcome(DeliveryStatus.RETRYING, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryPolicy.Outcome(DeliveryStatus.SENT, "", AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badSettings_areRefusedWithTheReason() {
        assertThatThrownBy(() -> new DeliveryPolicy(Duration.ZERO, Duration.ZERO, 1, backoff))
                .hasMessage("graceWindow must be positive but was PT0S");
        assertThatThrownBy(() -> new DeliveryPolicy(GRACE, Duration.ofSeconds(-1), 1, backoff))
                .hasMessage("lateAfter must not be negative but was PT-1S");
        assertThatThrownBy(() -> new DeliveryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1), 1, backoff))
                .hasMessage("lateAfter (PT1M) must not be longer than the grace window (PT10S)");
        assertThatThrownBy(() -> new DeliveryPolicy(GRACE, Duration.ZERO, 0, backoff))
                .hasMessage("maxAttempts must be 1 or more but was 0");
    }

}
