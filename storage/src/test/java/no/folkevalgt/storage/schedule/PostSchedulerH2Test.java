package no.folkevalgt.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.folkevalgt.storage.Database;

class PostSchedulerH2Test extends PostSchedulerContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }

    /* Once on H2 only: it waits out the 10 s a scheduler may go without a poll before it counts as dead. */
    @Test
    void liveness_whileTheDatabaseIsAway_isNotAlive_andSaysSinceWhen() throws Exception {
        PostScheduler scheduler = scheduler("a");
        scheduler.start();
        await("a poll ran", Duration.ofSeconds(5), () -> scheduler.liveness().detail().startsWith("last poll"));

        takeDatabaseAway();

        await("not alive", Duration.ofSeconds(20), () -> !scheduler.liveness().alive());
        assertThat(scheduler.liveness().detail()).startsWith("no poll for due posts in");
    }
}
