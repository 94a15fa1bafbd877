package no.folkevalgt.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.DeliveryStatus;

/** The delivery log in the {@code delivery_log} table: appended to, never updated. */
public final class JdbcDeliveryLog implements DeliveryLog {

    static final int MAX_POST_ID = 512;
    private static final int MAX_DETAIL = 2000;
    private static final int MAX_INSTANCE = 255;
    private static final String COLUMNS = "post_id, channel_platform, channel_id, attempt, attempted_at, status, detail, instance";

    private final Database db;

    public JdbcDeliveryLog(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void record(DeliveryAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        if (attempt.postId().length() > MAX_POST_ID) {
            throw new IllegalArgumentException("a post id has at most " + MAX_POST_ID + " characters but had "
                    + attempt.postId().length() + ": " + attempt.postId().substring(0, 40) + "...");
        }
        Sql.run(db, "record a delivery attempt", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into delivery_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, attempt.postId());
                insert.setString(2, attempt.channel().platform());
                insert.setString(3, attempt.channel().id());
                insert.setInt(4, attempt.attempt());
                insert.setObject(5, Sql.timestamp(attempt.at()));
                insert.setString(6, attempt.status().name());
                insert.setString(7, Sql.truncate(Sql.withoutNul(attempt.detail()), MAX_DETAIL));
                insert.setString(8, Sql.truncate(Sql.withoutNul(attempt.instance()), MAX_INSTANCE));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<DeliveryAttempt> attempts(String postId) {
        Objects.requireNonNull(postId, "postId");
        return Sql.run(db, "read delivery attempts", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from delivery_log where post_id = ? order by attempted_at, id")) {
                select.setString(1, postId);
                return read(select);
            }
        });
    }

    @Override
    public List<DeliveryAttempt> all() {
        return Sql.run(db, "read the delivery log", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from delivery_log order by attempted_at, id")) {
                return read(select);
            }
        });
    }

    @Override
    public boolean delivered(String postId) {
        Objects.requireNonNull(postId, "postId");
        return Sql.run(db, "check a delivery", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select count(*) from delivery_log where post_id = ? and status in ('SENT', 'LATE')")) {
                select.setString(1, postId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        });
    }

    @Override
    public Map<String, DeliveryStatus> latest() {
        return Sql.run(db, "read the latest delivery statuses", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select d.post_id, d.status from delivery_log d"
                            + " where d.id = (select max(l.id) from delivery_log l where l.post_id = d.post_id)"
                            + " order by d.post_id");
                 ResultSet rs = select.executeQuery()) {
                Map<String, DeliveryStatus> latest = new LinkedHashMap<>();
                while (rs.next()) {
                    latest.put(rs.getString(1), DeliveryStatus.valueOf(rs.getString(2)));
                }
                return latest;
            }
        });
    }

    private static List<DeliveryAttempt> read(PreparedStatement select) throws SQLException {
        List<DeliveryAttempt> attempts = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                attempts.add(new DeliveryAttempt(rs.getString("post_id"),
                        new ChannelRef(rs.getString("channel_platform"), rs.getString("channel_id")),
                        rs.getInt("attempt"), Sql.instant(rs, "attempted_at"),
                        DeliveryStatus.valueOf(rs.getString("status")), rs.getString("detail"), rs.getString("instance")));
            }
        }
        return attempts;
    }

    @Override
    public String toString() {
        return "JdbcDeliveryLog[" + db.description() + "]";
    }
}
