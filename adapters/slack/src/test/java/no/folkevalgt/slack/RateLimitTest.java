package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;

/**
 * The one Retry-After rule (core.delivery.Backoff) on Slack: Slack's Retry-After is handed to the
 * scheduler as asked; without one, none is made up, and the scheduler's backoff decides, as for Teams.
 */
class RateLimitTest {

    @TempDir
    Path dir;
    SlackFixture f;
    final ChannelRef channel = new ChannelRef("slack", "C0PROG");

    @BeforeEach
    void start() throws Exception {
        f = new SlackFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void rateLimited_withRetryAfter_isTemporary_withThatWait() {
        f.api.script("chat.postMessage", 429, Map.of("Retry-After", "3"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        assertThatThrownBy(() -> f.adapter.poster().post(channel, Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
                    assertThat(failure.getMessage()).endsWith("was rate limited; retry after 3 s");
                });
    }

    @Test
    void rateLimited_withoutRetryAfter_isTemporary_andLeavesTheWaitToTheBackoff() throws Exception {
        f.api.script("chat.postMessage", 429, Map.of(), "{\"ok\":false,\"error\":\"ratelimited\"}");
        assertThatThrownBy(() -> f.adapter.poster().post(channel, Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.retryAfter()).isEmpty();
                    assertThat(failure.getMessage()).endsWith("was rate limited");
                });
        /* No made-up minute of holding off the channel: the next post goes out at once. */
        long before = System.nanoTime();
        f.adapter.poster().post(channel, Reply.text("Hei igjen"));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(f.api.calls("chat.postMessage")).hasSize(2);
    }
}
