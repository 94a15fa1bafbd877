package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import no.folkevalgt.core.port.StoreUnavailable;

class DatabaseTest {

    @TempDir
    Path dataDir;

    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    private Database keep(Database db) {
        opened.add(db);
        return db;
    }

    @Test
    void emptySetting_opensTheEmbeddedH2File_inTheDataFolder() throws Exception {
        Database db = keep(Database.fromSetting("", dataDir.resolve("data")));

        assertThat(db.dialect()).isEqualTo(Database.Dialect.H2);
        assertThat(dataDir.resolve("data/folkevalgt.mv.db")).exists();
        assertThat(db.ping()).isLessThan(Duration.ofSeconds(2));
        assertThat(tables(db)).contains("reflection_answers", "delivery_log", "answer_feedback", "unanswered_questions",
                "unanswered_suggestions", "scheduled_tasks", "flyway_schema_history");
    }

    @Test
    void nullSetting_isTheEmbeddedDefaultToo() {
        Database db = keep(Database.fromSetting(null, dataDir));

        assertThat(db.description()).startsWith("jdbc:h2:file:").contains("MODE=PostgreSQL", "WRITE_DELAY=0", "AUTO_SERVER=TRUE");
    }

    @Test
    void openingTwice_migratesOnce() {
        keep(Database.fromSetting("", dataDir)).close();
        Database again = keep(Database.fromSetting("", dataDir));

        assertThat(again.ping()).isNotNull();
    }

    @Test
    void herokuStyleUrl_isTurnedIntoJdbc_andThePasswordIsNeverShown() {
        EmbeddedPostgres pg = TestDatabases.sharedPostgres();
        String url = "postgres://postgres:s3cr%21t-pw@localhost:" + pg.getPort() + "/postgres";

        Database db = keep(Database.fromSetting(url, dataDir));

        assertThat(db.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
        assertThat(db.description()).isEqualTo("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres as postgres");
        assertThat(db.toString()).doesNotContain("s3cr");
        assertThat(db.ping()).isNotNull();
    }

    @Test
    void jdbcUrlWithPasswordParameter_isOpened_withoutThePasswordInItsDescription() {
        EmbeddedPostgres pg = TestDatabases.sharedPostgres();
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres&password=hemmelig&connectTimeout=5";

        Database db = keep(Database.fromSetting(url, dataDir));

        assertThat(db.description()).isEqualTo("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?connectTimeout=5 as postgres");
    }

    @Test
    void openingWithAPassword_logsNoPassword_evenAtDebugLevel() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Appender<ILoggingEvent> console = root.getAppender("STDERR");
        root.detachAppender(console);
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        try {
            EmbeddedPostgres pg = TestDatabases.sharedPostgres();
            keep(Database.fromSetting("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres&password=hemmelig", dataDir)).close();
            keep(Database.fromSetting("postgres://postgres:hemmelig2@localhost:" + pg.getPort() + "/postgres", dataDir)).close();
        } finally {
            root.setLevel(before);
            root.detachAppender(appender);
            root.addAppender(console);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain("hemmelig"));
    }

