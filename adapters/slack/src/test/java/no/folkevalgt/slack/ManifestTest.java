package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The manifests ask for what the adapter handles, at the address it serves, and no more. */
class ManifestTest {

    @Test
    void httpManifest_pointsEveryUrlAtSlackEvents_andAsksForTheNeededScopesOnly() throws IOException {
        Map<String, Object> manifest = load("manifest.yml");

        assertThat(commands(manifest)).extracting(c -> c.get("command"))
                .containsExactly(SlackAdapter.FOLKEVALGT, SlackAdapter.REFLEKSJON);
        assertThat(commands(manifest)).allSatisfy(c -> {
            assertThat((String) c.get("url")).endsWith(SlackAdapter.PATH);
            assertThat((String) c.get("usage_hint")).isNotBlank();
        });
        Map<String, Object> settings = map(manifest, "settings");
        assertThat((String) map(settings, "event_subscriptions").get("request_url")).endsWith(SlackAdapter.PATH);
        assertThat((String) map(settings, "interactivity").get("request_url")).endsWith(SlackAdapter.PATH);
        assertThat(settings.get("socket_mode_enabled")).isEqualTo(false);
        assertCommon(manifest);
    }

    @Test
    void socketModeManifest_isTheSameApp_withoutUrls() throws IOException {
        Map<String, Object> manifest = load("manifest-socket-mode.yml");

        assertThat(map(manifest, "settings").get("socket_mode_enabled")).isEqualTo(true);
        assertThat(Files.readString(Path.of("manifest-socket-mode.yml"))).doesNotContain("YOUR-HOST");
        assertCommon(manifest);
    }

    private static void assertCommon(Map<String, Object> manifest) {
        Map<String, Object> settings = map(manifest, "settings");
        assertThat(map(settings, "event_subscriptions").get("bot_events")).isEqualTo(List.of("app_mention", "message.im"));
        assertThat(map(settings, "interactivity").get("is_enabled")).isEqualTo(true);
        assertThat(map(map(manifest, "oauth_config"), "scopes").get("bot")).isEqualTo(List.of(
                "app_mentions:read", "chat:write", "commands", "im:history", "im:write", "files:write",
                "channels:history", "groups:history"));
        assertThat(map(map(manifest, "features"), "bot_user").get("display_name")).isEqualTo("Folkevalgt");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> commands(Map<String, Object> manifest) {
        return (List<Map<String, Object>>) map(manifest, "features").get("slash_commands");
    }
}
