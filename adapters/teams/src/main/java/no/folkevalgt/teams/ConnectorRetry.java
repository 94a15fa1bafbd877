package no.folkevalgt.teams;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.bot.restclient.retry.RetryStrategy;

import okhttp3.Response;

/**
 * How the SDK's connector client retries a call to the Bot Connector: only 429, 412, 502 and 504,
 * at most {@link #MAX_RETRIES} times, after a short exponential backoff with jitter (or the
 * connector's Retry-After when that is short). Longer waits are left to the post scheduler, which
 * sees them as a temporary failure with the Retry-After and logs each attempt.
 *
 * <p>Replaces the SDK's default, which retries every 5xx ten times without waiting at all.
 */
final class ConnectorRetry extends RetryStrategy {

    static final Set<Integer> RETRIED = Set.of(429, 412, 502, 504);
    static final int MAX_RETRIES = 2;
    static final Duration BASE = Duration.ofMillis(250);
    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    ConnectorRetry() {
        super("folkevalgt-teams", false);
    }

    @Override
    public boolean shouldRetry(int retryCount, Response response) {
        if (response == null || !RETRIED.contains(response.code()) || retryCount >= MAX_RETRIES) {
            return false;
        }
        Duration wait = backoff(retryCount);
        Duration retryAfter = TeamsPoster.retryAfter(response.header("Retry-After"));
        if (retryAfter != null) {
            if (retryAfter.compareTo(MAX_WAIT) > 0) {
                return false;
            }
            wait = retryAfter;
        }
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** 250 ms, 500 ms, ... plus up to half again at random, so that instances do not retry in step. */
    static Duration backoff(int retryCount) {
        long base = BASE.toMillis() << Math.min(retryCount, 10);
        long jitter = (long) (base * 0.5 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.min(MAX_WAIT.toMillis(), base + jitter));
    }
}
