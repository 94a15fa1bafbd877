package no.folkevalgt.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import no.folkevalgt.core.UnansweredStore;

/**
 * Declined questions in the {@code unanswered_questions} table. Who asked is not stored at all.
 * Questions longer than 10,000 characters are cut to that length.
 */
public final class JdbcUnansweredStore implements UnansweredStore {

    private final Database db;

    public JdbcUnansweredStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void record(String platform, String question, Instant at) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(at, "at");
        Sql.run(db, "record an unanswered question", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into unanswered_questions (platform, question, asked_at) values (?, ?, ?)")) {
                insert.setString(1, platform);
                insert.setString(2, Sql.truncate(Sql.withoutNul(question), JdbcFeedbackStore.MAX_QUESTION));
                insert.setObject(3, Sql.timestamp(at));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<Unanswered> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more but was " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return Sql.run(db, "read unanswered questions", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select question, platform, asked_at from unanswered_questions order by asked_at desc, id desc")) {
                select.setMaxRows(limit);
                List<Unanswered> recent = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        recent.add(new Unanswered(rs.getString("question"), rs.getString("platform"), Sql.instant(rs, "asked_at")));
                    }
                }
                return recent;
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcUnansweredStore[" + db.description() + "]";
    }
}
