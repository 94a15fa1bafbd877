package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.StoreUnavailable;
import no.folkevalgt.core.port.UnansweredStore.Unanswered;

/**
 * Retention on a real database: what is older than the retention period goes, with the gap list's
 * suggestions; what is younger, and everything when the period is zero, stays.
 */
abstract class RetentionContract extends DatabaseTestBase {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(91));
    static final Instant RECENT = NOW.minus(Duration.ofDays(89));

    /** Two of each kind: one 91 days old, one 89 days old. */
    static void fill(Database db) {
        JdbcReflectionStore answers = new JdbcReflectionStore(db);
        answers.add(1, "slack", "U1", "gammelt svar", OLD, "r-old");
        answers.add(1, "slack", "U1", "nytt svar", RECENT, "r-new");
        JdbcFeedbackStore feedback = new JdbcFeedbackStore(db);
        feedback.record(new Feedback("web", "w1", "gammelt spørsmål", "deck.txt#3", false, OLD));
        feedback.record(new Feedback("web", "w1", "nytt spørsmål", "deck.txt#3", true, RECENT));
        JdbcUnansweredStore unanswered = new JdbcUnansweredStore(db);
        unanswered.record(Unanswered.unsure("gammelt usikkert spørsmål", "teams", OLD,
                List.of(new Citation("Arbeidsgiver", 40, "deck.txt"))));
        unanswered.record(new Unanswered("nytt ukjent spørsmål", "teams", RECENT));
    }

    static long count(Database db, String table) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void deleteExpired_deletesWhatIsOlderThanThePeriod_andKeepsTheRest() throws Exception {
        fill(db);

        JdbcRetention.Deleted deleted = new JdbcRetention(db, Duration.ofDays(90)).deleteExpired(NOW);

        assertThat(deleted).isEqualTo(new JdbcRetention.Deleted(1, 1, 1));
        assertThat(deleted.total()).isEqualTo(3);
        assertThat(new JdbcReflectionStore(db).byUser("slack", "U1")).extracting(a -> a.text()).containsExactly("nytt svar");
        assertThat(new JdbcFeedbackStore(db).all()).extracting(Feedback::question).containsExactly("nytt spørsmål");
        assertThat(new JdbcUnansweredStore(db).recent(10)).extracting(Unanswered::question)
                .containsExactly("nytt ukjent spørsmål");
        assertThat(count(db, "unanswered_suggestions")).as("the deleted question's suggestions went with it").isZero();
    }

    @Test
    void deleteExpired_again_deletesNothingMore() {
        fill(db);
        JdbcRetention retention = new JdbcRetention(db, Duration.ofDays(90));
        retention.deleteExpired(NOW);

        assertThat(retention.deleteExpired(NOW)).isEqualTo(new JdbcRetention.Deleted(0, 0, 0));
    }

    @Test
    void aZeroPeriod_keepsEverything() throws Exception {
        fill(db);
        JdbcRetention retention = new JdbcRetention(db, Duration.ZERO);

        assertThat(retention.enabled()).isFalse();
        assertThat(retention.deleteExpired(NOW.plus(Duration.ofDays(10_000)))).isEqualTo(new JdbcRetention.Deleted(0, 0, 0));
        assertThat(count(db, "reflection_answers")).isEqualTo(2);
        assertThat(count(db, "answer_feedback")).isEqualTo(2);
        assertThat(count(db, "unanswered_questions")).isEqualTo(2);
    }

    @Test
    void aNegativePeriod_isRefused() {
        assertThatThrownBy(() -> new JdbcRetention(db, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTheDatabaseIsAway_itIsStoreUnavailable() {
        JdbcRetention retention = new JdbcRetention(db, Duration.ofDays(90));
        takeDatabaseAway();

        assertThatThrownBy(() -> retention.deleteExpired(NOW)).isInstanceOf(StoreUnavailable.class);
    }
}
