package no.folkevalgt.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.Incoming;
import no.folkevalgt.knowledge.Answer;
import no.folkevalgt.knowledge.Hit;
import no.folkevalgt.knowledge.KnowledgeBase;
import no.folkevalgt.knowledge.Passage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ask}: one question from the arguments, or one per line from standard input. */
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
        try (KnowledgeBase kb = app.openKnowledgeBase()) {
            Bot bot = new Bot(kb, top);
            if (!words.isEmpty()) {
                print(out, String.join(" ", words), bot, false);
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
                print(out, line, bot, !json);
                first = false;
            }
        }
        return 0;
    }

    private void print(PrintStream out, String question, Bot bot, boolean echoQuestion) throws IOException {
        Bot.Outcome outcome = bot.respond(Incoming.local(question));
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
        ObjectNode node = JSON.createObjectNode();
        node.put("question", question);
        node.put("answered", outcome.answered());
        node.put("answer", answer);
        List<Hit> found = outcome.answered() ? outcome.answer().map(Answer::hits).orElse(List.of()) : List.of();
        passages(node.putArray("hits"), found, top);
        List<Hit> suggested = outcome.unsure() ? outcome.answer().map(Answer::suggestions).orElse(List.of()) : List.of();
        passages(node.putArray("suggestions"), suggested, top);
        return node;
    }

    private static void passages(ArrayNode array, List<Hit> hits, int top) {
        for (Hit hit : hits.subList(0, Math.min(top, hits.size()))) {
            Passage p = hit.passage();
            ObjectNode h = array.addObject();
            h.put("title", p.title());
            h.put("text", hit.text());
            h.put("source", p.source());
            h.put("slide", p.slide());
            h.put("score", hit.score());
            h.put("part", p.part());
            h.put("day", p.day());
        }
    }
}
