package no.folkevalgt.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.ConversationStore;

/**
 * Conversation references in the {@code conversations} table, one row per platform and conversation.
 * Saving updates that row; when two first saves race, the primary key lets one insert and the other
 * update.
 */
public final class JdbcConversationStore implements ConversationStore {

    private final Database db;

    public JdbcConversationStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void save(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        Sql.transaction(db, "save conversation", connection -> {
            if (update(connection, conversation) > 0) {
                return null;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into conversations (platform, conversation_id, tenant, reference, updated_at) values (?, ?, ?, ?, ?)")) {
                insert.setString(1, conversation.channel().platform());
                insert.setString(2, conversation.channel().id());
                insert.setString(3, Sql.withoutNul(conversation.tenant()));
                insert.setString(4, Sql.withoutNul(conversation.reference()));
                insert.setObject(5, Sql.timestamp(conversation.updatedAt()));
                insert.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
            /* Another save for the same conversation inserted first; this one replaces it. */
            connection.rollback();
            if (update(connection, conversation) == 0) {
                throw new IllegalStateException("conversation row vanished while it was being replaced");
            }
            return null;
        });
    }

    private static int update(Connection connection, Conversation conversation) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update conversations set tenant = ?, reference = ?, updated_at = ? where platform = ? and conversation_id = ?")) {
            update.setString(1, Sql.withoutNul(conversation.tenant()));
            update.setString(2, Sql.withoutNul(conversation.reference()));
            update.setObject(3, Sql.timestamp(conversation.updatedAt()));
            update.setString(4, conversation.channel().platform());
            update.setString(5, conversation.channel().id());
            return update.executeUpdate();
        }
    }

    @Override
    public Optional<Conversation> find(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        return Sql.run(db, "find conversation", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select platform, conversation_id, tenant, reference, updated_at from conversations"
                            + " where platform = ? and conversation_id = ?")) {
                select.setString(1, channel.platform());
                select.setString(2, channel.id());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Conversation>empty();
                }
            }
        });
    }

    @Override
    public List<Conversation> all(String platform) {
        Objects.requireNonNull(platform, "platform");
        return Sql.run(db, "list conversations", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select platform, conversation_id, tenant, reference, updated_at from conversations"
                            + " where platform = ? order by updated_at desc, conversation_id")) {
                select.setString(1, platform);
                try (ResultSet rs = select.executeQuery()) {
                    List<Conversation> all = new ArrayList<>();
                    while (rs.next()) {
                        all.add(read(rs));
                    }
                    return all;
                }
            }
        });
    }

    @Override
    public boolean remove(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        return Sql.run(db, "remove conversation", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from conversations where platform = ? and conversation_id = ?")) {
                delete.setString(1, channel.platform());
                delete.setString(2, channel.id());
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static Conversation read(ResultSet rs) throws SQLException {
        return new Conversation(new ChannelRef(rs.getString("platform"), rs.getString("conversation_id")),
                rs.getString("tenant"), rs.getString("reference"), Sql.instant(rs, "updated_at"));
    }

    @Override
    public String toString() {
        return "JdbcConversationStore[" + db.description() + "]";
    }
}
