package no.folkevalgt.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final SplittableRandom random = new SplittableRandom(7);
    /* Always the largest jitter there can be. */
    private final RandomGenerator highest = () -> -1L;
    private final Backoff noJitter = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30), 0, Duration.ofMinutes(1));

    @Test
    void delay_doubles_upToTheMaximum() {
        assertThat(noJitter.delay(1, random)).isEqualTo(Duration.ofSeconds(5));
        assertThat(noJitter.delay(2, random)).isEqualTo(Duration.ofSeconds(10));
        assertThat(noJitter.delay(3, random)).isEqualTo(Duration.ofSeconds(20));
        assertThat(noJitter.delay(4, random)).isEqualTo(Duration.ofSeconds(30));
        assertThat(noJitter.delay(60, random)).isEqualTo(Duration.ofSeconds(30));
        assertThat(noJitter.delay(Integer.MAX_VALUE, random)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delay_beforeTheFirstFailure_isTheBase() {
        assertThat(noJitter.delay(0, random)).isEqualTo(Duration.ofSeconds(5));
        assertThat(noJitter.delay(-3, random)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jitter_onlyAddsUpToItsShare_ofTheCappedWait() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(40), 0.2, Duration.ZERO);

        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.delay(1, random)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
            assertThat(backoff.delay(9, random)).isBetween(Duration.ofSeconds(40), Duration.ofSeconds(48));
        }
        assertThat(backoff.delay(1, () -> 0L)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(1, highest)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
    }

    @Test
    void retryAfter_isWaited_upToTheLongestAllowed_evenAboveTheMaximum() {
        assertThat(noJitter.next(1, Duration.ofSeconds(42), random)).contains(Duration.ofSeconds(42));
        assertThat(noJitter.next(1, Duration.ofMinutes(1), random)).as("the boundary").contains(Duration.ofMinutes(1));
        assertThat(noJitter.next(1, Duration.ZERO, random)).contains(Duration.ZERO);
    }

    @Test
    void retryAfter_longerThanTheLongestAllowed_isNotWaitedHere() {
        assertThat(noJitter.next(1, Duration.ofMinutes(1).plusMillis(1), random)).isEmpty();
    }

    @Test
    void withoutRetryAfter_theExponentialDefault() {
        assertThat(noJitter.next(1, null, random)).contains(Duration.ofSeconds(5));
        assertThat(noJitter.next(3, null, random)).contains(Duration.ofSeconds(20));
        assertThat(noJitter.next(2, Duration.ofSeconds(-1), random)).as("a negative wait counts as none")
                .contains(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterHeader_wholeSeconds_elseNone() {
        assertThat(Backoff.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(Backoff.retryAfter(" 30 ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.retryAfter("0")).isEqualTo(Duration.ZERO);
        assertThat(Backoff.retryAfter(null)).isNull();
        assertThat(Backoff.retryAfter("")).isNull();
        assertThat(Backoff.retryAfter("  ")).isNull();
        assertThat(Backoff.retryAfter("-5")).isNull();
        assertThat(Backoff.retryAfter("1.5")).isNull();
        assertThat(Backoff.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
    }

    @Test
    void badSettings_areRefusedWithTheReason() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0, Duration.ZERO))
                .hasMessage("baseDelay must be positive but was PT0S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, Duration.ZERO))
                .hasMessage("maxDelay must be at least baseDelay (PT2S) but was PT1S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, Duration.ZERO))
                .hasMessage("jitter must be between 0 and 1 but was 1.5");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Double.NaN, Duration.ZERO))
                .hasMessage("jitter must be between 0 and 1 but was NaN");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofSeconds(-1)))
                .hasMessage("longestRetryAfter must not be negative but was PT-1S");
    }
}
