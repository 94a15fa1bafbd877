package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.testsupport.FakeSlackApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code slack:default} in programme.yaml stands for {@code SLACK_DEFAULT_CHANNEL}: the poster sends
 * such posts to that channel and looks for them there; without the setting the post fails for good
 * (retrying cannot help) and whether it went out cannot be told. Slack's Web API is the fake on loopback.
 */
class SlackPosterDefaultChannelTest {

    static final ChannelRef DEFAULT = new ChannelRef("slack", "default");

    FakeSlackApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeSlackApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    SlackPoster poster(String defaultChannel) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.apiUrl());
        config.setStatsEnabled(false);
        return new SlackPoster(Slack.getInstance(config).methods("xoxb-1234-5678-test"), Duration.ofMillis(10),
                defaultChannel);
    }

    @Test
    void aPostToSlackDefault_goesToTheDefaultChannel_andIsFoundThere() throws Exception {
        SlackPoster poster = poster("C0PROG");
        Instant since = Instant.now().minusSeconds(60);

        poster.post(DEFAULT, Reply.text("Hei fra programmet"), "prompt-1@slack:default");

        assertThat(api.calls("chat.postMessage")).singleElement()
                .satisfies(call -> assertThat(call.form()).containsEntry("channel", "C0PROG"));
        assertThat(poster.wasPosted(DEFAULT, "prompt-1@slack:default", since)).contains(true);
        assertThat(api.calls("conversations.history")).singleElement()
                .satisfies(call -> assertThat(call.form()).containsEntry("channel", "C0PROG"));
    }

    @Test
    void aPostToANamedChannel_staysThere_whateverTheDefault() throws Exception {
        poster("C0PROG").post(new ChannelRef("slack", "C0OWN"), Reply.text("Hei"));

        assertThat(api.calls("chat.postMessage")).singleElement()
                .satisfies(call -> assertThat(call.form()).containsEntry("channel", "C0OWN"));
    }

    @Test
    void withoutADefaultChannel_aPostToSlackDefault_failsForGood_andNothingIsSent() {
        SlackPoster poster = poster(null);

        assertThatThrownBy(() -> poster.post(DEFAULT, Reply.text("Hei")))
                .isInstanceOfSatisfying(PostFailure.class, failure -> assertThat(failure.permanent()).isTrue())
                .hasMessage("programme.yaml poster til slack:default, men SLACK_DEFAULT_CHANNEL er ikke satt");
        assertThat(poster.wasPosted(DEFAULT, "prompt-1@slack:default", Instant.now().minusSeconds(60))).isEmpty();
        assertThat(api.calls()).isEmpty();
    }
}
