package no.folkevalgt.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.UnansweredStore;

/**
 * Declined and unsure questions in the {@code unanswered_questions} table, with the slides an unsure
 * answer suggested in {@code unanswered_suggestions}. Who asked is not stored at all. Questions longer
 * than 10,000 characters are cut to that length, suggested titles to 2,000 and sources to 1,000.
 */
public final class JdbcUnansweredStore implements UnansweredStore {

    static final int MAX_TITLE = 2000;
    static final int MAX_SOURCE = 1000;

    private final Database db;

    public JdbcUnansweredStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void record(Unanswered question) {
        Objects.requireNonNull(question, "question");
        Sql.transaction(db, "record an unanswered question", connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into unanswered_questions (platform, question, asked_at, reason) values (?, ?, ?, ?)",
                    new String[] {"id"})) {
                insert.setString(1, question.platform());
                insert.setString(2, Sql.truncate(Sql.withoutNul(question.question()), JdbcFeedbackStore.MAX_QUESTION));
                insert.setObject(3, Sql.timestamp(question.at()));
                insert.setString(4, question.reason().name());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no id was generated for the unanswered question");
                    }
                    id = keys.getLong(1);
                }
            }
            if (question.suggested().isEmpty()) {
                return null;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into unanswered_suggestions (question_id, position, title, slide, source) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < question.suggested().size(); i++) {
                    Citation slide = question.suggested().get(i);
                    insert.setLong(1, id);
                    insert.setInt(2, i);
                    insert.setString(3, cleaned(slide.title(), MAX_TITLE));
                    insert.setInt(4, slide.slide());
                    insert.setString(5, cleaned(slide.source(), MAX_SOURCE));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
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
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, question, platform, asked_at, reason from unanswered_questions"
                            + " order by asked_at desc, id desc")) {
                select.setMaxRows(limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong("id"), rs.getString("question"), rs.getString("platform"),
                                Sql.instant(rs, "asked_at"), Reason.valueOf(rs.getString("reason"))));
                    }
                }
            }
            Map<Long, List<Citation>> suggested = suggested(connection, rows);
            List<Unanswered> recent = new ArrayList<>(rows.size());
            for (Row row : rows) {
                recent.add(new Unanswered(row.question(), row.platform(), row.at(), row.reason(),
                        suggested.getOrDefault(row.id(), List.of())));
            }
            return recent;
        });
    }

    /* The suggested slides of the unsure questions among rows, by question id, in the order offered. */
    private static Map<Long, List<Citation>> suggested(Connection connection, List<Row> rows)
            throws SQLException {
        List<Long> unsure = rows.stream().filter(r -> r.reason() == Reason.UNSURE).map(Row::id).toList();
        if (unsure.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(unsure.size(), "?"));
        Map<Long, List<Citation>> out = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select question_id, title, slide, source from unanswered_suggestions where question_id in ("
                        + marks + ") order by question_id, position")) {
            for (int i = 0; i < unsure.size(); i++) {
                select.setLong(i + 1, unsure.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong("question_id"), id -> new ArrayList<>())
                            .add(new Citation(rs.getString("title"), rs.getInt("slide"), rs.getString("source")));
                }
            }
        }
        return out;
    }

    /* Without NUL and cut to fit; never blank, so that it reads back as a valid Citation. */
    private static String cleaned(String text, int max) {
        String cleaned = Sql.truncate(Sql.withoutNul(text), max);
        return cleaned.isBlank() ? "?" : cleaned;
    }

    private record Row(long id, String question, String platform, Instant at, Reason reason) {
    }

    @Override
    public String toString() {
        return "JdbcUnansweredStore[" + db.description() + "]";
    }
}
