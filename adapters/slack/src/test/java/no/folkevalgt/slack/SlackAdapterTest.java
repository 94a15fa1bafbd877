package no.folkevalgt.slack;

import static no.folkevalgt.slack.SlackRequests.FORM;
import static no.folkevalgt.slack.SlackRequests.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.ProgrammeLoader;
import no.folkevalgt.testsupport.FakeSlackApi;
import no.folkevalgt.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slack adapter end to end: signed requests shaped like Slack's into the real Bolt app on the real
 * HTTP server, answers checked at a fake Slack Web API on loopback.
 */
class SlackAdapterTest {

    @TempDir
    Path dir;
    SlackFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new SlackFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void urlVerification_isAnsweredWithTheChallenge() throws Exception {
        f.adapter.start();
        assertThat(f.adapter.defaultChannel()).contains(new ChannelRef("slack", "C0PROG"));

        HttpResponse<String> response = f.slack.signed(SlackRequests.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), JSON);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void mention_isAnsweredInItsThread_withSourceSeeAlsoAndFeedbackButtons() throws Exception {
        HttpResponse<String> ack = f.slack.signed(SlackRequests.appMention("Ev0001", "C0CHAN", "U0KARI",
                "<@UBOT> hva er delegering?", "1700000000.000100"), JSON);

        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlackApi.Call post = f.api.await("chat.postMessage", 1).get(0);
        assertThat(post.form()).containsEntry("channel", "C0CHAN").containsEntry("thread_ts", "1700000000.000100");
        JsonNode blocks = post.json("blocks");
        assertThat(blocks.get(0).path("text").path("text").asText()).contains("kommunestyret gir myndighet");
        assertThat(UnsureSlackTest.shown(blocks)).as("the source names the material by its title, not its file")
                .contains("context: Kilde: «Delegering», lysbilde 2 (Folkevalgtopplæring 2023)");
        JsonNode buttons = blocks.get(blocks.size() - 1).path("elements");
        assertThat(buttons.get(0).path("action_id").asText()).isEqualTo("feedback.up");
        assertThat(buttons.get(0).path("value").asText()).isEqualTo("deck.txt#2\nhva er delegering?");
        assertThat(buttons.get(1).path("action_id").asText()).isEqualTo("feedback.down");
    }

