package no.folkevalgt.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import no.folkevalgt.storage.Database;

class PostSchedulerH2Test extends PostSchedulerContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }

    /* Once on H2 only: polls stop while the database is away; the scheduler's monotonic time is moved
       past the 10 s a scheduler may go without a poll, rather than waited out. */
    @Test
    void liveness_whileTheDatabaseIsAway_isNotAlive_andSaysSinceWhen() {
        AtomicLong ahead = new AtomicLong();
        PostScheduler scheduler = scheduler(builder(db, "a").nanoTime(() -> System.nanoTime() + ahead.get()));
        scheduler.start();
        await("a poll ran", Duration.ofSeconds(5), () -> scheduler.liveness().detail().startsWith("last poll"));
        assertThat(scheduler.liveness().alive()).isTrue();

        takeDatabaseAway();

        /* Moved on again while waiting: a poll that was under way when the database went may still finish. */
        await("not alive", Duration.ofSeconds(10), () -> {
            ahead.addAndGet(Duration.ofSeconds(11).toNanos());
            return !scheduler.liveness().alive();
        });
        assertThat(scheduler.liveness().detail()).startsWith("no poll for due posts in").contains("(expected every 100 ms)");
    }
}
