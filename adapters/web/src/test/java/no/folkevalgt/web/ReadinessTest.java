package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.storage.Database;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /readyz} with the post scheduler's check: 503 with its detail when it is not alive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    Fixture fx;

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        fx = new Fixture(temp, null);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void aSchedulerThatIsNotAlive_makesReadyz503_withItsDetail_andAnAliveOne200() throws Exception {
        AtomicReference<ReadinessCheck> scheduler = new AtomicReference<>(
                ReadinessCheck.failing("no poll for due posts in 31 s (expected every 2000 ms)"));
        WebAdapter web = fx.webBuilder().schedulerCheck(scheduler::get).build();

        HttpResponse down = readyz(web);
        JsonNode d = JSON.readTree(down.bodyText());
        assertThat(down.status()).isEqualTo(503);
        assertThat(d.get("status").asText()).isEqualTo("not ready");
        assertThat(d.get("checks").get("scheduler").get("ok").asBoolean()).isFalse();
        assertThat(d.get("checks").get("scheduler").get("error").asText())
                .isEqualTo("no poll for due posts in 31 s (expected every 2000 ms)");
        assertThat(d.get("checks").get("index").get("ok").asBoolean()).as("only the scheduler is wrong").isTrue();
        assertThat(d.get("checks").get("database").get("ok").asBoolean()).isTrue();

        /* Asked on every request: the same adapter is ready once the scheduler polls again. */
        scheduler.set(ReadinessCheck.ok("last poll 150 ms ago"));
        HttpResponse up = readyz(web);
        JsonNode u = JSON.readTree(up.bodyText());
        assertThat(up.status()).isEqualTo(200);
        assertThat(u.get("status").asText()).isEqualTo("ready");
        assertThat(u.get("checks").get("scheduler").get("ok").asBoolean()).isTrue();
        assertThat(u.get("checks").get("scheduler").get("detail").asText()).isEqualTo("last poll 150 ms ago");
        assertThat(u.get("checks").fieldNames()).toIterable().containsExactly("index", "database", "scheduler");
    }

    @Test
    void aSchedulerCheckThatThrowsOrSaysNothing_isNotReady() throws Exception {
        WebAdapter throwing = fx.webBuilder().schedulerCheck(() -> {
            throw new IllegalStateException("scheduler gone");
        }).build();
        WebAdapter silent = fx.webBuilder().schedulerCheck(() -> null).build();

        HttpResponse t = readyz(throwing);
        HttpResponse s = readyz(silent);

        assertThat(t.status()).isEqualTo(503);
        assertThat(JSON.readTree(t.bodyText()).get("checks").get("scheduler").get("error").asText()).isEqualTo("scheduler gone");
        assertThat(s.status()).isEqualTo(503);
        assertThat(JSON.readTree(s.bodyText()).get("checks").get("scheduler").get("ok").asBoolean()).isFalse();
    }

    @Test
    void withoutASchedulerCheck_readyzChecksIndexAndDatabaseOnly() throws Exception {
        HttpResponse r = readyz(fx.web);
        JsonNode j = JSON.readTree(r.bodyText());
        assertThat(r.status()).isEqualTo(200);
        assertThat(j.get("checks").fieldNames()).toIterable().containsExactly("index", "database");
    }

    @Test
    void aDatabaseThatIsDown_isNamedOnlyAsTheFailedCheck_itsHostNameAndUserGoToTheLog() throws Exception {
        Database down = Database.open("jdbc:h2:mem:folkevalgt_prod;DB_CLOSE_DELAY=-1", "folkevalgt_admin", "");
        down.close();
        WebAdapter web = fx.webBuilder().databaseCheck(down::ping).build();
        ch.qos.logback.classic.Logger opsLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(OpsHandlers.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        opsLog.addAppender(log);
        HttpResponse r;
        try {
            r = readyz(web);
        } finally {
            opsLog.detachAppender(log);
        }

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.bodyText()).doesNotContain("folkevalgt_prod").doesNotContain("folkevalgt_admin")
                .doesNotContain("jdbc").doesNotContain("h2");
        JsonNode database = JSON.readTree(r.bodyText()).get("checks").get("database");
        assertThat(database.get("ok").asBoolean()).isFalse();
        assertThat(database.get("error").asText()).isEqualTo("ikke tilgjengelig");
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("Readiness: the database check failed")
                        .contains("folkevalgt_prod"));
    }

    private static HttpResponse readyz(WebAdapter web) throws Exception {
        return WebAdapterHttpTest.route(web, "GET", "/readyz").handler()
                .handle(WebAdapterHttpTest.local("GET", "/readyz"));
    }
}
