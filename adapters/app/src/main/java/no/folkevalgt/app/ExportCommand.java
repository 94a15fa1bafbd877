package no.folkevalgt.app;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.reflection.ReflectionExport;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcReflectionStore;
import no.folkevalgt.web.WebUsers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: the reflection answers for facilitators, as CSV. */
@Command(name = "export",
        description = {"Eksporter refleksjonssvarene som CSV (semikolon, UTF-8), for fasilitatorene.",
                "Svar på anonyme oppgaver eksporteres uten hvem som svarte."},
        footer = {"", "Eksempler:", "  ./bot export --format csv > svar.csv", "  ./bot export --format csv --prompt 2 --output svar-2.csv"})
final class ExportCommand implements Callable<Integer> {

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "Formatet: csv (standard).")
    String format;

    @Option(names = "--prompt", paramLabel = "N", description = "Bare svarene på refleksjonsoppgave N.")
    Integer prompt;

    @Option(names = "--output", paramLabel = "FIL", description = "Skriv til denne filen i stedet for standard ut.")
    Path output;

    @Option(names = "--demo", description = "Programmet slik ./bot chat --demo bruker det.")
    boolean demo;

    ExportCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        if (!"csv".equalsIgnoreCase(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Formatet «" + format + "» finnes ikke; bruk csv.");
        }
        Programme programme = app.programme(demo);
        if (prompt != null && programme.prompt(prompt).isEmpty()) {
            throw new UserError("Refleksjonsoppgave " + prompt + " finnes ikke; programmet har "
                    + programme.prompts().size() + " oppgaver.");
        }
        OptionalInt which = prompt == null ? OptionalInt.empty() : OptionalInt.of(prompt);
        try (Database database = app.openDatabase()) {
            ReflectionExport export = new ReflectionExport(new JdbcReflectionStore(database), programme)
                    .withShownUser(WebUsers::shown);
            int rows;
            if (output != null) {
                try (OutputStream out = Files.newOutputStream(output)) {
                    rows = export.write(out, which);
                }
                app.err().println("Skrev " + rows + " svar til " + output);
            } else {
                rows = export.write(app.out(), which);
                app.out().flush();
            }
        }
        return 0;
    }
}
