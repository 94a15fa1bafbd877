package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.StoreUnavailable;

/** What the request-id store does, run against H2 and PostgreSQL. */
abstract class RequestIdsContract extends DatabaseTestBase {

    static final Duration KEEP = Duration.ofMinutes(30);

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void anId_isTakenOnce_perPlatform() {
        JdbcRequestIds ids = new JdbcRequestIds(db, clock);

        assertThat(ids.firstTime("slack", "event:Ev0001", KEEP)).isTrue();
        assertThat(ids.firstTime("slack", "event:Ev0001", KEEP)).isFalse();
        assertThat(ids.firstTime("teams", "event:Ev0001", KEEP)).as("another platform").isTrue();
        assertThat(ids.firstTime("slack", "command:13345224609.738474920.8088930838d88f008e0", KEEP)).isTrue();
    }

    @Test
    void anIdTakenBeforeARestart_orByAnotherInstance_isNotTakenAgain() {
        assertThat(new JdbcRequestIds(db, clock).firstTime("slack", "event:Ev0002", KEEP)).isTrue();
        db.close();

        try (Database restarted = reopen()) {
            assertThat(new JdbcRequestIds(restarted, clock).firstTime("slack", "event:Ev0002", KEEP)).isFalse();
            assertThat(new JdbcRequestIds(restarted, clock).firstTime("slack", "event:Ev0003", KEEP)).isTrue();
        }
    }

    @Test
    void afterTheRetryWindow_theIdIsTakenAgain_andExpiredRowsArePurged() throws Exception {
        JdbcRequestIds ids = new JdbcRequestIds(db, clock);
        ids.firstTime("slack", "event:old", KEEP);

        now.set(now.get().plus(KEEP).minusSeconds(1));
        assertThat(ids.firstTime("slack", "event:old", KEEP)).as("within the window").isFalse();
        now.set(now.get().plusSeconds(1));
        assertThat(ids.firstTime("slack", "event:old", KEEP)).as("the window has passed").isTrue();
        assertThat(ids.firstTime("slack", "event:old", KEEP)).isFalse();

        ids.firstTime("slack", "event:short", Duration.ofSeconds(5));
        now.set(now.get().plus(JdbcRequestIds.PURGE_EVERY).plusSeconds(1));
        ids.firstTime("slack", "event:new", KEEP);
        assertThat(rows()).containsExactlyInAnyOrder("event:old", "event:new");
    }

    @Test
    void offersRacingOnSixteenThreads_takeTheIdOnce() throws Exception {
        JdbcRequestIds ids = new JdbcRequestIds(db, clock);
        List<Boolean> taken = Concurrently.run(16, 64, i -> ids.firstTime("slack", "event:race", KEEP));

        assertThat(taken).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void longIds_areKeptHashed_andStillTakenOnce() throws Exception {
        JdbcRequestIds ids = new JdbcRequestIds(db, clock);
        String longId = "command:" + "x".repeat(500);

        assertThat(ids.firstTime("slack", longId, KEEP)).isTrue();
        assertThat(ids.firstTime("slack", longId + "y", KEEP)).isTrue();
        assertThat(ids.firstTime("slack", longId, KEEP)).isFalse();
        assertThat(rows()).allSatisfy(row -> assertThat(row).startsWith("sha256:").hasSize(71));
    }

    @Test
    void aDatabaseThatIsAway_isStoreUnavailable() {
        JdbcRequestIds ids = new JdbcRequestIds(db, clock);
        takeDatabaseAway();

        assertThatThrownBy(() -> ids.firstTime("slack", "event:x", KEEP)).isInstanceOf(StoreUnavailable.class);
    }

    private List<String> rows() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select request_id from platform_request_ids")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }
}
