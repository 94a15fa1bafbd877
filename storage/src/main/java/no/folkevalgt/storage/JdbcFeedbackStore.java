package no.folkevalgt.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;

/**
 * Answer feedback in the {@code answer_feedback} table, one row per user, question and passage.
 * A second click updates that row; when two first clicks race, the unique key lets one insert and
 * the other update.
 */
public final class JdbcFeedbackStore implements FeedbackStore {

    static final int MAX_QUESTION = 10_000;

    private final Database db;

    public JdbcFeedbackStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void record(Feedback feedback) {
        Objects.requireNonNull(feedback, "feedback");
        String question = Sql.truncate(Sql.withoutNul(feedback.question()), MAX_QUESTION);
        String key = JdbcReflectionStore.sha256(feedback.question());
        Sql.transaction(db, "record feedback", connection -> {
            if (update(connection, feedback, question, key) > 0) {
                return null;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into answer_feedback (platform, user_id, question, question_key, passage_id, helpful, given_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, feedback.platform());
                insert.setString(2, feedback.user());
                insert.setString(3, question);
                insert.setString(4, key);
                insert.setString(5, feedback.passageId());
                insert.setBoolean(6, feedback.helpful());
                insert.setObject(7, Sql.timestamp(feedback.at()));
                insert.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
            /* Another click for the same key inserted first; this one replaces it. */
            connection.rollback();
            if (update(connection, feedback, question, key) == 0) {
                throw new IllegalStateException("feedback row vanished while it was being replaced");
            }
            return null;
        });
    }

    private static int update(Connection connection, Feedback feedback, String question, String key) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update answer_feedback set helpful = ?, given_at = ?, question = ?"
                        + " where platform = ? and user_id = ? and question_key = ? and passage_id = ?")) {
            update.setBoolean(1, feedback.helpful());
            update.setObject(2, Sql.timestamp(feedback.at()));
            update.setString(3, question);
            update.setString(4, feedback.platform());
            update.setString(5, feedback.user());
            update.setString(6, key);
            update.setString(7, feedback.passageId());
            return update.executeUpdate();
        }
    }

    @Override
    public List<Feedback> all() {
        return Sql.run(db, "read feedback", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select platform, user_id, question, passage_id, helpful, given_at from answer_feedback order by given_at desc, id desc");
                 ResultSet rs = select.executeQuery()) {
                List<Feedback> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(new Feedback(rs.getString("platform"), rs.getString("user_id"), rs.getString("question"),
                            rs.getString("passage_id"), rs.getBoolean("helpful"), Sql.instant(rs, "given_at")));
                }
                return all;
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcFeedbackStore[" + db.description() + "]";
    }
}
