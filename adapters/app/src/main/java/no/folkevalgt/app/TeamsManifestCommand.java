package no.folkevalgt.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import no.folkevalgt.teams.TeamsManifest;
import no.folkevalgt.teams.TeamsSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code teams-manifest}: the zip to upload to Teams (manifest and icons), with the app id from the settings. */
@Command(name = "teams-manifest",
        description = {"Lag Teams-appen (manifest.json og ikoner) som zip-fil til opplasting i Teams.",
                "Bruker MICROSOFT_APP_ID fra innstillingene. Se docs/teams.md."},
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
        Path made = TeamsManifest.buildZip(settings, zip);
        app.out().println("Skrev " + made + ". Last den opp i Teams: Apper → Administrer appene dine → Last opp en app.");
        return 0;
    }

    static TeamsSettings teamsSettings(java.util.Map<String, String> values) {
        try {
            return TeamsSettings.fromEnvironment(values);
        } catch (IllegalArgumentException e) {
            throw new UserError("Teams-innstillingene er ufullstendige: sett både MICROSOFT_APP_ID og MICROSOFT_APP_PASSWORD "
                    + "(eller ingen av dem for å prøve med Bot Framework Emulator).", e);
        }
    }
}
