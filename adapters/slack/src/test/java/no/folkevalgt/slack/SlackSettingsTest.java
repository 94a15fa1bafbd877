package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    @Test
    void withoutABotToken_slackIsOff() {
        assertThat(SlackSettings.from(Map.of())).isEmpty();
        assertThat(SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "  ", "SLACK_SIGNING_SECRET", "s"))).isEmpty();
    }

    @Test
    void httpMode_defaultsToSlacksApi() {
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s3cr3t",
                "SLACK_DEFAULT_CHANNEL", "C0PROG")).orElseThrow();

        assertThat(settings.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(settings.socketMode()).isFalse();
        assertThat(settings.defaultChannel()).isEqualTo("C0PROG");
    }

    @Test
    void socketMode_whenAnAppTokenIsSet_andTheApiUrlCanBeChanged() {
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1-A",
                "SLACK_API_URL", "https://slack-gov.com/api")).orElseThrow();

        assertThat(settings.socketMode()).isTrue();
        assertThat(settings.apiUrl()).isEqualTo("https://slack-gov.com/api/");
    }

    @Test
    void toString_neverShowsSecrets() {
        SlackSettings settings = new SlackSettings("xoxb-very-secret", "signing-very-secret", "xapp-very-secret",
                null, null);

        assertThat(settings.toString()).doesNotContain("very-secret").contains("(set)").contains("socket");
    }

    @Test
    void incompleteSettings_sayWhatIsMissing() {
        assertThatThrownBy(() -> SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
                .hasMessageContaining("SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2")))
                .hasMessageContaining("xapp-");
        assertThatThrownBy(() -> SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "SLACK_API_URL", "slack.com/api"))).hasMessageContaining("SLACK_API_URL");
    }
}
