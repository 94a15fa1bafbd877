package no.folkevalgt.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.programme.ProgrammeCommands;
import no.folkevalgt.core.teaching.Lessons;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcLessonStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code ask}: one question from the arguments, or one per line from standard input. Questions about
 * the programme ("program i morgen", "når er lunsj?") are answered as in the chat, by the same
 * {@link ProgrammeCommands}, with the day's "Program for dagen" slide as the hit. The reflection
 * commands are left out: they need a user and the database. What facilitators taught ({@code ./bot teach})
 * is used when a database is there already ({@code DATABASE_URL}, or the embedded H2 file); {@code ask}
 * never creates one, so on a fresh clone it stays quick and leaves no database behind.
 */
@Command(name = "ask",
        description = {"Still ett spørsmål og vis svaret slik brukeren ser det.",
                "Uten spørsmål leses ett spørsmål per linje fra standard inn (tomme linjer hoppes over)."},
        footer = {"", "Eksempler:",
                "  ./bot ask \"Hvordan får jeg en sak på saklista?\"",
                "  ./bot ask --json --top 3 < spørsmål.txt"})
final class AskCommand implements Callable<Integer> {

    static final int MAX_TOP = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SPØRSMÅL", arity = "0..*",
            description = "Spørsmålet (flere ord settes sammen). Uten spørsmål leses standard inn.")
    List<String> words = List.of();

    @Option(names = "--json", description = "Skriv ett JSON-objekt per spørsmål: spørsmål, svar, treff og forslag.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3",
            description = "Høyst så mange treff (1-" + MAX_TOP + ", standard ${DEFAULT-VALUE}).")
    int top;

    AskCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws IOException {
        if (top < 1 || top > MAX_TOP) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--top må være fra 1 til " + MAX_TOP + ", men er " + top);
        }
        PrintStream out = app.out();
        ProgrammeCommands programme = new ProgrammeCommands(app.programme(false), app.clock());
        try (KnowledgeBase kb = app.openKnowledgeBase(); Database database = taughtDatabase()) {
            Bot bot = Bot.builder()
                    .knowledgeBase(kb)
                    .top(top)
                    .commands(List.of(programme))
                    .clock(app.clock())
                    .lessons(database == null ? null : new Lessons(new JdbcLessonStore(database), kb, app.clock()))
                    .build();
            Asker asker = new Asker(bot, programme, kb);
            if (!words.isEmpty()) {
                print(out, String.join(" ", words), asker, false);
                return 0;
            }
            if (app.interactive()) {
                app.err().println("Skriv ett spørsmål per linje; avslutt med Ctrl+D.");
            }
            BufferedReader in = app.stdin();
            boolean first = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (!json && !first) {
                    out.println();
                }
                print(out, line, asker, !json);
                first = false;
            }
        }
        return 0;
    }

    /*
     * The database that holds what facilitators taught, when there is one already; null otherwise. A
     * database that cannot be opened costs the taught answers, not the answer: it is said on stderr.
     */
    private Database taughtDatabase() {
        if (!app.databaseExists()) {
            return null;
        }
        try {
            return app.openDatabase();
        } catch (UserError e) {
            app.err().println(e.getMessage());
            app.err().println("Svarene bruker derfor ikke det fasilitatorene har lært boten.");
            return null;
        }
    }

    private void print(PrintStream out, String question, Asker asker, boolean echoQuestion) throws IOException {
        Optional<ProgrammeCommands.Answer> programmeAnswer = asker.programme().answer(question);
        if (programmeAnswer.isPresent()) {
            String answer = PlainTextRenderer.render(programmeAnswer.get().reply());
            if (json) {
                List<Hit> agenda = agendaSlide(asker.kb(), programmeAnswer.get().day()).map(List::of).orElse(List.of());
                out.println(JSON.writeValueAsString(toJson(question, true, answer, agenda, List.of(), top)));
            } else {
                if (echoQuestion) {
                    out.println("> " + question);
                }
                out.println(answer);
            }
            return;
        }
        Bot.Outcome outcome = asker.bot().respond(Incoming.local(question));
        String answer = PlainTextRenderer.render(outcome.reply());
        if (json) {
            out.println(JSON.writeValueAsString(toJson(question, outcome, answer, top)));
        } else {
            if (echoQuestion) {
                out.println("> " + question);
            }
            out.println(answer);
        }
    }

    /**
     * The JSON shape of one question: question, answered, answer (as shown), hits (when sure) and
     * suggestions (when unsure), best first, at most {@code top} of each. A suggestion has the shape
     * of a hit; both lists are always there, empty when they do not apply.
     */
    static ObjectNode toJson(String question, Bot.Outcome outcome, String answer, int top) {
        List<Hit> found = outcome.answered() ? outcome.answer().map(Answer::hits).orElse(List.of()) : List.of();
        List<Hit> suggested = outcome.unsure() ? outcome.answer().map(Answer::suggestions).orElse(List.of()) : List.of();
        return toJson(question, outcome.answered(), answer, found, suggested, top);
    }

    static ObjectNode toJson(String question, boolean answered, String answer, List<Hit> found, List<Hit> suggested,
                             int top) {
        ObjectNode node = JSON.createObjectNode();
        node.put("question", question);
        node.put("answered", answered);
        node.put("answer", answer);
        passages(node.putArray("hits"), found, top);
        passages(node.putArray("suggestions"), suggested, top);
        return node;
    }

    /** The title of the material's agenda slides. */
    static final String AGENDA_TITLE = "Program for dagen";

    /**
     * The "Program for dagen" slide of programme day {@code day}, found by searching the material: the
     * first such slide (by source and slide number) that belongs to the day, by the knowledge base's
     * day or by its "Dag N" line. Empty when the material has none.
     */
    static Optional<Hit> agendaSlide(KnowledgeBase kb, int day) {
        Answer found = kb.ask(AGENDA_TITLE + " dag " + day, MAX_TOP);
        List<Hit> candidates = new ArrayList<>(found.hits());
        candidates.addAll(found.suggestions());
        return candidates.stream()
                .filter(h -> h.passage().title().strip().equalsIgnoreCase(AGENDA_TITLE))
                .filter(h -> dayOf(h.passage()) == day)
                .min(Comparator.comparing((Hit h) -> h.passage().source()).thenComparingInt(h -> h.passage().slide()));
    }

    private static final java.util.regex.Pattern DAY_LINE = java.util.regex.Pattern.compile("(?i)^\\s*dag\\s+(\\d{1,2})\\b");

    /** The day an agenda slide is for: its own "Dag 2: ..." line, else the day the material puts it in. */
    private static int dayOf(Passage p) {
        java.util.regex.Matcher m = DAY_LINE.matcher(p.text());
        return m.find() ? Integer.parseInt(m.group(1)) : p.day();
    }

    /** What one question is put to: the bot, its programme group, and the knowledge base. */
    private record Asker(Bot bot, ProgrammeCommands programme, KnowledgeBase kb) {
    }

    private static void passages(ArrayNode array, List<Hit> hits, int top) {
        for (Hit hit : hits.subList(0, Math.min(top, hits.size()))) {
            Passage p = hit.passage();
            ObjectNode h = array.addObject();
            h.put("title", p.title());
            h.put("text", hit.text());
            h.put("source", p.source());
            h.put("material", Citation.of(p).materialName());
            h.put("slide", p.slide());
            h.put("score", hit.score());
            h.put("part", p.part());
            h.put("day", p.day());
        }
    }
}
