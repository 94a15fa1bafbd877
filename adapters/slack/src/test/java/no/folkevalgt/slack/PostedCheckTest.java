package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.ProgrammeLoader;
import no.folkevalgt.testsupport.FakeSlackApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A planned post carries its id in Slack message metadata, and {@code wasPosted} finds it in the
 * channel's history: what the scheduler relies on when it takes over a post from an instance that died
 * while posting it. Slack's Web API is the fake on loopback, which keeps the messages it accepted and
 * serves conversations.history from them as Slack does.
 */
class PostedCheckTest {

    static final String TOKEN = "xoxb-1234-5678-test";

    @TempDir
    Path dir;
    SlackFixture f;
    ChannelPoster poster;
    final ChannelRef channel = new ChannelRef("slack", "C0PROG");
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        f = new SlackFixture(dir);
        poster = f.adapter.poster();
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        f.close();
    }

    static PlannedPost prompt() {
        return PostPlanner.plan(ProgrammeLoader.loadBundled()).stream()
                .filter(p -> p.kind() == PostKind.PROMPT).findFirst().orElseThrow();
    }

    static String metadata(String eventType, String postId) {
        return "{\"event_type\":\"" + eventType + "\",\"event_payload\":{\"post_id\":\"" + postId + "\"}}";
    }

    List<ILoggingEvent> warnings() {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    @Test
    void postWithItsId_carriesTheIdAsMessageMetadata_andAPlainPostCarriesNone() throws Exception {
        PlannedPost prompt = prompt();

        poster.post(channel, Reply.text(prompt.text()), prompt.id());
        poster.post(channel, Reply.text("Hei"));

        List<FakeSlackApi.Call> posts = f.api.calls("chat.postMessage");
        assertThat(posts).hasSize(2);
        JsonNode metadata = posts.get(0).json("metadata");
        assertThat(metadata.path("event_type").asText()).isEqualTo(SlackPoster.EVENT_TYPE).isEqualTo("folkevalgt_post");
        assertThat(metadata.path("event_payload").path("post_id").asText()).isEqualTo(prompt.id());
        assertThat(posts.get(0).form()).containsEntry("channel", "C0PROG");
        assertThat(posts.get(0).form().get("text")).contains(BlockKit.escape(prompt.text().lines().findFirst().orElseThrow()));
        assertThat(posts.get(1).form()).doesNotContainKey("metadata");
        /* Slack kept the first with its metadata (the fake would have dropped malformed metadata). */
        assertThat(f.api.messages("C0PROG")).extracting(m -> m.payload("post_id")).containsExactly(prompt.id(), null);
    }

    @Test
    void wasPosted_isTrueForAPostedId_andFalseForAnother_orTheSameIdFromAnotherApp() throws Exception {
        Instant since = Instant.now().minusSeconds(60);
        PlannedPost prompt = prompt();
        poster.post(channel, Reply.text(prompt.text()), prompt.id());
        f.api.seed("C0PROG", "U0KARI", "Jeg limer inn " + prompt.id() + "-2", null);
        f.api.seed("C0PROG", "UOTHER", "annen app", metadata("other_app_event", "not-ours"));

        assertThat(poster.wasPosted(channel, prompt.id(), since)).contains(true);
        assertThat(poster.wasPosted(channel, prompt.id() + "-2", since)).contains(false);
        assertThat(poster.wasPosted(channel, "not-ours", since)).contains(false);
        assertThat(poster.wasPosted(new ChannelRef("slack", "C0OTHER"), prompt.id(), since)).contains(false);

        FakeSlackApi.Call history = f.api.calls("conversations.history").get(0);
        assertThat(history.form()).containsEntry("channel", "C0PROG").containsEntry("oldest", SlackPoster.ts(since))
                .containsEntry("inclusive", "1").containsEntry("include_all_metadata", "1")
                .containsEntry("limit", "200").doesNotContainKey("cursor");
        assertThat(history.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(f.api.calls("conversations.history")).hasSize(4);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void wasPosted_looksOnlyAtMessagesFromSinceOn_thatMomentIncluded() {
        Instant since = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MICROS);
        f.api.seed("C0PROG", since.minusSeconds(1), "UBOT", "en time før", metadata(SlackPoster.EVENT_TYPE, "earlier"));
        f.api.seed("C0PROG", since, "UBOT", "akkurat da", metadata(SlackPoster.EVENT_TYPE, "at-since"));

        assertThat(poster.wasPosted(channel, "earlier", since)).contains(false);
        assertThat(poster.wasPosted(channel, "at-since", since)).contains(true);
        assertThat(poster.wasPosted(channel, "earlier", since.minusSeconds(2))).contains(true);
    }

    @Test
    void wasPosted_followsTheCursor_toAMatchOnPageTwo() throws Exception {
        Instant since = Instant.now().minusSeconds(60);
        PlannedPost prompt = prompt();
        poster.post(channel, Reply.text(prompt.text()), prompt.id());
        for (int i = 0; i < SlackPoster.HISTORY_PAGE + 50; i++) {
            f.api.seed("C0PROG", "U0KARI", "Melding " + i, null);
        }

        assertThat(poster.wasPosted(channel, prompt.id(), since)).contains(true);

        List<FakeSlackApi.Call> pages = f.api.calls("conversations.history");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).form()).doesNotContainKey("cursor");
        assertThat(pages.get(1).form().get("cursor")).isNotBlank();
        assertThat(pages.get(1).form()).containsEntry("oldest", SlackPoster.ts(since))
                .containsEntry("include_all_metadata", "1");
        assertThat(poster.wasPosted(channel, "never-posted", since)).contains(false);
        assertThat(f.api.calls("conversations.history")).hasSize(4);
    }

    @Test
    void wasPosted_cannotTell_whenTheHistoryIsLongerThanItReads() {
        Instant since = Instant.now().minusSeconds(60);
        int readable = SlackPoster.HISTORY_PAGE * SlackPoster.HISTORY_MAX_PAGES;
        f.api.seed("C0PROG", "UBOT", "gammel post", metadata(SlackPoster.EVENT_TYPE, "oldest-of-all"));
        for (int i = 0; i < readable; i++) {
            f.api.seed("C0PROG", "U0KARI", "Melding " + i, null);
        }

        assertThat(poster.wasPosted(channel, "oldest-of-all", since)).isEmpty();
        assertThat(poster.wasPosted(channel, "never-posted", since)).isEmpty();

        assertThat(f.api.calls("conversations.history")).hasSize(2 * SlackPoster.HISTORY_MAX_PAGES);
        assertThat(warnings()).hasSize(2).allSatisfy(w -> assertThat(w.getFormattedMessage())
                .contains("more than " + readable + " messages"));
    }

    @Test
    void wasPosted_cannotTell_whenSlackRefuses_andSaysWhyOnceWithoutTheToken() {
        Instant since = Instant.now().minusSeconds(60);
        f.api.seed("C0PROG", "UBOT", "post", metadata(SlackPoster.EVENT_TYPE, "p1"));
        f.api.script("conversations.history", 200, Map.of(), "{\"ok\":false,\"error\":\"missing_scope\","
                + "\"needed\":\"channels:history\",\"provided\":\"app_mentions:read,chat:write,commands\"}");
        f.api.script("conversations.history", 200, Map.of(), "{\"ok\":false,\"error\":\"not_in_channel\"}");
        f.api.script("conversations.history", 429, Map.of("Retry-After", "30"), "{\"ok\":false,\"error\":\"ratelimited\"}");
        f.api.script("conversations.history", 500, Map.of(), "<html>Internal Server Error</html>");
        f.api.script("conversations.history", 200, Map.of(), "this is not json");

        for (int i = 0; i < 5; i++) {
            assertThat(poster.wasPosted(channel, "p1", since)).as("answer %d", i + 1).isEmpty();
        }
        assertThat(poster.wasPosted(channel, "p1", since)).as("Slack answers again").contains(true);

        List<String> warnings = warnings().stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).hasSize(5);
        assertThat(warnings.get(0)).contains("p1", "C0PROG", "missing_scope", "channels:history");
        assertThat(warnings.get(1)).contains("not_in_channel");
        assertThat(warnings.get(2)).contains("429", "ratelimited");
        assertThat(warnings.get(3)).contains("500");
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(TOKEN));
    }

    @Test
    void wasPosted_cannotTell_whenSlackCannotBeReached() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + port + "/api/");
        config.setStatsEnabled(false);
        SlackPoster dead = new SlackPoster(Slack.getInstance(config).methods(TOKEN), Duration.ofMillis(100), null);

        assertThat(dead.wasPosted(channel, "p1", Instant.now().minusSeconds(60))).isEmpty();

        assertThat(warnings()).singleElement().satisfies(w -> assertThat(w.getFormattedMessage())
                .contains("p1", "could not reach Slack").doesNotContain(TOKEN));
    }

    @Test
    void postWithItsId_whoseWordCloudUploadFails_isPostedAndFound() throws Exception {
        Instant since = Instant.now().minusSeconds(60);
        f.api.script("files.getUploadURLExternal", 500, Map.of(), "upstream unavailable");
        Reply summary = Reply.builder().text("Oppsummering: 3 svar")
                .image(new Reply.Image("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "Ordsky")).build();

        poster.post(channel, summary, "summary-1@slack:C0PROG");

        assertThat(f.api.calls("chat.postMessage")).hasSize(1);
        assertThat(poster.wasPosted(channel, "summary-1@slack:C0PROG", since)).contains(true);
    }

    @Test
    void postWithItsId_thatSlackRateLimits_failsAsBefore_andIsNotFound() {
        Instant since = Instant.now().minusSeconds(60);
        f.api.script("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        assertThatThrownBy(() -> poster.post(channel, Reply.text("Hei"), "prompt-1@slack:C0PROG"))
                .isInstanceOfSatisfying(PostFailure.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
                });
        assertThat(f.api.calls("chat.postMessage").get(0).json("metadata").path("event_payload").path("post_id").asText())
                .isEqualTo("prompt-1@slack:C0PROG");

        assertThat(poster.wasPosted(channel, "prompt-1@slack:C0PROG", since)).contains(false);
    }

    @Test
    void wasPosted_cannotTell_forAChannelOnAnotherPlatform() {
        assertThat(poster.wasPosted(new ChannelRef("teams", "19:abc"), "p1", Instant.now())).isEqualTo(Optional.empty());
        assertThat(f.api.calls("conversations.history")).isEmpty();
    }
}
