package no.folkevalgt.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import no.folkevalgt.teams.TeamsManifest;
import no.folkevalgt.teams.TeamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code teams-manifest}: the zip to upload to Teams (manifest and icons), with the app id from the settings. */
@Command(name = "teams-manifest",
        description = {"Lag Teams-appen (manifest.json og ikoner) som zip-fil til opplasting i Teams.",
                "Bruker MICROSOFT_APP_ID, TEAMS_PRIVACY_URL og TEAMS_TERMS_URL (eller PUBLIC_URL) fra innstillingene. "
                        + "Se docs/teams.md."},
        footer = {"", "Eksempel:", "  ./bot teams-manifest folkevalgt-teams.zip"})
final class TeamsManifestCommand implements Callable<Integer> {

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @Parameters(paramLabel = "ZIP", description = "Filen som skal lages, for eksempel folkevalgt-teams.zip.")
    Path zip;

    TeamsManifestCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        TeamsSettings settings = teamsSettings(app.settings().values());
        if (!settings.authenticated()) {
            throw new UserError("MICROSOFT_APP_ID mangler: sett den (i miljøet eller i .env) til bot-registreringens app-id først.");
        }
        Path made;
        try {
            made = TeamsManifest.buildZip(settings, links(app.settings().values(), app.err()),
                    version(app.settings().values()), zip);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        app.out().println("Skrev " + made + ". Last den opp i Teams: Apper → Administrer appene dine → Last opp en app.");
        return 0;
    }

    /**
     * The app package's version: {@code TEAMS_APP_VERSION}, else the project's version without its
     * qualifier ({@code 0.1.0-SNAPSHOT} gives {@code 0.1.0}). Teams admins roll out an update only when
     * its version is higher than the last one uploaded, so raise it for every package you upload.
     */
    static String version(java.util.Map<String, String> values) throws java.io.IOException {
        String set = values.get("TEAMS_APP_VERSION");
        if (set != null && !set.isBlank()) {
            return set.strip();
        }
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        String version = TeamsManifest.versionOf(properties.getProperty("version"));
        return version == null ? "1.0.0" : version;
    }

    /**
     * The addresses on the app's page in Teams: {@code TEAMS_PRIVACY_URL} and {@code TEAMS_TERMS_URL},
     * each falling back to {@code PUBLIC_URL} (with a warning on {@code err}), and {@code PUBLIC_URL} as
     * the website (the privacy statement's address when there is no {@code PUBLIC_URL}).
     */
    static TeamsManifest.Links links(java.util.Map<String, String> values, java.io.PrintStream err) {
        java.net.URI publicUrl = url(values, "PUBLIC_URL");
        java.net.URI privacy = url(values, "TEAMS_PRIVACY_URL");
        java.net.URI terms = url(values, "TEAMS_TERMS_URL");
        if (publicUrl == null && (privacy == null || terms == null)) {
            throw new UserError("Teams-appen må vise en personvernerklæring og vilkår for bruk: sett TEAMS_PRIVACY_URL og "
                    + "TEAMS_TERMS_URL (https-adresser, som https://www.kommune.no/personvern), eller PUBLIC_URL, så brukes "
                    + "bot-ens egen adresse for det som mangler.");
        }
        if (privacy == null) {
            err.println("Merk: TEAMS_PRIVACY_URL er ikke satt, så Teams-appen viser " + publicUrl
                    + " som personvernerklæring. Sett TEAMS_PRIVACY_URL til kommunens personvernerklæring.");
            privacy = publicUrl;
        }
        if (terms == null) {
            err.println("Merk: TEAMS_TERMS_URL er ikke satt, så Teams-appen viser " + publicUrl
                    + " som vilkår for bruk. Sett TEAMS_TERMS_URL til kommunens vilkår for bruk.");
            terms = publicUrl;
        }
        try {
            return new TeamsManifest.Links(publicUrl != null ? publicUrl : privacy, privacy, terms);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + " Sett PUBLIC_URL, TEAMS_PRIVACY_URL og TEAMS_TERMS_URL til https-adresser.");
        }
    }

    private static java.net.URI url(java.util.Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new java.net.URISyntaxException(value, "no host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new UserError(name + " må være en nettadresse som https://www.kommune.no/personvern, men er «" + value + "».");
        }
    }

    static TeamsSettings teamsSettings(java.util.Map<String, String> values) {
        try {
            return TeamsSettings.fromEnvironment(values);
        } catch (IllegalArgumentException e) {
            /* The message names the setting and what is wrong; it never holds the password. */
            throw new UserError(e.getMessage());
        }
    }
}
