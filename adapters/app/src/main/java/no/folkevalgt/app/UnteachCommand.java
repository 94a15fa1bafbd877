package no.folkevalgt.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import no.folkevalgt.core.port.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code unteach}: forgets what was taught about a question; the bot searches the material for it again. */
@Command(name = "unteach",
        description = {"Angre det boten er lært om et spørsmål (med ./bot teach), så den søker i materialet igjen.",
                "Skriv spørsmålet slik det ble lært (se ./bot teach --list)."},
        footer = {"", "Eksempel:", "  ./bot unteach \"Hvem bestemmer lønna til rådmannen?\""})
final class UnteachCommand implements Callable<Integer> {

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @Parameters(paramLabel = "SPØRSMÅL", arity = "1..*", description = "Spørsmålet som ble lært (flere ord settes sammen).")
    List<String> words = List.of();

    UnteachCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) {
            throw new UserError("Skriv spørsmålet som skal glemmes, slik det ble lært (se ./bot teach --list).");
        }
        try (Teaching teaching = Teaching.open(app)) {
            Optional<Lesson> like = teaching.lessons.match(question);
            Optional<Lesson> undone = Teaching.refusing(() -> teaching.lessons.undo(question));
            if (undone.isPresent()) {
                app.out().println("Glemt: «" + undone.get().question() + "» (var " + teaching.taught(undone.get())
                        + "). Boten søker i materialet igjen.");
                return 0;
            }
            throw new UserError("Ingenting er lært for «" + question + "»." + like
                    .map(l -> " Det ligner «" + l.question() + "», som er lært; skriv det spørsmålet for å angre det.")
                    .orElse(" Se ./bot teach --list."));
        }
    }
}
