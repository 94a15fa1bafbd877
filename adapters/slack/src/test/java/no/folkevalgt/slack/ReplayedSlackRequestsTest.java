package no.folkevalgt.slack;

import static no.folkevalgt.slack.SlackRequests.FORM;
import static no.folkevalgt.slack.SlackRequests.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import no.folkevalgt.testsupport.FakeSlackApi;
import no.folkevalgt.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcRequestIds;

/**
 * Slack's retries and replays reaching another instance, or this one after a restart, through the real
 * HTTP endpoint: two adapters on one database answer an event and a slash command once between them; a
 * signed request dated more than 5 minutes from now, either way, is refused.
 */
class ReplayedSlackRequestsTest {

    @TempDir
    Path dir;
    Database db;
    SlackFixture first;
    SlackFixture second;

    @BeforeEach
    void start() throws Exception {
        db = Database.open("jdbc:h2:file:" + dir.resolve("shared").toAbsolutePath(), "sa", "");
        first = new SlackFixture(Files.createDirectories(dir.resolve("a")), new JdbcRequestIds(db));
        second = new SlackFixture(Files.createDirectories(dir.resolve("b")), new JdbcRequestIds(db));
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.close();
        }
        second.close();
        db.close();
    }

    @Test
    void anEventRetriedToAnotherInstance_isAnsweredOnce() throws Exception {
        String mention = SlackRequests.appMention("Ev0R01", "C0CHAN", "U0KARI", "<@UBOT> hva er delegering?",
                "1700000000.000100");
        first.slack.signed(mention, JSON);
        first.api.await("chat.postMessage", 1);

        HttpResponse<String> retried = second.slack.send(mention, JSON, SlackRequests.now(), SlackRequests.SECRET,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
        /* A fresh event after it: once that is answered, the retry has been through the same workers. */
        second.slack.signed(SlackRequests.appMention("Ev0R02", "C0CHAN", "U0OLA", "<@UBOT> hva er saklista?",
                "1700000000.000200"), JSON);
        second.api.await("chat.postMessage", 1);

        assertThat(retried.statusCode()).isEqualTo(200);
        Waits.holdsFor(Duration.ofMillis(300), () -> {
            assertThat(first.api.calls("chat.postMessage")).hasSize(1);
            assertThat(second.api.calls("chat.postMessage")).singleElement()
                    .satisfies(call -> assertThat(call.form().get("text")).contains("saklista"));
        });
    }

    @Test
    void aSlashCommandReplayedAfterARestart_orToAnotherInstance_isAnsweredOnce() throws Exception {
        String command = SlackRequests.slashCommand("/refleksjon", "Mer samarbeid på tvers", "U0KARI", "C0CHAN",
                "13345224609.738474920.8088930838d88f008e0", second.api.responseUrl("refl"));
        first.slack.signed(command, FORM);
        assertThat(second.api.await("response_url", 1).get(0).json(null).path("text").asText())
                .startsWith("Takk! Svaret ditt er lagret anonymt");

        second.slack.signed(command, FORM);
        first.close();
        first = null;
        SlackFixture restarted = new SlackFixture(Files.createDirectories(dir.resolve("c")), new JdbcRequestIds(db));
        try {
            restarted.slack.signed(command, FORM);
            /* Fresh commands after the replays: once they are answered, the replays have been through the workers. */
            String other = SlackRequests.slashCommand("/refleksjon", "Et annet svar", "U0OLA", "C0CHAN", "tr-other",
                    second.api.responseUrl("other"));
            restarted.slack.signed(other, FORM);
            second.slack.signed(other.replace("tr-other", "tr-other-2"), FORM);
            second.api.await("response_url", 3);

            Waits.holdsFor(Duration.ofMillis(300), () -> {
                assertThat(second.api.calls("response_url")).extracting(FakeSlackApi.Call::path)
                        .as("the command answered once, the two fresh ones once each")
                        .containsExactlyInAnyOrder("/response/refl", "/response/other", "/response/other");
                assertThat(second.reflections.answers).containsExactly("Et annet svar");
                assertThat(restarted.reflections.answers).containsExactly("Et annet svar");
            });
        } finally {
            restarted.close();
        }
    }

    @Test
    void signedRequestsDatedMoreThanFiveMinutesAwayEitherWay_get401_andAreNotAnswered() throws Exception {
        long now = SlackRequests.now();
        List<Long> outside = List.of(now + Duration.ofMinutes(6).toSeconds(), now + Duration.ofDays(1).toSeconds(),
                now + Duration.ofDays(3653).toSeconds(), now - Duration.ofMinutes(6).toSeconds(),
                now - Duration.ofDays(1).toSeconds());
        for (long timestamp : outside) {
            String command = SlackRequests.slashCommand("/refleksjon", "svar " + timestamp, "U0KARI", "C0CHAN",
                    "tr-" + timestamp, first.api.responseUrl("t" + timestamp));
            HttpResponse<String> response = first.slack.send(command, FORM, timestamp, SlackRequests.SECRET, Map.of());
            assertThat(response.statusCode()).as("dated %+d s", timestamp - now).isEqualTo(401);
            assertThat(response.body()).isEqualTo("Ugyldig signatur.");
        }
        String inside = SlackRequests.slashCommand("/refleksjon", "innenfor", "U0KARI", "C0CHAN", "tr-inside",
                first.api.responseUrl("inside"));
        assertThat(first.slack.send(inside, FORM, now + Duration.ofMinutes(4).toSeconds(), SlackRequests.SECRET,
                Map.of()).statusCode()).as("4 minutes ahead").isEqualTo(200);
        first.api.await("response_url", 1);

        Waits.holdsFor(Duration.ofMillis(300), () -> assertThat(first.reflections.answers).containsExactly("innenfor"));
    }
}
