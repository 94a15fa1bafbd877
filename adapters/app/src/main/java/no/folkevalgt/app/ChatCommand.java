package no.folkevalgt.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.Incoming;
import no.folkevalgt.knowledge.KnowledgeBase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code chat}: a conversation with the bot in the terminal. When standard input is not a terminal,
 * only the replies are printed, so {@code printf 'hjelp\n' | ./bot chat} can be scripted.
 */
@Command(name = "chat",
        description = {"Snakk med boten i terminalen.",
                "Skriv «hjelp» for å se hva den kan, «avslutt» for å avslutte."})
final class ChatCommand implements Callable<Integer> {

    static final Set<String> QUIT = Set.of("avslutt", "exit", "quit");
    static final String GREETING = "Hei! Jeg svarer på spørsmål om KS Folkevalgtprogram.\n"
            + "Skriv «hjelp» for å se hva jeg kan, eller «avslutt» for å avslutte.";
    static final String PROMPT = "> ";
    static final Duration MATERIAL_CHECK = Duration.ofSeconds(10);

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    ChatCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = app.out();
        boolean interactive = app.interactive();
        if (interactive) {
            app.err().println("Gjør klar søket i programmaterialet …");
        }
        try (KnowledgeBase kb = app.openKnowledgeBase()) {
            /* A chat runs for a while: new material in the content folder is picked up without a restart. */
            kb.watch(MATERIAL_CHECK);
            Bot bot = new Bot(kb);
            if (interactive) {
                out.println(GREETING);
            }
            BufferedReader in = app.stdin();
            boolean first = true;
            while (true) {
                if (interactive) {
                    out.print("\n" + PROMPT);
                    out.flush();
                }
                String line = in.readLine();
                if (line == null) {
                    if (interactive) {
                        out.println();
                        out.println("Ha det bra!");
                    }
                    break;
                }
                if (isQuit(line)) {
                    if (interactive) {
                        out.println("Ha det bra!");
                    }
                    break;
                }
                if (!interactive && line.isBlank()) {
                    continue;
                }
                if (!interactive && !first) {
                    out.println();
                }
                out.println(PlainTextRenderer.render(bot.handle(Incoming.local(line))));
                out.flush();
                first = false;
            }
        }
        return 0;
    }

    static boolean isQuit(String line) {
        String word = line.strip().toLowerCase(Locale.ROOT).replaceAll("^/|[.!]+$", "");
        return QUIT.contains(word);
    }
}
