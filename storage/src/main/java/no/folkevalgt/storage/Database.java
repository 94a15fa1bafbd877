package no.folkevalgt.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import no.folkevalgt.core.port.StoreUnavailable;

/**
 * The application database: a connection pool on H2 or PostgreSQL, migrated to the current schema
 * when it opens. Every store and the post scheduler take one.
 *
 * <pre>{@code
 * try (Database db = Database.fromSetting(System.getenv("DATABASE_URL"), Path.of("data"))) {
 *     ReflectionStore answers = new JdbcReflectionStore(db);
 *     ...
 * }
 * }</pre>
 *
 * <p>{@code DATABASE_URL} may be a JDBC URL ({@code jdbc:postgresql://host/db?user=..&password=..},
 * {@code jdbc:h2:...}), a Heroku-style {@code postgres://user:password@host:5432/db}, or empty for the
 * embedded default: an H2 file {@code folkevalgt.mv.db} in the data folder. Passwords are taken out of
 * the URL before it is used anywhere, so {@link #toString()}, the logs and the error messages never
 * show them.
 *
 * <p>The embedded default is opened in H2's PostgreSQL mode (one set of migrations for both), with
 * every commit written to the file before the statement returns ({@code WRITE_DELAY=0}), and in H2's
 * automatic mixed mode ({@code AUTO_SERVER=TRUE}): a second process on the same machine, such as
 * {@code ./bot export} while the bot runs, opens the same file through a TCP server the first process
 * starts on the loopback interface. For that, opening it sets the {@code h2.bindAddress} system
 * property to 127.0.0.1 unless it is set already.
 */
public final class Database implements AutoCloseable {

    /** The database products the migrations are written for. */
    public enum Dialect {
        H2, POSTGRESQL
    }

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /*
     * H2 in its PostgreSQL mode with lower-case identifiers, so that one set of migrations and
     * queries serves both. AUTO_SERVER lets a second process (./bot export while the bot runs, a
     * second bot instance) open the same file through a TCP server the first one starts; see
     * bindAutoServerToLoopback for where that server listens.
     */
    static final String H2_COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /*
     * H2 writes commits to its file up to WRITE_DELAY (500 ms) later: a bot killed in that half
     * second loses answers it had confirmed (EmbeddedDefaultDurabilityTest). With 0 each commit is in
     * the file (the operating system's cache) when the statement returns.
     */
    static final String H2_DURABLE = ";WRITE_DELAY=0";
    static final String H2_DEFAULT_FILE = "folkevalgt";

