package no.folkevalgt.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import no.folkevalgt.core.port.RequestIds;

/**
 * Request ids in the {@code platform_request_ids} table, shared by every instance on the database. The
 * primary key decides which of two racing offers takes an id: the insert that succeeds. An id whose row
 * has expired is taken again by the one update that finds it expired. Expired rows are deleted at most
 * once a minute by the instance that writes.
 */
public final class JdbcRequestIds implements RequestIds {

    /** How often expired ids are deleted, at most. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    static final int MAX_PLATFORM = 32;
    static final int MAX_ID = 200;

    private final Database db;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    public JdbcRequestIds(Database db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock when an id is taken, and so when it expires */
    public JdbcRequestIds(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstTime(String platform, String id, Duration keep) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        if (platform.isEmpty() || platform.length() > MAX_PLATFORM) {
            throw new IllegalArgumentException("platform must be 1 to " + MAX_PLATFORM + " characters but was " + platform);
        }
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("keep must be positive but was " + keep);
        }
        String key = key(id);
        Instant now = Sql.stored(clock.instant());
        Instant expires = now.plus(keep);
        boolean first = Sql.run(db, "take request id", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into platform_request_ids (platform, request_id, expires_at) values (?, ?, ?)")) {
                insert.setString(1, platform);
                insert.setString(2, key);
                insert.setObject(3, Sql.timestamp(expires));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
            /* Taken before: again only when that has expired, and only by one of several racing offers. */
            try (PreparedStatement update = connection.prepareStatement(
                    "update platform_request_ids set expires_at = ?"
                            + " where platform = ? and request_id = ? and expires_at <= ?")) {
                update.setObject(1, Sql.timestamp(expires));
                update.setString(2, platform);
                update.setString(3, key);
                update.setObject(4, Sql.timestamp(now));
                return update.executeUpdate() == 1;
            }
        });
        purgeExpired();
        return first;
    }

    /** Deletes expired ids; returns how many. Runs at most once per {@link #PURGE_EVERY} unless forced. */
    int purgeExpired() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return 0;
        }
        return Sql.run(db, "purge request ids", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from platform_request_ids where expires_at <= ?")) {
                delete.setObject(1, Sql.timestamp(now));
                return delete.executeUpdate();
            }
        });
    }

    /* The id as stored: itself, or "sha256:" and its hash when it is longer than the column. */
    static String key(String id) {
        String clean = Sql.withoutNul(id);
        if (clean.length() <= MAX_ID) {
            return clean;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(clean.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "JdbcRequestIds[" + db.description() + "]";
    }
}
