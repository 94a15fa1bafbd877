package no.folkevalgt.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import no.folkevalgt.core.port.DialogueMemory;

/**
 * The conversations' last questions in the {@code dialogue_turns} table, shared by every instance on
 * the database. One row per conversation; remembering replaces it (when two first writes race, the
 * primary key lets one insert and the other update). Expired rows are never returned, and are deleted
 * at most once a minute by the instance that writes.
 */
public final class JdbcDialogueMemory implements DialogueMemory {

    /** How often expired turns are deleted, at most. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /* Passage ids are "file#slide": a file name has no line break, so one id per line. */
    private static final String SEPARATOR = "\n";

    private final Database db;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    public JdbcDialogueMemory(Database db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock when expired turns were last purged; the turns' own expiry decides what is read */
    public JdbcDialogueMemory(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Turn> recall(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        return Sql.run(db, "recall dialogue turn", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select topic, query, shown, outcome, expires_at from dialogue_turns"
                            + " where conversation_key = ? and expires_at > ?")) {
                select.setString(1, key);
                select.setObject(2, Sql.timestamp(now));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Turn>empty();
                    }
                    String shown = rs.getString("shown");
                    List<String> ids = shown.isEmpty() ? List.of() : Arrays.asList(shown.split(SEPARATOR));
                    return Optional.of(new Turn(rs.getString("topic"), rs.getString("query"), ids,
                            rs.getString("outcome"), Sql.instant(rs, "expires_at")));
                }
            }
        });
    }

    @Override
    public void remember(String key, Turn turn) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(turn, "turn");
        Sql.transaction(db, "remember dialogue turn", connection -> {
            if (update(connection, key, turn) > 0) {
                return null;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into dialogue_turns (conversation_key, topic, query, shown, outcome, expires_at)"
                            + " values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key);
                bind(insert, 2, turn);
                insert.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
            /* Another write for the same conversation inserted first; this one replaces it. */
            connection.rollback();
            update(connection, key, turn);
            return null;
        });
        purgeExpired();
    }

    @Override
    public void forget(String key) {
        Objects.requireNonNull(key, "key");
        Sql.run(db, "forget dialogue turn", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from dialogue_turns where conversation_key = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate();
            }
        });
    }

    /** Deletes expired turns; returns how many. Runs at most once per {@link #PURGE_EVERY} unless forced. */
    int purgeExpired() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return 0;
        }
        return Sql.run(db, "purge dialogue turns", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from dialogue_turns where expires_at <= ?")) {
                delete.setObject(1, Sql.timestamp(now));
                return delete.executeUpdate();
            }
        });
    }

    private static int update(Connection connection, String key, Turn turn) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update dialogue_turns set topic = ?, query = ?, shown = ?, outcome = ?, expires_at = ?"
                        + " where conversation_key = ?")) {
            bind(update, 1, turn);
            update.setString(6, key);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, int first, Turn turn) throws SQLException {
        statement.setString(first, Sql.withoutNul(turn.topic()));
        statement.setString(first + 1, Sql.withoutNul(turn.query()));
        statement.setString(first + 2, Sql.withoutNul(String.join(SEPARATOR, turn.shown())));
        statement.setString(first + 3, turn.outcome());
        statement.setObject(first + 4, Sql.timestamp(turn.expiresAt()));
    }

    @Override
    public String toString() {
        return "JdbcDialogueMemory[" + db.description() + "]";
    }
}