    @Test
    void unreachablePostgres_isStoreUnavailable_quickly_withoutThePassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> Database.builder("jdbc:postgresql://127.0.0.1:" + port + "/x").user("u").password("hemmelig")
                .connectionTimeout(Duration.ofSeconds(1)).open())
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageNotContaining("hemmelig");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void otherUrls_areRefused_withTheSettingsName_andMasked() {
        assertThatThrownBy(() -> Database.fromSetting("mysql://root:hemmelig@db/x", dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("mysql://***@db/x")
                .hasMessageNotContaining("hemmelig");
        assertThatThrownBy(() -> Database.open("jdbc:mysql://db/x?password=hemmelig", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hemmelig");
    }

    @Test
    void mask_hidesPasswordsInUserInfoAndParameters() {
        assertThat(Database.mask("postgres://u:pw@h:5432/d")).isEqualTo("postgres://***@h:5432/d");
        assertThat(Database.mask("jdbc:postgresql://h/d?user=u&password=pw&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/d?user=u&password=***&ssl=true");
        assertThat(Database.mask("jdbc:h2:file:/x;PASSWORD=pw;MODE=PostgreSQL")).isEqualTo("jdbc:h2:file:/x;PASSWORD=***;MODE=PostgreSQL");
        assertThat(Database.mask("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void mask_hidesTheWholeUserInfo_whateverCharactersThePasswordHolds() {
        assertThat(Database.mask("postgres://u:Wr/ongSECRET@host/db")).isEqualTo("postgres://***@host/db");
        assertThat(Database.mask("postgres://u:p@ssSECRET@host/db")).isEqualTo("postgres://***@host/db");
        assertThat(Database.mask("postgres://u:a:b/c@d%40eSECRET@host:5432/db?sslmode=require"))
                .isEqualTo("postgres://***@host:5432/db?sslmode=require");
        assertThat(Database.mask("was postgres://u:x@ySECRET@h/db (SQLState 08001), see postgres://v:w@h2/db"))
                .isEqualTo("was postgres://***@h/db (SQLState 08001), see postgres://***@h2/db");
        assertThat(Database.mask("jdbc:postgresql://h/d?password=a/b@cSECRET&user=u"))
                .isEqualTo("jdbc:postgresql://h/d?password=***&user=u");
        assertThat(Database.mask("postgres://host/db")).isEqualTo("postgres://host/db");
    }

    @Test
    void mask_withTheSetting_hidesItsPasswordAnywhere_evenWithWhiteSpaceInIt() {
        String setting = "postgres://u:pa ss/SECRET@host/db";
        assertThat(Database.mask("DATABASE_URL " + setting + " and pa ss/SECRET alone", setting))
                .doesNotContain("SECRET").doesNotContain("pa ss");
        String encoded = "postgres://u:a%40bSECRET@host/db";
        assertThat(Database.mask("password a@bSECRET was refused", encoded)).isEqualTo("password *** was refused");
    }

    @Test
    void herokuUrlsWhosePasswordHoldsSlashAtOrColon_areRefusedOrOpened_neverShown() {
        for (String url : List.of("postgres://u:Wr/ongSECRET@/db", "postgres://u:p@ssSECRET@host",
                "postgres://u:a:b/c@dSECRET@host:notaport/db", "postgres://u:Wr ong/SECRET@127.0.0.1:1/db")) {
            assertThatThrownBy(() -> Database.fromSetting(url, dataDir))
                    .as(url)
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageNotContaining("SECRET")
                    .hasMessageNotContaining("Wr/ong").hasMessageNotContaining("p@ss").hasMessageNotContaining("Wr ong");
        }
        EmbeddedPostgres pg = TestDatabases.sharedPostgres();
        Database db = keep(Database.fromSetting("postgres://postgres:Wr/ong@SE:CRET%40x@localhost:" + pg.getPort()
                + "/postgres", dataDir));
        assertThat(db.description()).isEqualTo("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres as postgres");
        db.ping();
    }

    @Test
    void h2UrlWithoutMode_getsThePostgresCompatibilitySettings_andKeepsItsOwn() {
        Database db = keep(Database.open("jdbc:h2:mem:compat;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", null, null));

        assertThat(db.description())
                .isEqualTo("jdbc:h2:mem:compat;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0 as sa");
    }

    @Test
    void ping_afterClose_isStoreUnavailable() {
        Database db = Database.fromSetting("", dataDir);
        db.close();

        assertThat(db.isClosed()).isTrue();
        assertThatThrownBy(db::ping).isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void dataFolder_isCreated() {
        Path nested = dataDir.resolve("a/b");
        keep(Database.fromSetting(" ", nested));

        assertThat(Files.isDirectory(nested)).isTrue();
    }

    private static List<String> tables(Database db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
