package no.folkevalgt.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void backoff_doubles_upToTheMaximum() {
        RetryPolicy policy = RetryPolicy.exponential(10, Duration.ofSeconds(5), Duration.ofSeconds(30));

        assertThat(policy.delayAfter(1, null, random)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2, null, random)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(3, null, random)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(4, null, random)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(60, null, random)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitter_onlyAddsUpToItsShare() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(5), 0.2);

        for (int i = 0; i < 1000; i++) {
            assertThat(policy.delayAfter(1, null, random)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
        }
    }

    @Test
    void defaultPolicy_ridesOutMostOfTheGraceWindow_butEndsWithinIt() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < policy.maxAttempts(); attempt++) {
            total = total.plus(policy.delayAfter(attempt, null, new java.util.Random(attempt)));
        }
        assertThat(total).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(15).plusMinutes(3));
    }

    @Test
    void retryAfter_isTakenAsGiven_evenAboveTheMaximum() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertThat(policy.delayAfter(1, Duration.ofSeconds(42), random)).isEqualTo(Duration.ofSeconds(42));
        assertThat(policy.delayAfter(1, Duration.ofMinutes(10), random)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void badSettings_areRefusedWithTheReason() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .hasMessage("maxAttempts must be 1 or more but was 0");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(1), 0))
                .hasMessage("baseDelay must be positive but was PT0S");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
                .hasMessage("maxDelay must be at least baseDelay (PT2S) but was PT1S");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5))
                .hasMessage("jitter must be between 0 and 1 but was 1.5");
    }
}
