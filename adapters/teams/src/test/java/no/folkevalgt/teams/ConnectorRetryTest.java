package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/** The SDK client's retries, with the waits recorded instead of slept. */
class ConnectorRetryTest {

    final List<Duration> waits = new ArrayList<>();
    final ConnectorRetry retry = new ConnectorRetry(waits::add);

    static Response response(int code, String retryAfter) {
        Response.Builder builder = new Response.Builder()
                .request(new Request.Builder().url("https://smba.trafficmanager.net/emea/v3/conversations").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("status " + code);
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    @Test
    void retriable_withoutRetryAfter_waitsTheExponentialBackoff_twiceAtMost() {
        for (int code : List.of(429, 412, 502, 504)) {
            waits.clear();
            assertThat(retry.shouldRetry(0, response(code, null))).as("%d, first retry", code).isTrue();
            assertThat(retry.shouldRetry(1, response(code, null))).as("%d, second retry", code).isTrue();
            assertThat(retry.shouldRetry(2, response(code, null))).as("%d, third retry", code).isFalse();
            assertThat(waits).hasSize(2);
            assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(375));
            assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(750));
        }
    }

    @Test
    void otherAnswers_areNotRetried() {
        for (int code : List.of(200, 400, 401, 403, 404, 500, 503)) {
            assertThat(retry.shouldRetry(0, response(code, "1"))).as("%d", code).isFalse();
        }
        assertThat(retry.shouldRetry(0, null)).as("no answer at all").isFalse();
        assertThat(waits).isEmpty();
    }

    @Test
    void aShortRetryAfter_isWaitedAsAsked() {
        assertThat(retry.shouldRetry(0, response(429, "2"))).isTrue();
        assertThat(retry.shouldRetry(1, response(429, "0"))).isTrue();

        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ZERO);
    }

    @Test
    void aLongRetryAfter_isLeftToThePostScheduler() {
        assertThat(retry.shouldRetry(0, response(429, "3"))).isFalse();
        assertThat(retry.shouldRetry(0, response(429, "7"))).isFalse();
        assertThat(waits).isEmpty();
    }

    @Test
    void aRetryAfterThatIsNotSeconds_countsAsNone() {
        assertThat(retry.shouldRetry(0, response(429, "Wed, 21 Oct 2026 07:28:00 GMT"))).isTrue();
        assertThat(retry.shouldRetry(0, response(429, "-5"))).isTrue();

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(250), Duration.ofMillis(375)));
    }

    @Test
    void anInterruptedWait_isNotRetried_andKeepsTheInterrupt() {
        ConnectorRetry interrupted = new ConnectorRetry(wait -> {
            throw new InterruptedException("stopping");
        });

        assertThat(interrupted.shouldRetry(0, response(502, null))).isFalse();
        assertThat(Thread.interrupted()).isTrue();
    }
}
