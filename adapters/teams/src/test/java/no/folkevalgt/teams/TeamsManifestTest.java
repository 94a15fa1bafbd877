package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
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
    static final TeamsManifest.Links LINKS = new TeamsManifest.Links(URI.create("https://bot.kommune.no/"),
            URI.create("https://www.kommune.no/personvern"), URI.create("https://www.kommune.no/vilkar-for-bruk"));

    @TempDir
    Path dir;

    @Test
    void zip_holdsTheManifestWithTheAppId_andBothIconsInTheirSizes() throws Exception {
        Path zip = TeamsManifest.buildZip(new TeamsSettings(APP_ID, "not-a-real-secret", ""), LINKS, "1.4.2", dir.resolve("app.zip"));

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
        assertThat(manifest.path("version").asText()).isEqualTo("1.4.2");
        JsonNode bot = manifest.path("bots").get(0);
        assertThat(bot.path("botId").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("developer").path("websiteUrl").asText()).isEqualTo("https://bot.kommune.no/");
        assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo("https://www.kommune.no/personvern");
        assertThat(manifest.path("developer").path("termsOfUseUrl").asText()).isEqualTo("https://www.kommune.no/vilkar-for-bruk");
        assertThat(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).doesNotContain("${", "ks.no");
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
        assertThatThrownBy(() -> TeamsManifest.buildZip(new TeamsSettings("my-bot", "not-a-real-secret", ""), LINKS, "1.0.0", dir.resolve("x.zip")))
                .hasMessageContaining("MICROSOFT_APP_ID må være");
    }

    @Test
    void addressesThatAreNotHttps_areRefusedInNorwegian() {
        assertThatThrownBy(() -> new TeamsManifest.Links(URI.create("https://bot.kommune.no/"),
                URI.create("http://www.kommune.no/personvern"), URI.create("https://www.kommune.no/vilkar")))
                .hasMessage("Teams krever en https-adresse for personvernerklæring, men fikk «http://www.kommune.no/personvern».");
    }

    @Test
    void settings_neverShowThePassword() {
        assertThat(new TeamsSettings(APP_ID, "super-secret-value", "").toString()).doesNotContain("super-secret-value");
        assertThat(TeamsSettings.emulator().authenticated()).isFalse();
    }

    @Test
    void theVersion_isThreeNumbers_andTheProjectVersionGivesThem() {
        assertThat(TeamsManifest.versionOf("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(TeamsManifest.versionOf("2.10.3")).isEqualTo("2.10.3");
        assertThat(TeamsManifest.versionOf("utvikling")).isNull();
        for (String bad : new String[] {"1.0", "1.0.0-beta", "01.2.3", "v1.2.3", " 1.2.3", ""}) {
            assertThatThrownBy(() -> TeamsManifest.buildZip(new TeamsSettings(APP_ID, "not-a-real-secret", ""), LINKS, bad,
                    dir.resolve("v.zip"))).as(bad)
                    .hasMessage("Versjonen til Teams-appen må være tre tall, som 1.2.0, men er «" + bad + "».");
        }
        assertThat(dir.resolve("v.zip")).doesNotExist();
    }
}
