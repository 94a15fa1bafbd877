package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;

class TeamsManifestTest {

    static final String APP_ID = "1b2c3d4e-0000-4000-8000-1234567890ab";

    @TempDir
    Path dir;

    @Test
    void zip_holdsTheManifestWithTheAppId_andBothIconsInTheirSizes() throws Exception {
        Path zip = TeamsManifest.buildZip(new TeamsSettings(APP_ID, "secret", ""), dir.resolve("app.zip"));

        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().forEach(e -> {
                try {
                    entries.put(e.getName(), file.getInputStream(e).readAllBytes());
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
        assertThat(entries).containsOnlyKeys("manifest.json", "color.png", "outline.png");
        JsonNode manifest = Serialization.jsonToTree(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
        JsonNode bot = manifest.path("bots").get(0);
        assertThat(bot.path("botId").asText()).isEqualTo(APP_ID);
        assertThat(bot.path("scopes").toString()).contains("personal", "team", "groupChat");
        assertThat(bot.path("commandLists").get(0).path("commands").toString()).contains("refleksjon", "program", "neste", "hjelp");
        BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
    }

    @Test
    void anAppIdThatIsNotAGuid_isRefusedInNorwegian() {
        assertThatThrownBy(() -> TeamsManifest.buildZip(new TeamsSettings("my-bot", "s", ""), dir.resolve("x.zip")))
                .hasMessageContaining("MICROSOFT_APP_ID må være");
    }

    @Test
    void settings_neverShowThePassword() {
        assertThat(new TeamsSettings(APP_ID, "super-secret-value", "").toString()).doesNotContain("super-secret-value");
        assertThat(TeamsSettings.emulator().authenticated()).isFalse();
    }
}
