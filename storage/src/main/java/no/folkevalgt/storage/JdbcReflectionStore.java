package no.folkevalgt.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;

/**
 * Reflection answers in the {@code reflection_answers} table. Each call is one statement in its own
 * transaction, committed before it returns.
 *
 * <p>Idempotent by request id per user: the table has a unique key on (platform, user_id, request_id),
 * so of two calls by one user with the same id, concurrent or not, on one instance or two, one
 * inserts and the other finds the key taken and returns the first answer. Two users who send the same
 * id (the web chat's ids are chosen by the browser) each get their own answer stored.
 */
public final class JdbcReflectionStore implements ReflectionStore {

    private static final int MAX_REQUEST_ID = 255;
    private static final String COLUMNS = "id, prompt, platform, user_id, answer, answered_at";

    private final Database db;

    public JdbcReflectionStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public ReflectionAnswer add(int prompt, String platform, String user, String text, Instant at, String requestId) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        /* Validates before anything is written: the record refuses a bad prompt or text. */
        ReflectionAnswer answer = new ReflectionAnswer(1, prompt, platform, user, Sql.withoutNul(text), Sql.stored(at));
        String key = requestKey(requestId);
        try (Connection connection = db.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into reflection_answers (prompt, platform, user_id, answer, answered_at, request_id) values (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                insert.setInt(1, answer.prompt());
                insert.setString(2, answer.platform());
                insert.setString(3, answer.user());
                insert.setString(4, answer.text());
                insert.setObject(5, Sql.timestamp(answer.at()));
                insert.setString(6, key);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("the database returned no id for a new reflection answer");
                    }
                    return new ReflectionAnswer(keys.getLong(1), answer.prompt(), answer.platform(), answer.user(),
                            answer.text(), answer.at());
                }
            } catch (SQLException e) {
                if (key != null && SqlErrors.isDuplicateKey(e)) {
                    /* A retry of a command already stored, maybe still in flight on another thread. */
                    Optional<ReflectionAnswer> first = byRequest(connection, answer.platform(), answer.user(), key);
                    if (first.isPresent()) {
                        return first.get();
                    }
                }
                throw e;
            }
        } catch (SQLException e) {
            throw db.translate("add reflection answer", e);
        }
    }

    private static Optional<ReflectionAnswer> byRequest(Connection connection, String platform, String user, String key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from reflection_answers where platform = ? and user_id = ? and request_id = ?")) {
            select.setString(1, platform);
            select.setString(2, user);
            select.setString(3, key);
            List<ReflectionAnswer> found = read(select);
            return found.stream().findFirst();
        }
    }

    /* Ids longer than the column are kept as their hash: still unique, still the same for a retry. */
    private static String requestKey(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return null;
        }
        if (requestId.length() <= MAX_REQUEST_ID) {
            return requestId;
        }
        return "sha256:" + sha256(requestId);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public List<ReflectionAnswer> forPrompt(int prompt) {
        return Sql.run(db, "list answers to a prompt", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from reflection_answers where prompt = ? order by answered_at, id")) {
                select.setInt(1, prompt);
                return read(select);
            }
        });
    }

    @Override
    public List<ReflectionAnswer> byUser(String platform, String user) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        return Sql.run(db, "list a user's answers", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from reflection_answers where platform = ? and user_id = ? order by answered_at, id")) {
                select.setString(1, platform);
                select.setString(2, user);
                return read(select);
            }
        });
    }

    @Override
    public int delete(String platform, String user, int prompt) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        if (prompt < 0) {
            throw new IllegalArgumentException("prompt must be 0 (all) or a prompt number but was " + prompt);
        }
        return Sql.run(db, "delete a user's answers", connection -> {
            String sql = "delete from reflection_answers where platform = ? and user_id = ?" + (prompt == 0 ? "" : " and prompt = ?");
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setString(1, platform);
                delete.setString(2, user);
                if (prompt != 0) {
                    delete.setInt(3, prompt);
                }
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int count(int prompt) {
        return Sql.run(db, "count answers", connection -> {
            try (PreparedStatement select = connection.prepareStatement("select count(*) from reflection_answers where prompt = ?")) {
                select.setInt(1, prompt);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static List<ReflectionAnswer> read(PreparedStatement select) throws SQLException {
        List<ReflectionAnswer> answers = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                answers.add(new ReflectionAnswer(rs.getLong("id"), rs.getInt("prompt"), rs.getString("platform"),
                        rs.getString("user_id"), rs.getString("answer"), Sql.instant(rs, "answered_at")));
            }
        }
        return answers;
    }

    @Override
    public String toString() {
        return "JdbcReflectionStore[" + db.description() + "]";
    }
}
