package no.folkevalgt.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.LessonStore;

/**
 * The lessons facilitators taught, in the {@code taught_questions} table, shared by every instance on
 * the database. Teaching a question again replaces its row (when two instances race on a new
 * question, the primary key lets one insert and the other then updates); undo deletes it.
 */
public final class JdbcLessonStore implements LessonStore {

    private final Database db;

    public JdbcLessonStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<Lesson> all() {
        return Sql.run(db, "read taught lessons", connection -> {
            List<Lesson> out = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select question, passage_id, reply, taught_at from taught_questions order by taught_at, question_key");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new Lesson(rs.getString("question"), rs.getString("passage_id"), rs.getString("reply"),
                            Sql.instant(rs, "taught_at")));
                }
            }
            return out;
        });
    }

    @Override
    public void save(Lesson lesson) {
        Objects.requireNonNull(lesson, "lesson");
        try {
            saveOnce(lesson);
        } catch (IllegalStateException e) {
            /* Another instance inserted the same question in between: its row is there now, so update it. */
            if (!(e.getCause() instanceof java.sql.SQLException sql) || !SqlErrors.isDuplicateKey(sql)) {
                throw e;
            }
            saveOnce(lesson);
        }
    }

    private void saveOnce(Lesson lesson) {
        Sql.transaction(db, "save a taught lesson", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update taught_questions set question = ?, passage_id = ?, reply = ?, taught_at = ? where question_key = ?")) {
                bind(update, lesson);
                update.setString(5, lesson.key());
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into taught_questions (question, passage_id, reply, taught_at, question_key) values (?, ?, ?, ?, ?)")) {
                bind(insert, lesson);
                insert.setString(5, lesson.key());
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement statement, Lesson lesson) throws java.sql.SQLException {
        statement.setString(1, Sql.withoutNul(lesson.question()));
        statement.setString(2, lesson.passageId());
        statement.setString(3, lesson.reply() == null ? null : Sql.withoutNul(lesson.reply()));
        statement.setObject(4, Sql.timestamp(lesson.at()));
    }

    @Override
    public Lesson remove(String question) {
        Objects.requireNonNull(question, "question");
        String key = Lesson.keyOf(question);
        return Sql.transaction(db, "undo a taught lesson", connection -> {
            Lesson found = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "select question, passage_id, reply, taught_at from taught_questions where question_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        found = new Lesson(rs.getString("question"), rs.getString("passage_id"), rs.getString("reply"),
                                Sql.instant(rs, "taught_at"));
                    }
                }
            }
            if (found != null) {
                try (PreparedStatement delete = connection.prepareStatement("delete from taught_questions where question_key = ?")) {
                    delete.setString(1, key);
                    delete.executeUpdate();
                }
            }
            return found;
        });
    }

    @Override
    public String toString() {
        return "JdbcLessonStore[" + db.description() + "]";
    }
}
