package no.folkevalgt.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.folkevalgt.core.delivery.Backoff;

/** The setting only; the waits themselves are BackoffTest's and DeliveryPolicyTest's. */
class RetryPolicyTest {

    @Test
    void theDefault_isTwelveAttempts_fiveSecondsDoublingToTwoMinutes_withAFifthMoreAtRandom() {
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(12);
        assertThat(RetryPolicy.DEFAULT.backoff(Duration.ofMinutes(15)))
                .isEqualTo(new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2), 0.2, Duration.ofMinutes(15)));
    }

    @Test
    void exponential_hasNoJitter() {
        assertThat(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(1)).jitter()).isZero();
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
