package no.folkevalgt.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits for what happens in the background, on Awaitility: never a bare {@code Thread.sleep}. A wait for
 * something polls briefly and gives up after {@link #PATIENCE}; a check that nothing happens holds a
 * condition for the whole of a stated time ({@code during}), so it fails as soon as something does.
 */
public final class Waits {

    /** How long a test waits for something that should happen at once, on a slow, busy machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    /** How often a wait looks. */
    public static final Duration POLL = Duration.ofMillis(10);

    private Waits() {
    }

    /** A wait of at most {@link #PATIENCE} that looks every {@link #POLL}, starting at once. */
    public static ConditionFactory eventually() {
        return within(PATIENCE);
    }

    /** A wait of at most {@code atMost} that looks every {@link #POLL}, starting at once. */
    public static ConditionFactory within(Duration atMost) {
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL);
    }

    /** Waits until {@code value} satisfies {@code test}, and returns the value that did. */
    public static <T> T until(Callable<T> value, Predicate<? super T> test) {
        return eventually().until(value, test::test);
    }

    /** Waits until {@code assertion} passes (its last failure is the test's, after {@link #PATIENCE}). */
    public static void untilAsserted(ThrowingRunnable assertion) {
        eventually().untilAsserted(assertion);
    }

    /**
     * Proves that nothing happens for {@code period}: {@code assertion} must pass at once and keep
     * passing, looked at every {@link #POLL}, for the whole period.
     */
    public static void holdsFor(Duration period, ThrowingRunnable assertion) {
        await().pollDelay(Duration.ZERO).pollInterval(POLL).during(period).atMost(period.plus(PATIENCE))
                .untilAsserted(assertion);
    }
}