    /* Where a URL's authority starts; its user info runs to the last '@' of the URL. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;

    private Database(HikariDataSource pool, Dialect dialect, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
    }

    /**
     * Opens a database by JDBC URL and migrates it.
     *
     * @param user     may be null when the URL carries it (or for H2, where it defaults to {@code sa})
     * @param password may be null
     * @throws StoreUnavailable when the database cannot be reached
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return builder(jdbcUrl).user(user).password(password).open();
    }

    /**
     * Opens the database a {@code DATABASE_URL} setting names, or the embedded H2 file under
     * {@code dataDir} when the setting is null or blank.
     *
     * @throws IllegalArgumentException when the setting is no URL this class understands
     * @throws StoreUnavailable         when the database cannot be reached
     */
    public static Database fromSetting(String databaseUrl, Path dataDir) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return builder(embeddedUrl(dataDir)).open();
        }
        String url = databaseUrl.strip();
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return fromHerokuUrl(url);
        }
        if (url.startsWith("jdbc:")) {
            return builder(url).open();
        }
        throw new IllegalArgumentException("DATABASE_URL må være en JDBC-adresse (jdbc:postgresql://..., jdbc:h2:...) eller "
                + "postgres://bruker:passord@vert:5432/database, eller tom for den innebygde H2-fila, men er "
                + maskUrl(url));
    }

    /** A builder for the settings {@link #open} leaves at their defaults. */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /** The H2 file URL of the embedded default in {@code dataDir}. */
    static String embeddedUrl(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new IllegalArgumentException("the data folder must not contain ';' (H2 reads it as a setting): " + dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        return "jdbc:h2:file:" + dir.resolve(H2_DEFAULT_FILE) + H2_COMPATIBILITY + H2_DURABLE + ";AUTO_SERVER=TRUE";
    }

    /*
     * postgres://user:password@host:port/database?params. The user info ends at the last '@' before
     * the query, so a password may hold '/', '@' or ':' unencoded; percent-encoded characters (%40) are
     * decoded. The URI class is not used on the whole URL: it reads "u:pa/ss@host" as host "u".
     */
    private static Database fromHerokuUrl(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int query = rest.indexOf('?');
        int at = (query < 0 ? rest : rest.substring(0, query)).lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        URI uri;
        try {
            uri = new URI("postgres://" + rest.substring(at + 1));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + maskUrl(url), null);
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("DATABASE_URL needs a host and a database: postgres://user:password@host:5432/database, but was "
                    + maskUrl(url));
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : percentDecode(userInfo.substring(colon + 1));
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return builder(jdbc.toString()).user(user).password(password).open();
    }

    /* %XX sequences to the UTF-8 characters they encode; a '%' not followed by two hex digits stays. */
    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The pool, for the scheduler and for tests. */
    public DataSource dataSource() {
        return pool;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Checks that the database answers, for health checks.
     *
     * @return how long the round trip took
     * @throws StoreUnavailable when it does not answer within two seconds
     */
    public Duration ping() {
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(2)) {
                throw new StoreUnavailable("The database " + description + " did not answer within 2 s", null);
            }
        } catch (SQLException e) {
            throw unavailable("ping", e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return pool.isClosed();
    }

    /** Closes the pool. Stop the scheduler first. */
    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            log.info("Closed database {}", description);
        }
    }

    /** The URL and user, without any password. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }

    /**
     * Turns a SQLException into what the stores throw: {@link StoreUnavailable} when the database could
     * not be reached (or the pool is closed), an IllegalStateException for anything else.
     */
    RuntimeException translate(String operation, SQLException e) {
        if (pool.isClosed() || SqlErrors.isUnavailable(e)) {
            return unavailable(operation, e);
        }
        return new IllegalStateException("Database error in " + operation + " on " + description + ": "
                + mask(String.valueOf(e.getMessage())) + " (SQLState " + e.getSQLState() + ")", e);
    }

    private StoreUnavailable unavailable(String operation, Exception e) {
        return new StoreUnavailable("The database " + description + " could not be reached (" + operation + "): "
                + mask(String.valueOf(e.getMessage())), e);
    }

    /**
     * Hides the user info and password of every URL in a message: {@code postgres://u:p@host/db}
     * becomes {@code postgres://***@host/db} and {@code ?password=p} becomes {@code ?password=***},
     * whatever characters the password holds. A URL's user info is taken to run from {@code ://} to
     * the last {@code @} before the next white space, so a password with {@code /}, {@code @} or
     * {@code :} in it is hidden whole (an {@code @} later in the URL hides more than needed, never less).
     */
    public static String mask(String text) {
        return mask(text, false);
    }

    /**
     * As {@link #mask(String)}, and also hides the user info and password of {@code databaseUrl} (the
     * {@code DATABASE_URL} setting) wherever they appear in {@code text}, decoded or not, even where
     * no URL surrounds them (a driver's message, a password with white space in it).
     */
    public static String mask(String text, String databaseUrl) {
        String masked = mask(text);
        if (masked == null || databaseUrl == null) {
            return masked;
        }
        for (String secret : secretsOf(databaseUrl.strip())) {
            if (secret.length() >= 3) {
                masked = masked.replace(secret, "***");
            }
        }
        return masked;
    }

    /* A whole setting that is one URL: its user info runs to its last '@', white space or not. */
    private static String maskUrl(String url) {
        return mask(url, true);
    }

    private static String mask(String text, boolean oneUrl) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAM.matcher(text).replaceAll("$1***");
        StringBuilder out = new StringBuilder();
        Matcher scheme = SCHEME.matcher(masked);
        int from = 0;
        while (from < masked.length() && scheme.find(from)) {
            int start = scheme.end();
            int end = start;
            while (end < masked.length() && (oneUrl || !Character.isWhitespace(masked.charAt(end)))) {
                end++;
            }
            int at = masked.lastIndexOf('@', end - 1);
            out.append(masked, from, start);
            if (at >= start) {
                out.append("***");
                from = at;
            } else {
                from = start;
            }
        }
        out.append(masked, Math.min(from, masked.length()), masked.length());
        return out.toString();
    }

    /* The user info of a URL setting, its password, and their decoded forms, longest first. */
    private static List<String> secretsOf(String url) {
        List<String> secrets = new ArrayList<>();
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            String rest = url.substring(scheme + 3);
            int at = rest.lastIndexOf('@');
            if (at > 0) {
                String userInfo = rest.substring(0, at);
                int colon = userInfo.indexOf(':');
                secrets.add(userInfo);
                secrets.add(percentDecode(userInfo));
                if (colon >= 0) {
                    secrets.add(userInfo.substring(colon + 1));
                    secrets.add(percentDecode(userInfo.substring(colon + 1)));
                }
            }
        }
        Matcher param = Pattern.compile("(?i)password=([^&;]*)").matcher(url);
        while (param.find()) {
            secrets.add(param.group(1));
            secrets.add(URLDecoder.decode(param.group(1), StandardCharsets.UTF_8));
        }
        secrets.sort(java.util.Comparator.comparingInt(String::length).reversed());
        return secrets;
    }

    /** The settings of a database before it opens. */
    public static final class Builder {
        private final String jdbcUrl;
        private String user;
        private String password;
        private int maxPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(5);
        private boolean migrate = true;

        private Builder(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://...) are supported, but the URL was "
                        + mask(jdbcUrl));
            }
            this.jdbcUrl = jdbcUrl;
        }

        /** The user; overrides one in the URL. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The password; overrides one in the URL. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Connections in the pool, 10 unless set. */
        public Builder maxPoolSize(int maxPoolSize) {
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("maxPoolSize must be 1 or more but was " + maxPoolSize);
            }
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /** How long a store waits for a connection before it throws StoreUnavailable, 5 s unless set. */
        public Builder connectionTimeout(Duration connectionTimeout) {
            if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
                throw new IllegalArgumentException("connectionTimeout must be 250 ms or more but was " + connectionTimeout);
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** Whether to run the Flyway migrations at open; true unless set. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Opens the pool and migrates the schema.
         *
         * @throws StoreUnavailable when the database cannot be reached
         */
        public Database open() {
            Dialect dialect = jdbcUrl.startsWith("jdbc:h2:") ? Dialect.H2 : Dialect.POSTGRESQL;
            Credentials url = dialect == Dialect.H2 ? splitH2(jdbcUrl) : splitPostgres(jdbcUrl);
            String finalUser = user != null ? user : url.user != null ? url.user : dialect == Dialect.H2 ? "sa" : null;
            String finalPassword = password != null ? password : url.password != null ? url.password : dialect == Dialect.H2 ? "" : null;
            String description = url.url + (finalUser == null ? "" : " as " + finalUser);
            if (dialect == Dialect.H2 && url.url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
                bindAutoServerToLoopback();
            }

            HikariConfig config = new HikariConfig();
            config.setPoolName("folkevalgt-db");
            config.setJdbcUrl(url.url);
            config.setUsername(finalUser);
            config.setPassword(finalPassword);
            config.setMaximumPoolSize(maxPoolSize);
            config.setMinimumIdle(Math.min(2, maxPoolSize));
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setValidationTimeout(Math.min(2000, Math.max(250, connectionTimeout.toMillis() - 1)));
            config.setAutoCommit(true);
            if (dialect == Dialect.POSTGRESQL) {
                config.addDataSourceProperty("ApplicationName", "folkevalgt-bot");
            }
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
            } catch (HikariPool.PoolInitializationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new StoreUnavailable("Could not connect to the database " + description + ": "
                        + mask(String.valueOf(cause.getMessage())), cause);
            }
            Database database = new Database(pool, dialect, description);
            try {
                if (migrate) {
                    database.migrate();
                }
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
            log.info("Opened database {}", description);
            return database;
        }
    }

    private void migrate() {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Migrated database {} to version {} ({} migrations)", description, result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && SqlErrors.isUnavailable(sql)) {
                    throw unavailable("migrate", sql);
                }
            }
            throw new IllegalStateException("Could not migrate the database " + description + ": "
                    + mask(String.valueOf(e.getMessage())), e);
        }
    }

    /*
     * H2's automatic mixed mode starts a TCP server that listens on every interface unless the
     * h2.bindAddress system property says otherwise. The embedded default is for one machine, so the
     * server listens on loopback only. H2 reads the property once, when it first starts a server in
     * this JVM; a value set by the operator is left as it is.
     */
    private static void bindAutoServerToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private record Credentials(String url, String user, String password) {
    }

    /** Takes user and password out of a PostgreSQL URL's query. */
    private static Credentials splitPostgres(String jdbcUrl) {
        int question = jdbcUrl.indexOf('?');
        if (question < 0) {
            return new Credentials(jdbcUrl, null, null);
        }
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        for (String param : jdbcUrl.substring(question + 1).split("&")) {
            int eq = param.indexOf('=');
            String key = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.equals("user")) {
                user = value;
            } else if (key.equals("password")) {
                password = value;
            } else if (!param.isEmpty()) {
                kept.add(param);
            }
        }
        String url = jdbcUrl.substring(0, question) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new Credentials(url, user, password);
    }

    /**
     * Takes USER and PASSWORD out of an H2 URL's settings; adds WRITE_DELAY=0 unless a WRITE_DELAY
     * is set and, unless a MODE is set, the PostgreSQL compatibility settings that are missing.
     */
    private static Credentials splitH2(String jdbcUrl) {
        String[] parts = jdbcUrl.split(";");
        StringBuilder url = new StringBuilder(parts[0]);
        String user = null;
        String password = null;
        List<String> keys = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            if (key.equals("USER")) {
                user = value;
            } else if (key.equals("PASSWORD")) {
                password = value;
            } else if (!part.isBlank()) {
                keys.add(key);
                url.append(';').append(part);
            }
        }
        List<String> added = new ArrayList<>();
        if (!keys.contains("MODE")) {
            added.addAll(List.of(H2_COMPATIBILITY.substring(1).split(";")));
        }
        added.add(H2_DURABLE.substring(1));
        for (String setting : added) {
            if (!keys.contains(setting.substring(0, setting.indexOf('=')))) {
                url.append(';').append(setting);
            }
        }
        return new Credentials(url.toString(), user, password);
    }
}
