package no.folkevalgt.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import no.folkevalgt.core.port.Incoming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

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

    @Option(names = "--as", paramLabel = "NAVN",
            description = "Hvem som skriver (bruker-id i terminalen). Standard: den lokale brukeren.")
    String as;

    @Option(names = "--demo", description = "Flytt programmet så dag 1 begynner om et par minutter, i seks ganger fart.")
    boolean demo;

    ChatCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = app.out();
        boolean interactive = app.interactive();
        if (interactive) {
            app.err().println("Gjør klar søket i programmaterialet og programmet …");
        }
        Object printLock = new Object();
        try (Services services = Services.open(app, demo)) {
            services.startPosting(new LocalPoster(out, printLock));
            /* A chat runs for a while: new material in the content folder is picked up without a restart. */
            services.knowledgeBase.watch(MATERIAL_CHECK);
            if (interactive) {
                synchronized (printLock) {
                    out.println(GREETING);
                    if (demo || app.settings().demo()) {
                        out.println("Demo: programmet begynner om et par minutter, i seks ganger fart. "
                                + "Påminnelser og refleksjonsoppgaver kommer her i chatten.");
                    }
                }
            }
            BufferedReader in = app.stdin();
            boolean first = true;
            while (true) {
                if (interactive) {
                    synchronized (printLock) {
                        out.print("\n" + PROMPT);
                        out.flush();
                    }
                }
                String line = in.readLine();
                if (line == null || isQuit(line)) {
                    if (interactive) {
                        out.println(line == null ? "\nHa det bra!" : "Ha det bra!");
                    }
                    break;
                }
                if (!interactive && line.isBlank()) {
                    continue;
                }
                String reply = PlainTextRenderer.render(services.bot.handle(incoming(line)));
                synchronized (printLock) {
                    if (!interactive && !first) {
                        out.println();
                    }
                    out.println(reply);
                    out.flush();
                }
                first = false;
            }
        }
        return 0;
    }

    /** A line typed at the terminal, by the local user or the one {@code --as} names. */
    Incoming incoming(String line) {
        if (as == null) {
            return Incoming.local(line);
        }
        return new Incoming(Incoming.LOCAL, Incoming.LOCAL, as, "terminal", null, line);
    }

    static boolean isQuit(String line) {
        String word = line.strip().toLowerCase(Locale.ROOT).replaceAll("^/|[.!]+$", "");
        return QUIT.contains(word);
    }
}
