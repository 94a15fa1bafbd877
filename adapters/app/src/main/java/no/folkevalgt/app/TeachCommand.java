package no.folkevalgt.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import no.folkevalgt.core.port.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code teach}: what a facilitator teaches the bot about a question it could not answer well: the
 * slide that answers it, or that the material does not answer it (with a text the bot gives instead);
 * questions like it get the same answer. Also lists, exports and imports what was taught.
 */
@Command(name = "teach",
        description = {"Lær boten svaret på et spørsmål den ikke svarte godt på.",
                "Spørsmål som ligner, får samme svar. ./bot gaps viser spørsmålene, ./bot unteach angrer.",
                "Gjør én ting per gang."},
        footer = {"", "Eksempler:",
                "  ./bot teach \"Hvem bestemmer lønna til rådmannen?\" --slide 49",
                "  ./bot teach \"Når er neste kommunestyremøte?\" --reply \"Se kommunens møtekalender.\"",
                "  ./bot teach \"Hva mener du om bompenger?\" --not-in-material",
                "  ./bot teach --list",
                "  ./bot teach --export laert.sporsmal.txt",
                "  ./bot teach --import laert.sporsmal.txt"})
final class TeachCommand implements Callable<Integer> {

    /** Largest file {@code --import} reads. */
    static final long MAX_IMPORT_BYTES = 1_000_000;

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @Parameters(paramLabel = "SPØRSMÅL", arity = "0..*",
            description = "Spørsmålet slik medlemmene stiller det (flere ord settes sammen).")
    List<String> words = List.of();

    @Option(names = "--slide", paramLabel = "N", description = "Lysbilde N svarer på spørsmålet.")
    Integer slide;

    @Option(names = "--file", paramLabel = "FIL",
            description = "Lysbildefilen N gjelder (bare når materialet har flere filer med lysbilde N).")
    String file;

    @Option(names = "--reply", paramLabel = "TEKST",
            description = "Spørsmålet står ikke i programmaterialet; boten svarer dette i stedet (høyst " + Lesson.MAX_REPLY + " tegn).")
    String reply;

    @Option(names = "--not-in-material",
            description = "Spørsmålet står ikke i programmaterialet; boten sier det og viser hva den kan svare på.")
    boolean notInMaterial;

    @Option(names = "--list", description = "Vis alt boten er lært.")
    boolean list;

    @Option(names = "--export", paramLabel = "FIL",
            description = "Skriv alt boten er lært til FIL i spørsmålsbankens format (- for standard ut).")
    String export;

    @Option(names = "--import", paramLabel = "FIL",
            description = "Les inn en fil i spørsmålsbankens format (alt eller ingenting).")
    Path importFile;

    TeachCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws IOException {
        String question = String.join(" ", words).strip();
        String action = action(question);
        try (Teaching teaching = Teaching.open(app)) {
            switch (action) {
                case "--slide" -> link(teaching, question);
                case "--list" -> list(teaching);
                case "--export" -> export(teaching);
                case "--import" -> importBank(teaching);
                default -> notInMaterial(teaching, question);
            }
        }
        return 0;
    }

    /* Checks the command line before anything is opened: exactly one action, with a question when it needs one. */
    private String action(String question) {
        List<String> actions = new ArrayList<>();
        if (slide != null) {
            actions.add("--slide");
        }
        if (reply != null) {
            actions.add("--reply");
        } else if (notInMaterial) {
            actions.add("--not-in-material");
        }
        if (list) {
            actions.add("--list");
        }
        if (export != null) {
            actions.add("--export");
        }
        if (importFile != null) {
            actions.add("--import");
        }
        if (actions.isEmpty()) {
            throw new UserError("Si hva boten skal lære: --slide N, --reply \"tekst\" eller --not-in-material etter "
                    + "spørsmålet, eller bruk --list, --export FIL eller --import FIL. Se «bot teach --help».");
        }
        if (actions.size() > 1) {
            throw new UserError("Gjør én ting om gangen: " + String.join(" og ", actions)
                    + " kan ikke brukes sammen. Se «bot teach --help».");
        }
        String action = actions.get(0);
        if (file != null && !action.equals("--slide")) {
            throw new UserError("--file hører sammen med --slide: den sier hvilken lysbildefil lysbildenummeret gjelder.");
        }
        boolean needsQuestion = action.equals("--slide") || action.equals("--reply") || action.equals("--not-in-material");
        if (needsQuestion && question.isEmpty()) {
            throw new UserError("Skriv spørsmålet boten skal lære, for eksempel: "
                    + "./bot teach \"Hvem bestemmer lønna til rådmannen?\" --slide 49");
        }
        if (!needsQuestion && !question.isEmpty()) {
            throw new UserError(action + " tar ikke noe spørsmål, men fikk «" + question + "». Se «bot teach --help».");
        }
        return action;
    }

