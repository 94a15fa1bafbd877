package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.StoreUnavailable;

/** Channel leases on H2 and PostgreSQL: one holder at a time, running out by themselves. */
abstract class ChannelLeasesContract extends DatabaseTestBase {

    static final ChannelRef CHANNEL = ChannelRef.parse("slack:T1/C1");
    static final ChannelRef OTHER = ChannelRef.parse("slack:T1/C2");
    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(2);

    JdbcChannelLeases leases;

    @BeforeEach
    void createLeases() {
        leases = new JdbcChannelLeases(db);
    }

    @Test
    void aHeldLease_isRefusedToOthers_untilReleased() {
        assertThat(leases.tryAcquire(CHANNEL, "a", T0, LEASE)).isTrue();
        assertThat(leases.tryAcquire(CHANNEL, "b", T0.plusSeconds(30), LEASE)).isFalse();
        assertThat(leases.tryAcquire(OTHER, "b", T0.plusSeconds(30), LEASE)).as("another channel").isTrue();

        leases.release(CHANNEL, "a");

        assertThat(leases.tryAcquire(CHANNEL, "b", T0.plusSeconds(31), LEASE)).isTrue();
    }

    @Test
    void theHolder_mayTakeItAgain_andThatRenewsIt() {
        assertThat(leases.tryAcquire(CHANNEL, "a", T0, LEASE)).isTrue();
        assertThat(leases.tryAcquire(CHANNEL, "a", T0.plusSeconds(100), LEASE)).isTrue();

        /* Renewed at +100 s, so it still holds at +150 s, past the first lease's end. */
        assertThat(leases.tryAcquire(CHANNEL, "b", T0.plusSeconds(150), LEASE)).isFalse();
        assertThat(leases.tryAcquire(CHANNEL, "b", T0.plusSeconds(221), LEASE)).isTrue();
    }

    @Test
    void renew_extendsAHeldLease_butNeverTakesAFreeOne() {
        assertThat(leases.renew(CHANNEL, "a", T0, LEASE)).as("no lease yet").isFalse();
        assertThat(leases.tryAcquire(CHANNEL, "a", T0, LEASE)).isTrue();
        assertThat(leases.renew(CHANNEL, "b", T0.plusSeconds(60), LEASE)).as("not the holder").isFalse();
        assertThat(leases.renew(CHANNEL, "a", T0.plusSeconds(100), LEASE)).isTrue();
        assertThat(leases.tryAcquire(CHANNEL, "b", T0.plusSeconds(150), LEASE)).as("renewed until +220 s").isFalse();

        leases.release(CHANNEL, "a");
        assertThat(leases.renew(CHANNEL, "a", T0.plusSeconds(160), LEASE)).as("released").isFalse();
        assertThat(leases.tryAcquire(CHANNEL, "b", T0.plusSeconds(161), LEASE)).isTrue();
    }

    @Test
    void aLeaseNotRenewed_runsOut_andIsTakenOver() {
        assertThat(leases.tryAcquire(CHANNEL, "died", T0, LEASE)).isTrue();

        assertThat(leases.tryAcquire(CHANNEL, "survivor", T0.plus(LEASE), LEASE)).as("at the very end").isFalse();
        assertThat(leases.tryAcquire(CHANNEL, "survivor", T0.plus(LEASE).plusMillis(1), LEASE)).isTrue();
        /* The old holder's release must not free the survivor's lease. */
        leases.release(CHANNEL, "died");
        assertThat(leases.tryAcquire(CHANNEL, "third", T0.plus(LEASE).plusSeconds(1), LEASE)).isFalse();
    }

    @Test
    void eightRacingHolders_oneWins() throws Exception {
        List<Boolean> won = Concurrently.run(8, 8, i -> leases.tryAcquire(CHANNEL, "h" + i, T0, LEASE));
        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void theNoteOfAPostBeingSent_isKeptForTheNextHolder_andOnlyTheHolderWritesIt() {
        assertThat(leases.inFlight(CHANNEL)).isEmpty();
        assertThat(leases.tryAcquire(CHANNEL, "a", T0, LEASE)).isTrue();
        assertThat(leases.markSending(CHANNEL, "b", "prompt-1@slack:T1/C1", T0)).as("not the holder").isFalse();
        assertThat(leases.markSending(CHANNEL, "a", "prompt-1@slack:T1/C1", T0.plusSeconds(1))).isTrue();

        /* "a" dies; "b" takes the lease over after it runs out and finds the note. */
        assertThat(leases.tryAcquire(CHANNEL, "b", T0.plus(LEASE).plusSeconds(5), LEASE)).isTrue();
        assertThat(leases.inFlight(CHANNEL)).contains(
                new JdbcChannelLeases.InFlight("prompt-1@slack:T1/C1", T0.plusSeconds(1), "a"));
        assertThat(leases.inFlight(OTHER)).isEmpty();

        leases.clearSending(CHANNEL, "a");
        assertThat(leases.inFlight(CHANNEL)).as("the old holder cannot clear it").isPresent();
        leases.clearSending(CHANNEL, "b");
        assertThat(leases.inFlight(CHANNEL)).isEmpty();
    }

    @Test
    void whenTheDatabaseIsGone_itSaysSo() {
        takeDatabaseAway();
        assertThatThrownBy(() -> leases.tryAcquire(CHANNEL, "a", T0, LEASE)).isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void aHolderMustBeNamed() {
        assertThatThrownBy(() -> leases.tryAcquire(CHANNEL, "", T0, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> leases.tryAcquire(CHANNEL, "x".repeat(256), T0, LEASE)).isInstanceOf(IllegalArgumentException.class);
    }
}
