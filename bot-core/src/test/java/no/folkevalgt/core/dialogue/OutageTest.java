package no.folkevalgt.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class OutageTest {

    final AtomicLong nanos = new AtomicLong(123);
    final Outage outage = new Outage(Duration.ofSeconds(30), nanos::get);

    @Test
    void aStoreThatNeverFailed_isAlwaysAsked() {
        assertThat(outage.skip()).isFalse();
        assertThat(outage.skip()).isFalse();
        assertThat(outage.isAway()).isFalse();
    }

    @Test
    void afterAFailure_theStoreIsLeftAloneForThePause_thenOneCallerTries() {
        assertThat(outage.failed()).as("this failure began the outage").isTrue();
        assertThat(outage.failed()).as("a second one did not").isFalse();
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(outage.skip()).isTrue();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(outage.skip()).as("the first caller after the pause tries").isFalse();
        assertThat(outage.skip()).as("the others keep skipping while it tries").isTrue();

        outage.succeeded();
        assertThat(outage.skip()).isFalse();
        assertThat(outage.isAway()).isFalse();
    }

    @Test
    void aFailedRetry_startsAnotherPause() {
        outage.failed();
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(outage.skip()).isFalse();
        outage.failed();
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(outage.skip()).isTrue();
    }
}
