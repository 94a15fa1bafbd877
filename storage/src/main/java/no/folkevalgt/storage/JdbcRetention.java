package no.folkevalgt.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes what members wrote once it is older than the retention period ({@code RETENTION_DAYS}):
 * reflection answers ({@code reflection_answers}, by {@code answered_at}), answer feedback
 * ({@code answer_feedback}, with the question it was given on, by {@code given_at}) and the gap list's
 * unanswered questions ({@code unanswered_questions} with their suggestions, by {@code asked_at}).
 * The post scheduler runs it once a day, on one instance of the cluster; see
 * {@code PostScheduler.Builder#retention}.
 *
 * <pre>{@code
 * JdbcRetention retention = new JdbcRetention(db, Duration.ofDays(90));
 * JdbcRetention.Deleted deleted = retention.deleteExpired(clock.instant());
 * }</pre>
 */
public final class JdbcRetention {

    /** The default retention period: 90 days. */
    public static final Duration DEFAULT = Duration.ofDays(90);

    private final Database db;
    private final Duration keep;

    /**
     * @param keep how long rows are kept; {@link Duration#ZERO} keeps them forever
     */
    public JdbcRetention(Database db, Duration keep) {
        this.db = Objects.requireNonNull(db, "db");
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative()) {
            throw new IllegalArgumentException("keep must not be negative but was " + keep);
        }
        this.keep = keep;
    }

    /** Whether anything is ever deleted (a retention period above zero). */
    public boolean enabled() {
        return !keep.isZero();
    }

    /** How long rows are kept; zero for forever. */
    public Duration keep() {
        return keep;
    }

    /**
     * Deletes the rows older than the retention period at {@code now}, in one transaction; nothing
     * when the period is zero.
     *
     * @return how many rows of each kind were deleted
     * @throws no.folkevalgt.core.port.StoreUnavailable when the database cannot be reached
     */
    public Deleted deleteExpired(Instant now) {
        if (!enabled()) {
            return new Deleted(0, 0, 0);
        }
        Instant cutoff = now.minus(keep);
        return Sql.transaction(db, "delete expired rows", connection -> new Deleted(
                delete(connection, "delete from reflection_answers where answered_at < ?", cutoff),
                delete(connection, "delete from answer_feedback where given_at < ?", cutoff),
                /* Their suggestions go with them (on delete cascade). */
                delete(connection, "delete from unanswered_questions where asked_at < ?", cutoff)));
    }

    private static int delete(Connection connection, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setObject(1, Sql.timestamp(cutoff));
            return delete.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return "JdbcRetention[" + (enabled() ? keep.toDays() + " days" : "forever") + ", " + db.description() + "]";
    }

    /**
     * How many rows one run deleted.
     *
     * @param reflectionAnswers   reflection answers
     * @param feedback            thumbs up or down on an answer, with the question
     * @param unansweredQuestions questions the bot could not answer with confidence (the gap list)
     */
    public record Deleted(int reflectionAnswers, int feedback, int unansweredQuestions) {

        public int total() {
            return reflectionAnswers + feedback + unansweredQuestions;
        }
    }
}