    @Test
    void mention_whoseReplyIsPrivate_isAnsweredOnlyToTheAsker() throws Exception {
        f.slack.signed(SlackRequests.appMention("Ev0007", "C0CHAN", "U0KARI", "<@UBOT> hjelp", "1700000000.000100"), JSON);

        FakeSlackApi.Call post = f.api.await("chat.postEphemeral", 1).get(0);
        assertThat(post.form()).containsEntry("channel", "C0CHAN").containsEntry("user", "U0KARI")
                .containsEntry("thread_ts", "1700000000.000100");
        assertThat(post.form().get("text")).contains("Jeg svarer på spørsmål om KS Folkevalgtprogram");
        assertThat(f.api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void directMessage_isAnsweredInTheDm() throws Exception {
        f.slack.signed(SlackRequests.directMessage("Ev0002", "D0KARI", "U0KARI", "Hva er en interpellasjon?",
                "1700000000.000100"), JSON);

        FakeSlackApi.Call post = f.api.await("chat.postMessage", 1).get(0);
        assertThat(post.form()).containsEntry("channel", "D0KARI").doesNotContainKey("thread_ts");
        assertThat(post.form().get("blocks")).contains("spørsmål til ordføreren").contains("Interpellasjon");
    }

    @Test
    void botsOwnMessages_andOtherChannelTypes_areNotAnswered() throws Exception {
        String fromBot = SlackRequests.directMessage("Ev0003", "D0KARI", "UBOT", "Hei", "1700000000.000100")
                .replace("\"channel_type\":\"im\"", "\"channel_type\":\"im\",\"bot_id\":\"BBOT\"");
        String inChannel = SlackRequests.directMessage("Ev0004", "C0CHAN", "U0KARI", "Hei", "1700000000.000101")
                .replace("\"channel_type\":\"im\"", "\"channel_type\":\"channel\"");

        assertThat(f.slack.signed(fromBot, JSON).statusCode()).isEqualTo(200);
        assertThat(f.slack.signed(inChannel, JSON).statusCode()).isEqualTo(200);

        Waits.holdsFor(Duration.ofMillis(300), () -> assertThat(f.api.calls("chat.postMessage")).isEmpty());
    }

    @Test
    void eventsTheBotDoesNotHandle_areAcknowledged_andIgnored() throws Exception {
        String edited = SlackRequests.directMessage("Ev0010", "D0KARI", "U0KARI", "Hei", "1700000000.000100")
                .replace("\"channel_type\":\"im\"", "\"channel_type\":\"im\",\"subtype\":\"message_changed\"");
        String homeOpened = "{\"token\":\"XXYYZZ\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"event\":"
                + "{\"type\":\"app_home_opened\",\"user\":\"U0KARI\",\"channel\":\"D0KARI\",\"tab\":\"messages\","
                + "\"event_ts\":\"1700000000.000100\"},\"type\":\"event_callback\",\"event_id\":\"Ev0011\","
                + "\"event_time\":1700000000}";

        assertThat(f.slack.signed(edited, JSON).statusCode()).isEqualTo(200);
        assertThat(f.slack.signed(homeOpened, JSON).statusCode()).isEqualTo(200);
        Waits.holdsFor(Duration.ofMillis(300), () -> assertThat(f.api.answers()).isEmpty());
    }

    @Test
    void retriedEvent_isAnsweredOnce() throws Exception {
        String mention = SlackRequests.appMention("Ev0005", "C0CHAN", "U0KARI", "<@UBOT> hva er delegering?",
                "1700000000.000100");
        f.slack.signed(mention, JSON);
        f.api.await("chat.postMessage", 1);

        HttpResponse<String> afterError = f.slack.send(mention, JSON, SlackRequests.now(), SlackRequests.SECRET,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
        HttpResponse<String> afterTimeout = f.slack.send(mention, JSON, SlackRequests.now(), SlackRequests.SECRET,
                Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"));
        HttpResponse<String> duplicate = f.slack.signed(mention, JSON);

        assertThat(List.of(afterError.statusCode(), afterTimeout.statusCode(), duplicate.statusCode()))
                .containsOnly(200);
        Waits.holdsFor(Duration.ofMillis(500), () -> assertThat(f.api.calls("chat.postMessage")).hasSize(1));
    }

    @Test
    void folkevalgtCommand_answersPrivately_withAShareButton() throws Exception {
        HttpResponse<String> ack = f.slack.signed(SlackRequests.slashCommand("/folkevalgt", "hva er delegering?",
                "U0KARI", "C0CHAN", "tr-1", f.api.responseUrl("r1")), FORM);

        assertThat(ack.statusCode()).isEqualTo(200);
        JsonNode response = f.api.await("response_url", 1).get(0).json(null);
        assertThat(response.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(response.toString()).contains("kommunestyret gir myndighet").contains("Kilde: «Delegering»");
        JsonNode buttons = response.path("blocks").get(response.path("blocks").size() - 1).path("elements");
        assertThat(buttons.findValuesAsText("action_id")).containsExactly("feedback.up", "feedback.down", "share");
        assertThat(buttons.get(2).path("text").path("text").asText()).isEqualTo("Del i kanalen");
        assertThat(buttons.get(2).path("value").asText()).isEqualTo("hva er delegering?");
        assertThat(f.api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void folkevalgtSubcommands_programNesteHjelp_areAnswered() throws Exception {
        f.slack.signed(SlackRequests.slashCommand("/folkevalgt", "program", "U0KARI", "C0CHAN", "tr-p",
                f.api.responseUrl("p")), FORM);
        f.slack.signed(SlackRequests.slashCommand("/folkevalgt", "neste", "U0KARI", "C0CHAN", "tr-n",
                f.api.responseUrl("n")), FORM);
        f.slack.signed(SlackRequests.slashCommand("/folkevalgt", "hjelp", "U0KARI", "C0CHAN", "tr-h",
                f.api.responseUrl("h")), FORM);

        List<FakeSlackApi.Call> answers = f.api.await("response_url", 3);
        JsonNode program = byPath(answers, "/response/p");
        JsonNode next = byPath(answers, "/response/n");
        JsonNode help = byPath(answers, "/response/h");
        assertThat(program.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(program.toString()).containsIgnoringCase("lunsj");
        assertThat(next.path("text").asText()).isNotBlank();
        assertThat(help.path("text").asText()).contains("Kommandoer").contains("/refleksjon");
        assertThat(help.toString()).doesNotContain("\"share\"");
    }

    @Test
    void refleksjonCommand_isAnsweredPrivately_andARepeatedTriggerIsStoredOnce() throws Exception {
        String command = SlackRequests.slashCommand("/refleksjon", "Samspillet med administrasjonen & rollene",
                "U0KARI", "C0CHAN", "tr-refl", f.api.responseUrl("refl"));
        f.slack.signed(command, FORM);
        f.slack.signed(command, FORM);

        JsonNode response = f.api.await("response_url", 1).get(0).json(null);
        assertThat(response.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(response.path("text").asText()).contains("Takk! Svaret ditt er lagret")
                .as("a confirmation never quotes the answer").doesNotContain("administrasjonen");
        Waits.holdsFor(Duration.ofMillis(300), () -> {
            assertThat(f.reflections.answers).containsExactly("Samspillet med administrasjonen & rollene");
            assertThat(f.reflections.requestIds).containsExactly("tr-refl");
            assertThat(f.api.calls("response_url")).hasSize(1);
        });
    }

    @Test
    void slowAnswer_isAcknowledgedAtOnce_andFollowsThroughResponseUrl() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> ack = f.slack.signed(SlackRequests.slashCommand("/refleksjon", "treg", "U0KARI", "C0CHAN",
                "tr-slow", f.api.responseUrl("slow")), FORM);
        Duration acknowledged = Duration.ofNanos(System.nanoTime() - start);

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(acknowledged).as("within Slack's 3 s, while the answer is still blocked").isLessThan(Duration.ofSeconds(3));
        assertThat(f.api.calls("response_url")).isEmpty();
        f.reflections.slow.countDown();
        assertThat(f.api.await("response_url", 1).get(0).json(null).path("text").asText()).isEqualTo("Endelig ferdig.");
    }

    @Test
    void privateSummaryWithWordCloud_textIsPrivate_andTheImageGoesToTheUsersDm() throws Exception {
        f.slack.signed(SlackRequests.slashCommand("/refleksjon", "oppsummering", "U0FACIL", "C0CHAN", "tr-sum",
                f.api.responseUrl("sum")), FORM);

        assertThat(f.api.await("response_url", 1).get(0).json(null).path("response_type").asText()).isEqualTo("ephemeral");
        FakeSlackApi.Call complete = f.api.await("files.completeUploadExternal", 1).get(0);
        assertThat(f.api.calls("conversations.open").get(0).form()).containsEntry("users", "U0FACIL");
        assertThat(complete.form()).containsEntry("channel_id", "D0DM");
        assertThat(f.api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void feedbackClick_isStored_andAcknowledged() throws Exception {
        HttpResponse<String> ack = f.slack.signed(SlackRequests.blockAction("feedback.down",
                "deck.txt#2\nhva er delegering?", "U0KARI", "C0CHAN", f.api.responseUrl("fb")), FORM);

        assertThat(ack.statusCode()).isEqualTo(200);
        JsonNode thanks = f.api.await("response_url", 1).get(0).json(null);
        assertThat(thanks.path("text").asText()).isEqualTo("Takk for tilbakemeldingen!");
        assertThat(thanks.path("replace_original").asBoolean(true)).isFalse();
        assertThat(f.feedback.all()).containsExactly(new Feedback("slack", "U0KARI", "hva er delegering?",
                "deck.txt#2", false, f.clock.instant()));
    }

    @Test
    void shareClick_postsTheAnswerToTheChannel() throws Exception {
        f.slack.signed(SlackRequests.blockAction("share", "hva er delegering?", "U0KARI", "C0CHAN",
                f.api.responseUrl("share")), FORM);

        JsonNode shared = f.api.await("response_url", 1).get(0).json(null);
        assertThat(shared.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(shared.toString()).contains("<@U0KARI> spurte: «hva er delegering?»")
                .contains("kommunestyret gir myndighet").contains("feedback.up").doesNotContain("\"share\"");
    }

    @Test
    void mentionsInAQuestion_areLeftOutOfTheSearch() throws Exception {
        f.slack.signed(SlackRequests.appMention("Ev0006", "C0CHAN", "U0KARI",
                "<@UBOT> <!channel> <@U0BOSS|boss> hva er delegering?", "1700000000.000100"), JSON);

        FakeSlackApi.Call post = f.api.await("chat.postMessage", 1).get(0);
        assertThat(post.form().get("blocks")).contains("kommunestyret gir myndighet");
        assertThat(post.json("blocks").findValuesAsText("value")).contains("deck.txt#2\nhva er delegering?");
    }

    @Test
    void channelMentionTypedInAnAnswer_pingsNobody() throws Exception {
        /* Slack escapes & < > in what users type; the bot sees "<!channel>" as text and must not post it raw. */
        f.slack.signed(SlackRequests.slashCommand("/refleksjon", "&lt;!channel&gt; &lt;@U0BOSS&gt; vi må samarbeide",
                "U0KARI", "C0CHAN", "tr-esc", f.api.responseUrl("esc")), FORM);

        FakeSlackApi.Call answer = f.api.await("response_url", 1).get(0);
        assertThat(f.reflections.answers).containsExactly("<!channel> <@U0BOSS> vi må samarbeide");
        assertThat(answer.json(null).toString()).doesNotContain("<!channel>").doesNotContain("<@U0BOSS>");

        /* The confirmation does not quote it; /refleksjon mine shows it back, escaped. */
        f.slack.signed(SlackRequests.slashCommand("/refleksjon", "mine", "U0KARI", "C0CHAN", "tr-mine",
                f.api.responseUrl("mine")), FORM);
        FakeSlackApi.Call mine = f.api.await("response_url", 2).stream()
                .filter(c -> c.path().equals("/response/mine")).findFirst().orElseThrow();
        assertThat(mine.json(null).toString()).contains("&lt;!channel&gt; &lt;@U0BOSS&gt; vi må samarbeide")
                .doesNotContain("<!channel>").doesNotContain("<@U0BOSS>");
    }

    @Test
    void scheduledPrompt_isPostedToItsChannel_andRateLimitIsReportedWithRetryAfter() throws Exception {
        PlannedPost prompt = PostPlanner.plan(ProgrammeLoader.loadBundled()).stream()
                .filter(p -> p.kind() == PostKind.PROMPT).findFirst().orElseThrow();
        ChannelRef channel = new ChannelRef("slack", "C0PROG");
        f.api.script("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        assertThatThrownBy(() -> f.adapter.poster().post(channel, Reply.text(prompt.text())))
                .isInstanceOfSatisfying(PostFailure.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
                });
        long before = System.nanoTime();
        f.adapter.poster().post(channel, Reply.text(prompt.text()));

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThan(Duration.ofMillis(500));
        List<FakeSlackApi.Call> posts = f.api.calls("chat.postMessage");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).form()).containsEntry("channel", "C0PROG");
        assertThat(posts.get(1).form().get("text")).contains(BlockKit.escape(prompt.text().lines().findFirst().orElseThrow()));
    }

    @Test
    void poster_whoseImageUploadFails_stillCountsThePostAsSent_soARetryNeverRepostsTheText() throws Exception {
        ChannelRef channel = new ChannelRef("slack", "C0SUM");
        f.api.script("files.getUploadURLExternal", 500, Map.of(), "upstream unavailable");
        Reply summary = Reply.builder().text("Oppsummering: 3 svar")
                .image(new Reply.Image("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "Ordsky")).build();

        f.adapter.poster().post(channel, summary);

        assertThat(f.api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void poster_reportsPermanentAndTemporaryFailures() {
        ChannelRef channel = new ChannelRef("slack", "C0GONE");
        f.api.script("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"channel_not_found\"}");
        f.api.script("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"not_in_channel\"}");
        f.api.script("chat.postMessage", 503, Map.of(), "upstream unavailable");

        assertThatThrownBy(() -> f.adapter.poster().post(channel, Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("channel_not_found");
        assertThatThrownBy(() -> f.adapter.poster().post(channel, Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, e -> assertThat(e.permanent()).isTrue());
        assertThatThrownBy(() -> f.adapter.poster().post(channel, Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, e -> assertThat(e.permanent()).isFalse());
        assertThatThrownBy(() -> f.adapter.poster().post(new ChannelRef("teams", "19:abc"), Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void poster_escapesUserText_andUploadsTheWordCloud() throws Exception {
        /* The word cloud's text alternative as the server builds it: the top words with their counts. */
        String alt = no.folkevalgt.core.reflection.ReflectionSummaries.altText("Hva er viktigst?",
                new no.folkevalgt.core.reflection.ReflectionSummaries.Summary(3, 3, 3, List.of(
                        new no.folkevalgt.core.port.WordCount("samarbeid", 3), new no.folkevalgt.core.port.WordCount("tillit", 2))));
        Reply summary = Reply.builder()
                .text("Oppsummering: 3 svar", "Mest brukt: <!channel>, <@U0BOSS> & samarbeid")
                .image(new Reply.Image("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, alt))
                .build();

        f.adapter.poster().post(new ChannelRef("slack", "C0PROG"), summary);

        FakeSlackApi.Call post = f.api.calls("chat.postMessage").get(0);
        assertThat(post.visible()).contains("&lt;!channel&gt;, &lt;@U0BOSS&gt; &amp; samarbeid")
                .doesNotContain("<!channel>").doesNotContain("<@U0BOSS>");
        assertThat(f.api.calls("files.getUploadURLExternal")).hasSize(1);
        assertThat(f.api.calls("upload")).hasSize(1);
        FakeSlackApi.Call complete = f.api.calls("files.completeUploadExternal").get(0);
        assertThat(complete.form().get("channel_id")).isEqualTo("C0PROG");
        assertThat(alt).isEqualTo("Ordsky for «Hva er viktigst?»: mest brukte ord samarbeid (3), tillit (2).");
        /* Slack's text alternative for an uploaded image is files.getUploadURLExternal's alt_txt. */
        assertThat(f.api.calls("files.getUploadURLExternal").get(0).form().get("alt_txt")).isEqualTo(alt);
        assertThat(complete.form().get("files")).contains(alt);
        assertThat(f.api.answers()).extracting(FakeSlackApi.Call::method).containsExactly("chat.postMessage",
                "files.getUploadURLExternal", "upload", "files.completeUploadExternal");
    }

    @Nested
    class RefusedRequests {

        List<String> requests() {
            return List.of(
                    SlackRequests.appMention("Ev0100", "C0CHAN", "U0KARI", "<@UBOT> hva er delegering?", "1700000000.000100"),
                    SlackRequests.slashCommand("/refleksjon", "et svar", "U0KARI", "C0CHAN", "tr-x", f.api.responseUrl("x")),
                    SlackRequests.blockAction("feedback.up", "deck.txt#2\nq", "U0KARI", "C0CHAN", f.api.responseUrl("y")),
                    SlackRequests.urlVerification("abc"));
        }

        @Test
        void unsigned_wronglySigned_andStaleRequests_get401_andChangeNothing() throws Exception {
            long stale = SlackRequests.now() - Duration.ofMinutes(5).plusSeconds(30).toSeconds();
            for (String body : requests()) {
                String type = body.startsWith("{") ? JSON : FORM;
                assertThat(f.slack.send(body, type, SlackRequests.now(), null, Map.of()).statusCode())
                        .as("unsigned %s", body).isEqualTo(401);
                assertThat(f.slack.send(body, type, SlackRequests.now(), "not-the-secret", Map.of()).statusCode())
                        .as("wrongly signed %s", body).isEqualTo(401);
                assertThat(f.slack.send(body, type, stale, SlackRequests.SECRET, Map.of()).statusCode())
                        .as("stale %s", body).isEqualTo(401);
                long now = SlackRequests.now();
                assertThat(f.slack.send(body + " ", type, now, null, Map.of("X-Slack-Request-Timestamp",
                        Long.toString(now), "X-Slack-Signature", SlackRequests.sign(SlackRequests.SECRET, now, body)))
                        .statusCode()).as("body changed after signing").isEqualTo(401);
            }
            Waits.holdsFor(Duration.ofMillis(500), () -> {
                assertThat(f.api.answers()).isEmpty();
                assertThat(f.feedback.all()).isEmpty();
                assertThat(f.reflections.answers).isEmpty();
            });
        }

        @Test
        void garbage_isRefused() throws Exception {
            assertThat(f.slack.send("hello", "text/plain", SlackRequests.now(), null, Map.of()).statusCode())
                    .isEqualTo(401);
        }
    }

    private static JsonNode byPath(List<FakeSlackApi.Call> calls, String path) {
        return calls.stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow().json(null);
    }
}
