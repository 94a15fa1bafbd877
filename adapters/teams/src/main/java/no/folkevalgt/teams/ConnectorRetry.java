package no.folkevalgt.teams;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.bot.restclient.retry.RetryStrategy;

import no.folkevalgt.core.delivery.Backoff;
import okhttp3.Response;

/**
 * How the SDK's connector client retries a call to the Bot Connector: only 429, 412, 502 and 504,
 * at most {@link #MAX_RETRIES} times, after the bot's {@link Backoff}: the connector's Retry-After
 * when it is at most {@link #MAX_WAIT}, else a short exponential wait with jitter. A longer
 * Retry-After is left to the post scheduler, which sees it as a temporary failure with the
 * Retry-After and logs each attempt.
 *
 * <p>Replaces the SDK's default, which retries every 5xx ten times without waiting at all.
 */
final class ConnectorRetry extends RetryStrategy {

    static final Set<Integer> RETRIED = Set.of(429, 412, 502, 504);
    static final int MAX_RETRIES = 2;
    static final Duration BASE = Duration.ofMillis(250);
    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    /** 250 ms, 500 ms, ... plus up to half again at random, so that instances do not retry in step. */
    static final Backoff BACKOFF = new Backoff(BASE, MAX_WAIT, 0.5, MAX_WAIT);

    /** Waits; a test's records the wait instead. */
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    private final Sleeper sleeper;

    ConnectorRetry() {
        this(wait -> Thread.sleep(wait.toMillis()));
    }

    ConnectorRetry(Sleeper sleeper) {
        super("folkevalgt-teams", false);
        this.sleeper = sleeper;
    }

    @Override
    public boolean shouldRetry(int retryCount, Response response) {
        if (response == null || !RETRIED.contains(response.code()) || retryCount >= MAX_RETRIES) {
            return false;
        }
        Optional<Duration> wait = BACKOFF.next(retryCount + 1, Backoff.retryAfter(response.header("Retry-After")),
                ThreadLocalRandom.current());
        if (wait.isEmpty()) {
            return false;
        }
        try {
            sleeper.sleep(wait.get());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
