package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.StoreUnavailable;

/** A PostgreSQL server that stops and comes back, under a pool that stays open. */
class PostgresDownTest {

    @TempDir
    Path dir;

    @Test
    void storesThrowStoreUnavailable_whilePostgresIsDown_storeNothing_andWorkAgainWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres.Builder server = TestDatabases.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false).setPort(port);
        EmbeddedPostgres pg = TestDatabases.start(server);
        Instant t0 = Instant.parse("2019-11-05T10:00:00Z");
        try (Database db = Database.builder("jdbc:postgresql://localhost:" + port + "/postgres").user("postgres")
                .connectionTimeout(Duration.ofSeconds(1)).open()) {
            ReflectionStore store = new JdbcReflectionStore(db);
            store.add(1, "slack", "U1", "før", t0, "r1");

            pg.close();
            assertThatThrownBy(() -> store.add(1, "slack", "U1", "mens den var nede", t0, "r2"))
                    .isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> store.count(1)).isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(db::ping).isInstanceOf(StoreUnavailable.class);

            pg = TestDatabases.start(server);
            /*
             * A connection the pool opened while the server was shutting down is dead; the pool drops it
             * on its first failure. "Works again" means: once the database answers, the stores do.
             */
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!answers(db) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            ReflectionAnswer after = store.add(1, "slack", "U1", "etter", t0.plusSeconds(1), "r2");
            assertThat(store.forPrompt(1)).extracting(ReflectionAnswer::text).containsExactly("før", "etter");
            assertThat(after.text()).isEqualTo("etter");
            assertThat(db.ping()).isNotNull();
        } finally {
            pg.close();
        }
    }

    private static boolean answers(Database db) {
        try {
            db.ping();
            return true;
        } catch (StoreUnavailable e) {
            return false;
        }
    }
}
