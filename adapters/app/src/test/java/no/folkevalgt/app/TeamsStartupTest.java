package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Azure Bot's settings at start: a malformed app id, tenant id or client secret stops the bot with
 * one Norwegian line (no stack trace, never the secret); an app id without a tenant id says plainly
 * that the bot is multi-tenant. And the Teams app's privacy and terms addresses come from the settings.
 */
class TeamsStartupTest {

    static final String APP_ID = "1b2c3d4e-0000-4000-8000-1234567890ab";
    static final String SECRET = "Abc8Q~kommune.secret_value-1234567890xyz";

    @TempDir
    Path home;

    Cli cli(String appId, String password, String tenant) throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        cli.env.put("MICROSOFT_APP_ID", appId);
        cli.env.put("MICROSOFT_APP_PASSWORD", password);
        cli.env.put("MICROSOFT_APP_TENANT_ID", tenant);
        return cli;
    }

    @Test
    void aMalformedTenantId_stopsTheStart_withOneNorwegianLine() throws Exception {
        Cli.Result result = cli(APP_ID, SECRET, "min-kommune").run("serve");

        assertThat(result.code()).isEqualTo(Main.FAILURE);
        assertThat(result.err()).isEqualTo("MICROSOFT_APP_TENANT_ID må være ID-en til Microsoft Entra-leietakeren (en GUID, som "
                + "72f988bf-0000-4000-8000-1234567890ab) eller et bekreftet domene i den (som kommune.onmicrosoft.com), men er "
                + "«min-kommune». Du finner den i Azure Bot-ressursen under Konfigurasjon → App Tenant ID." + System.lineSeparator());
        assertThat(result.out()).doesNotContain("kjører");
    }

    @Test
    void aMalformedAppId_stopsTheStart() throws Exception {
        Cli.Result result = cli("folkevalgt", SECRET, "").run("serve");

        assertThat(result.code()).isEqualTo(Main.FAILURE);
        assertThat(result.err()).startsWith("MICROSOFT_APP_ID må være app-ID-en (en GUID, som 1b2c3d4e-0000-4000-8000-1234567890ab)")
                .doesNotContain(SECRET).doesNotContain("\tat ");
    }

    @Test
    void theSecretsIdInPlaceOfItsValue_stopsTheStart_withoutShowingIt() throws Exception {
        String secretId = "9f8e7d6c-5b4a-4321-8fed-cba987654321";
        Cli.Result result = cli(APP_ID, secretId, "").run("serve");

        assertThat(result.code()).isEqualTo(Main.FAILURE);
        assertThat(result.err()).isEqualTo("MICROSOFT_APP_PASSWORD ser ut som en GUID: det er trolig hemmelighetens ID (Secret ID), "
                + "ikke verdien. Lim inn verdien (Value) til en klienthemmelighet fra app-registreringen "
                + "(Sertifikater og hemmeligheter → Klienthemmeligheter), uten anførselstegn." + System.lineSeparator());
        assertThat(result.err() + result.out()).doesNotContain(secretId);
    }

    @Test
    void aShortSecret_stopsTheStart_evenWithDebugLogging_withoutShowingIt() throws Exception {
        Cli cli = cli(APP_ID, "hemmelig-ord", "");
        cli.env.put("LOG_LEVEL", "debug");
        Cli.Result result = cli.run("serve");

        assertThat(result.code()).isEqualTo(Main.FAILURE);
        assertThat(result.err()).startsWith("MICROSOFT_APP_PASSWORD er bare 12 tegn lang; en klienthemmelighet fra Azure er rundt 40 tegn.");
        assertThat(result.err() + result.out()).doesNotContain("hemmelig-ord");
    }

    @Test
    void anAppIdWithoutATenantId_startsAsAMultiTenantBot_andSaysSo() throws Exception {
        List<ILoggingEvent> events = startedLog(cli(APP_ID, SECRET, ""));
        assertThat(events).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("Teams: MICROSOFT_APP_TENANT_ID er ikke satt, så boten kjører "
                    + "som multi-tenant-bot (den henter tokenet sitt fra botframework.com). Azure lager ikke lenger nye "
                    + "multi-tenant-boter: en ny Azure Bot er single-tenant og virker bare med MICROSOFT_APP_TENANT_ID satt "
                    + "til leietakerens ID (se docs/teams.md).");
        });
    }

    @Test
    void aSingleTenantBot_startsWithoutTheMultiTenantWarning() throws Exception {
        List<ILoggingEvent> events = startedLog(cli(APP_ID, SECRET, "72f988bf-0000-4000-8000-1234567890ab"));
        assertThat(events).noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains("multi-tenant"));
    }

    /* What the log held once `serve` had started with these settings (the server is stopped again). */
    private List<ILoggingEvent> startedLog(Cli cli) throws Exception {
        CapturedLog log = new CapturedLog();
        log.start();
        try (BotServer running = BotServer.builder().settings(cli.env).workingDir(home).start()) {
            return List.copyOf(log.events());
        } finally {
            log.stop();
        }
    }

    @Test
    void teamsManifest_takesThePrivacyAndTermsAddressesFromTheSettings() throws Exception {
        Cli cli = cli(APP_ID, SECRET, "");
        cli.env.put("PUBLIC_URL", "https://folkevalgt.kommune.no");
        cli.env.put("TEAMS_PRIVACY_URL", "https://www.kommune.no/personvern/folkevalgt-bot");
        cli.env.put("TEAMS_TERMS_URL", "https://www.kommune.no/vilkar");

        Cli.Result result = cli.run("teams-manifest", home.resolve("app.zip").toString());

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode developer = manifest(home.resolve("app.zip")).path("developer");
        assertThat(developer.path("websiteUrl").asText()).isEqualTo("https://folkevalgt.kommune.no");
        assertThat(developer.path("privacyUrl").asText()).isEqualTo("https://www.kommune.no/personvern/folkevalgt-bot");
        assertThat(developer.path("termsOfUseUrl").asText()).isEqualTo("https://www.kommune.no/vilkar");
    }

    @Test
    void teamsManifest_withOnlyPublicUrl_pointsAtTheBot_andSaysWhatToSet() throws Exception {
        Cli cli = cli(APP_ID, SECRET, "");
        cli.env.put("PUBLIC_URL", "https://folkevalgt.kommune.no/");

        Cli.Result result = cli.run("teams-manifest", home.resolve("app.zip").toString());

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEqualTo("Merk: TEAMS_PRIVACY_URL er ikke satt, så Teams-appen viser https://folkevalgt.kommune.no/ "
                + "som personvernerklæring. Sett TEAMS_PRIVACY_URL til kommunens personvernerklæring." + System.lineSeparator()
                + "Merk: TEAMS_TERMS_URL er ikke satt, så Teams-appen viser https://folkevalgt.kommune.no/ som vilkår for bruk. "
                + "Sett TEAMS_TERMS_URL til kommunens vilkår for bruk." + System.lineSeparator());
        JsonNode developer = manifest(home.resolve("app.zip")).path("developer");
        assertThat(developer.path("privacyUrl").asText()).isEqualTo("https://folkevalgt.kommune.no/");
        assertThat(developer.path("termsOfUseUrl").asText()).isEqualTo("https://folkevalgt.kommune.no/");
    }

    @Test
    void teamsManifest_takesItsVersionFromTheProject_orFromTeamsAppVersion() throws Exception {
        Cli cli = cli(APP_ID, SECRET, "");
        cli.env.put("PUBLIC_URL", "https://folkevalgt.kommune.no/");
        assertThat(cli.run("teams-manifest", home.resolve("a.zip").toString()).code()).isZero();
        assertThat(manifest(home.resolve("a.zip")).path("version").asText()).as("0.1.0-SNAPSHOT without its qualifier")
                .matches("\\d+\\.\\d+\\.\\d+").isEqualTo(TeamsManifestCommand.version(java.util.Map.of()));

        cli.env.put("TEAMS_APP_VERSION", "2.3.4");
        assertThat(cli.run("teams-manifest", home.resolve("b.zip").toString()).code()).isZero();
        assertThat(manifest(home.resolve("b.zip")).path("version").asText()).isEqualTo("2.3.4");

        cli.env.put("TEAMS_APP_VERSION", "2.3");
        Cli.Result refused = cli.run("teams-manifest", home.resolve("c.zip").toString());
        assertThat(refused.code()).isEqualTo(Main.FAILURE);
        assertThat(refused.err()).endsWith("Versjonen til Teams-appen må være tre tall, som 1.2.0, men er «2.3»." + System.lineSeparator());
        assertThat(home.resolve("c.zip")).doesNotExist();
    }

    @Test
    void teamsManifest_withoutAnyAddress_saysWhatToSet() throws Exception {
        Cli.Result result = cli(APP_ID, SECRET, "").run("teams-manifest", home.resolve("app.zip").toString());

        assertThat(result.code()).isEqualTo(Main.FAILURE);
        assertThat(result.err()).isEqualTo("Teams-appen må vise en personvernerklæring og vilkår for bruk: sett TEAMS_PRIVACY_URL og "
                + "TEAMS_TERMS_URL (https-adresser, som https://www.kommune.no/personvern), eller PUBLIC_URL, så brukes bot-ens "
                + "egen adresse for det som mangler." + System.lineSeparator());
        assertThat(home.resolve("app.zip")).doesNotExist();
    }

    @Test
    void teamsManifest_refusesAnAddressWithoutHttps() throws Exception {
        Cli cli = cli(APP_ID, SECRET, "");
        cli.env.put("PUBLIC_URL", "https://folkevalgt.kommune.no");
        cli.env.put("TEAMS_PRIVACY_URL", "http://www.kommune.no/personvern");
        cli.env.put("TEAMS_TERMS_URL", "https://www.kommune.no/vilkar");

        Cli.Result result = cli.run("teams-manifest", home.resolve("app.zip").toString());

        assertThat(result.code()).isEqualTo(Main.FAILURE);
        assertThat(result.err()).isEqualTo("Teams krever en https-adresse for personvernerklæring, men fikk "
                + "«http://www.kommune.no/personvern». Sett PUBLIC_URL, TEAMS_PRIVACY_URL og TEAMS_TERMS_URL til https-adresser."
                + System.lineSeparator());
    }

    private static JsonNode manifest(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return new ObjectMapper().readTree(new String(file.getInputStream(file.getEntry("manifest.json")).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }
}
