package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.port.StoreUnavailable;

/** What every DeliveryLog does, run against H2 and PostgreSQL. */
abstract class DeliveryLogContract extends DatabaseTestBase {

    static final Instant T0 = Instant.parse("2019-11-05T08:50:00Z");
    static final ChannelRef CHANNEL = ChannelRef.parse("teams:19:abc123@thread.tacv2");

    DeliveryLog log;

    @BeforeEach
    void createLog() {
        log = new JdbcDeliveryLog(db);
    }

    static DeliveryAttempt attempt(String postId, int n, int seconds, DeliveryStatus status) {
        return new DeliveryAttempt(postId, CHANNEL, n, T0.plusSeconds(seconds), status, status == DeliveryStatus.RETRYING ? "HTTP 429" : "", "host#1");
    }

    @Test
    void attempts_areKept_inOrder_withEveryField() {
        DeliveryAttempt first = attempt("reminder-d1-s1@teams:19:abc", 1, 0, DeliveryStatus.RETRYING);
        DeliveryAttempt second = attempt("reminder-d1-s1@teams:19:abc", 2, 5, DeliveryStatus.SENT);
        DeliveryAttempt other = attempt("prompt-1@teams:19:abc", 1, 2, DeliveryStatus.LATE);
        log.record(first);
        log.record(other);
        log.record(second);

        assertThat(log.attempts("reminder-d1-s1@teams:19:abc")).containsExactly(first, second);
        assertThat(log.all()).containsExactly(first, other, second);
        assertThat(log.attempts("unknown")).isEmpty();
        assertThat(log.attempts("reminder-d1-s1@teams:19:abc").get(0).channel().id()).isEqualTo("19:abc123@thread.tacv2");
    }

    @Test
    void delivered_isTrueOnlyAfterSentOrLate() {
        log.record(attempt("a", 1, 0, DeliveryStatus.RETRYING));
        log.record(attempt("b", 1, 0, DeliveryStatus.FAILED));
        log.record(attempt("c", 1, 0, DeliveryStatus.SKIPPED));
        log.record(attempt("d", 1, 0, DeliveryStatus.LATE));
        log.record(attempt("a", 2, 1, DeliveryStatus.SENT));

        assertThat(log.delivered("a")).isTrue();
        assertThat(log.delivered("b")).isFalse();
        assertThat(log.delivered("c")).isFalse();
        assertThat(log.delivered("d")).isTrue();
        assertThat(log.delivered("e")).isFalse();
    }

    @Test
    void latest_givesTheLastStatusOfEachPost() {
        log.record(attempt("a", 1, 0, DeliveryStatus.RETRYING));
        log.record(attempt("a", 2, 1, DeliveryStatus.RETRYING));
        log.record(attempt("b", 1, 0, DeliveryStatus.SENT));
        log.record(attempt("a", 3, 2, DeliveryStatus.FAILED));

        assertThat(log.latest()).isEqualTo(Map.of("a", DeliveryStatus.FAILED, "b", DeliveryStatus.SENT));
    }

    @Test
    void longDetail_isCut_andNulDropped() {
        log.record(new DeliveryAttempt("p", CHANNEL, 1, T0, DeliveryStatus.FAILED, "x\0" + "e".repeat(5000), "i"));

        assertThat(log.attempts("p").get(0).detail()).hasSize(2000).startsWith("xe");
    }

    @Test
    void attemptsFromSixteenThreads_areAllKept() throws Exception {
        Concurrently.run(16, 200, i -> {
            log.record(attempt("post-" + (i % 20), 1 + i / 20, i, DeliveryStatus.RETRYING));
            return null;
        });

        assertThat(log.all()).hasSize(200);
        assertThat(log.attempts("post-7")).hasSize(10).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void databaseGone_isStoreUnavailable_andNothingIsStored() {
        log.record(attempt("a", 1, 0, DeliveryStatus.RETRYING));
        takeDatabaseAway();

        assertThatThrownBy(() -> log.record(attempt("a", 2, 1, DeliveryStatus.SENT))).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> log.delivered("a")).isInstanceOf(StoreUnavailable.class);
        try (Database back = reopen()) {
            assertThat(new JdbcDeliveryLog(back).attempts("a")).hasSize(1);
        }
    }
}
