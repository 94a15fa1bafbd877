package no.folkevalgt.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import no.folkevalgt.core.port.ChannelRef;

/**
 * Time-limited leases on channels in {@code post_channel_leases}, shared by every instance on the
 * database: at most one holder per channel at a time, and a lease not renewed runs out by itself.
 * The post scheduler holds one while it posts to a channel, so that posts to a channel go out one
 * at a time and in order, whichever instance sends them.
 *
 * <p>A holder is an instance name: an instance may take a lease it holds already (again, or after
 * it failed to release it); two threads of one instance must serialise among themselves.
 */
public final class JdbcChannelLeases {

    private static final int MAX_HOLDER = 255;

    private final Database db;

    public JdbcChannelLeases(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Takes or renews the lease on {@code channel} for {@code holder} until {@code now + length},
     * if nobody else holds it or their lease ran out before {@code now}.
     *
     * @return whether {@code holder} holds the lease now
     * @throws no.folkevalgt.core.port.StoreUnavailable when the database cannot be reached
     */
    public boolean tryAcquire(ChannelRef channel, String holder, Instant now, Duration length) {
        Objects.requireNonNull(channel, "channel");
        checkHolder(holder);
        long until = now.plus(length).toEpochMilli();
        return Sql.run(db, "take a channel lease", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update post_channel_leases set holder = ?, held_until = ?"
                            + " where channel_platform = ? and channel_id = ?"
                            + " and (holder is null or holder = ? or held_until < ?)")) {
                update.setString(1, holder);
                update.setLong(2, until);
                update.setString(3, channel.platform());
                update.setString(4, channel.id());
                update.setString(5, holder);
                update.setLong(6, now.toEpochMilli());
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into post_channel_leases (channel_platform, channel_id, holder, held_until) values (?, ?, ?, ?)")) {
                insert.setString(1, channel.platform());
                insert.setString(2, channel.id());
                insert.setString(3, holder);
                insert.setLong(4, until);
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (SqlErrors.isDuplicateKey(e)) {
                    /* The row exists and somebody else holds it (or took it just now). */
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Extends a lease {@code holder} holds to {@code now + length}; unlike {@link #tryAcquire} it never
     * takes a free or released lease.
     *
     * @return whether {@code holder} still held it
     */
    public boolean renew(ChannelRef channel, String holder, Instant now, Duration length) {
        return updateHeld("renew a channel lease", "held_until = ?", channel, holder, now.plus(length).toEpochMilli()) == 1;
    }

    /** Gives the lease up if {@code holder} holds it; does nothing otherwise. */
    public void release(ChannelRef channel, String holder) {
        updateHeld("release a channel lease", "holder = null", channel, holder);
    }

    /**
     * Notes that {@code holder} is handing {@code postId} to the platform from {@code since} on; call
     * while holding the lease, right before the call. Replaces an earlier note.
     *
     * @return false when {@code holder} does not hold the lease (it ran out and was taken over)
     */
    public boolean markSending(ChannelRef channel, String holder, String postId, Instant since) {
        Objects.requireNonNull(postId, "postId");
        return updateHeld("note a post being sent", "sending_post_id = ?, sending_since = ?, sending_holder = ?",
                channel, holder, postId, since.toEpochMilli(), holder) == 1;
    }

    /** Removes the note of a post being sent, once its outcome is recorded; only the lease's holder can. */
    public void clearSending(ChannelRef channel, String holder) {
        updateHeld("clear the note of a post being sent", "sending_post_id = null, sending_since = null, sending_holder = null",
                channel, holder);
    }

    /* "update ... set <assignments> where <the channel> and holder = <holder>", with the values of the assignments first. */
    private int updateHeld(String operation, String assignments, ChannelRef channel, String holder, Object... values) {
        Objects.requireNonNull(channel, "channel");
        checkHolder(holder);
        return Sql.run(db, operation, connection -> {
            try (PreparedStatement update = connection.prepareStatement("update post_channel_leases set " + assignments
                    + " where channel_platform = ? and channel_id = ? and holder = ?")) {
                int i = 1;
                for (Object value : values) {
                    update.setObject(i++, value);
                }
                update.setString(i++, channel.platform());
                update.setString(i++, channel.id());
                update.setString(i, holder);
                return update.executeUpdate();
            }
        });
    }

    /** The post noted as being sent to {@code channel}, if any: left there by an instance that stopped mid-post, or by the holder itself. */
    public Optional<InFlight> inFlight(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        return Sql.run(db, "read the note of a post being sent", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select sending_post_id, sending_since, sending_holder from post_channel_leases"
                            + " where channel_platform = ? and channel_id = ? and sending_post_id is not null")) {
                select.setString(1, channel.platform());
                select.setString(2, channel.id());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new InFlight(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
                }
            }
        });
    }

    /**
     * A post noted as being handed to the platform.
     *
     * @param postId the planned post
     * @param since  when the call began
     * @param holder the instance that made it
     */
    public record InFlight(String postId, Instant since, String holder) {
    }

    private static void checkHolder(String holder) {
        Objects.requireNonNull(holder, "holder");
        if (holder.isEmpty() || holder.length() > MAX_HOLDER) {
            throw new IllegalArgumentException("a lease holder has 1 to " + MAX_HOLDER + " characters");
        }
    }

    @Override
    public String toString() {
        return "JdbcChannelLeases[" + db.description() + "]";
    }
}