    private void link(Teaching teaching, String question) {
        Optional<Lesson> before = sameQuestion(teaching, question);
        Lesson lesson = Teaching.refusing(() -> teaching.lessons.link(question, slide, file));
        PrintStream out = app.out();
        out.println("Lært: «" + lesson.question() + "» besvares nå med " + teaching.slide(lesson.passageId()) + ".");
        confirm(teaching, lesson, before);
    }

    private void notInMaterial(Teaching teaching, String question) {
        Optional<Lesson> before = sameQuestion(teaching, question);
        Lesson lesson = Teaching.refusing(() -> teaching.lessons.notInMaterial(question, reply));
        PrintStream out = app.out();
        out.println("Lært: «" + lesson.question() + "» står ikke i programmaterialet. " + (lesson.reply().isEmpty()
                ? "Boten sier det og viser hva den kan svare på." : "Boten svarer: «" + lesson.reply() + "»"));
        confirm(teaching, lesson, before);
    }

    private void confirm(Teaching teaching, Lesson lesson, Optional<Lesson> before) {
        PrintStream out = app.out();
        before.ifPresent(old -> out.println("Det erstatter det som var lært før: " + teaching.taught(old) + "."));
        out.println("Spørsmål som ligner, får samme svar. Angre med: ./bot unteach \"" + lesson.question() + "\"");
    }

    private static Optional<Lesson> sameQuestion(Teaching teaching, String question) {
        String key = Lesson.keyOf(question);
        return teaching.lessons.all().stream().filter(l -> l.key().equals(key)).findFirst();
    }

    private void list(Teaching teaching) {
        List<Lesson> all = teaching.lessons.all();
        PrintStream out = app.out();
        if (all.isEmpty()) {
            out.println("Boten er ikke lært noe ennå. Lær den et svar med ./bot teach \"spørsmål\" --slide N "
                    + "(se ./bot gaps for spørsmålene den ikke svarte godt på).");
            return;
        }
        out.println(all.size() == 1 ? "1 spørsmål er lært inn:" : all.size() + " spørsmål er lært inn:");
        for (Lesson lesson : all) {
            out.println();
            out.println("«" + lesson.question() + "»");
            out.println("  " + teaching.taught(lesson) + " (lært " + teaching.when(lesson.at()) + ")");
        }
    }

    private void export(Teaching teaching) throws IOException {
        String text = teaching.lessons.export();
        int count = teaching.lessons.all().size();
        if (export.equals("-")) {
            app.out().print(text);
            app.out().flush();
            return;
        }
        Path target = app.workingDir().resolve(export);
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("Kunne ikke skrive til " + export + ": " + Main.describe(e), e);
        }
        app.out().println("Skrev " + count + " innlærte spørsmål til " + export + ".");
    }

    private void importBank(Teaching teaching) {
        Path source = app.workingDir().resolve(importFile);
        String text;
        try {
            if (Files.size(source) > MAX_IMPORT_BYTES) {
                throw new UserError("Filen " + importFile + " er for stor (over 1 MB).");
            }
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("Fant ikke filen " + importFile + ".", e);
        } catch (CharacterCodingException e) {
            throw new UserError("Filen " + importFile + " er ikke tekst i UTF-8.", e);
        } catch (IOException e) {
            throw new UserError("Kunne ikke lese " + importFile + ": " + Main.describe(e), e);
        }
        int count = Teaching.refusing(() -> teaching.lessons.importBank(text));
        app.out().println("Leste inn " + count + " spørsmål fra " + importFile + ".");
    }
}
