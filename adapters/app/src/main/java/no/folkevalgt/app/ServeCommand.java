package no.folkevalgt.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code serve} (also {@code ./bot} with no command): the whole bot on one HTTP server: the local
 * web chat and the facilitator page, health and metrics, and Slack and Teams when they are set up;
 * the programme's posts on schedule. Stops gracefully on Ctrl+C or SIGTERM: requests in flight
 * finish, the scheduler lets a running post finish and releases its claims. The options only; the
 * bot is wired and started by {@link BotServer}.
 */
@Command(name = "serve",
        description = {"Start boten: web-chat og fasilitatorside på http://localhost:8080/, programmets påminnelser "
                + "og refleksjonsoppgaver, og Slack og Teams når de er satt opp (se .env.example)."},
        footer = {"", "Eksempler:", "  ./bot", "  ./bot serve --demo", "  PORT=9090 ./bot serve"})
final class ServeCommand implements Callable<Integer> {

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @Option(names = "--demo", description = "Flytt programmet så dag 1 begynner om et par minutter, i seks ganger fart.")
    boolean demo;

    @Option(names = "--port", paramLabel = "PORT", description = "Porten (standard: PORT, ellers 8080; 0 velger en ledig).")
    Integer port;

    ServeCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        BotServer running = BotServer.start(app, demo, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }
}
