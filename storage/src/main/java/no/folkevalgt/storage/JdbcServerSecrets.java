package no.folkevalgt.storage;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets the server makes for itself, kept in the {@code server_secrets} table so that every
 * instance on one database shares them: the key that signs the web chat's session cookies is one.
 *
 * <p>{@link #secret(String)} reads the named secret, or makes 32 random bytes and inserts them; of
 * two instances that both find none, one inserts and the other finds the key taken and reads the
 * first one's, so all end up with the same secret. A secret is never logged, nor put in an error.
 */
public final class JdbcServerSecrets {

    /** How many random bytes a new secret has. */
    public static final int BYTES = 32;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    public JdbcServerSecrets(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * The secret of this name, made and stored on first use.
     *
     * @param name lower-case letters, digits, {@code . _ -}; at most 64 characters
     */
    public byte[] secret(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret's name is lower-case letters, digits, '.', '_' and '-'");
        }
        return Sql.run(db, "read or make the server secret " + name, connection -> {
            Optional<byte[]> stored = read(connection, name);
            if (stored.isPresent()) {
                return stored.get();
            }
            byte[] made = new byte[BYTES];
            RANDOM.nextBytes(made);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into server_secrets (name, secret, created_at) values (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, Base64.getEncoder().encodeToString(made));
                insert.setObject(3, Sql.timestamp(Sql.stored(Instant.now())));
                insert.executeUpdate();
                return made;
            } catch (SQLException e) {
                if (SqlErrors.isDuplicateKey(e)) {
                    /* Another instance made it first: use theirs. */
                    return read(connection, name).orElseThrow(() -> e);
                }
                throw e;
            }
        });
    }

    private static Optional<byte[]> read(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select secret from server_secrets where name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(Base64.getDecoder().decode(rs.getString(1))) : Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcServerSecrets[" + db.description() + "]";
    }
}
