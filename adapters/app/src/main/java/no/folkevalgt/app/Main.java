package no.folkevalgt.app;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The command line: {@code ask}, {@code chat}, {@code index}, {@code plan}, {@code export}, {@code gaps},
 * {@code teach}, {@code unteach}, {@code serve} and {@code teams-manifest}. Wires the knowledge base and
 * the bot by hand; no container.
 *
 * <pre>{@code
 * ./bot ask "Hvordan får jeg en sak på saklista?"
 * ./bot chat
 * }</pre>
 */
@Command(name = "bot",
        description = "Folkevalgt-bot: svarer på spørsmål om KS Folkevalgtprogram ut fra programmaterialet.",
        versionProvider = Main.Version.class,
        footer = {"", "Innstillinger leses fra miljøet eller fra .env (se .env.example).",
                "Avslutningskoder: 0 ok, 1 feil, 2 feil bruk av kommandoen."})
public final class Main implements Callable<Integer> {

    /** Exit code for a failure the message explains. */
    static final int FAILURE = 1;
    /** Exit code for a wrong command line. */
    static final int USAGE = 2;

    @CommandLine.Mixin
    HelpOptions.WithVersion helpOptions;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintStream out = utf8(new FileOutputStream(FileDescriptor.out));
        PrintStream err = utf8(new FileOutputStream(FileDescriptor.err));
        int code = run(args, System.in, out, err, System.console() != null, System.getenv(),
                Path.of("").toAbsolutePath(), KnowledgeFactory.LUCENE);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line on the system clock and returns its exit code; never throws. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean interactive,
                   Map<String, String> env, Path workingDir, KnowledgeFactory knowledge) {
        return run(args, in, out, err, interactive, env, workingDir, knowledge, Clock.systemUTC());
    }

    /** Runs one command line on {@code clock} and returns its exit code; never throws. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean interactive,
                   Map<String, String> env, Path workingDir, KnowledgeFactory knowledge, Clock clock) {
        App app = new App(in, out, err, interactive, env, workingDir, knowledge, clock);
        CommandLine cli = commandLine(app);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(App app) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new AskCommand(app));
        cli.addSubcommand(new ChatCommand(app));
        cli.addSubcommand(new IndexCommand(app));
        cli.addSubcommand(new PlanCommand(app));
        cli.addSubcommand(new ExportCommand(app));
        cli.addSubcommand(new GapsCommand(app));
        cli.addSubcommand(new TeachCommand(app));
        cli.addSubcommand(new UnteachCommand(app));
        cli.addSubcommand(new ServeCommand(app));
        cli.addSubcommand(new TeamsManifestCommand(app));
        cli.setOut(new PrintWriter(app.out(), true));
        cli.setErr(new PrintWriter(app.err(), true));
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("Feil: " + Norwegian.parameterError(ex));
            w.println("Se «" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help».");
            w.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            w.println(ex instanceof UserError ? ex.getMessage() : "Feil: " + describe(ex));
            if (app.debug()) {
                ex.printStackTrace(w);
            } else if (!(ex instanceof UserError)) {
                w.println("(Sett LOG_LEVEL=debug for detaljer.)");
            }
            w.flush();
            return FAILURE;
        });
        Norwegian.usageHeadings(cli);
        return cli;
    }

    @CommandLine.Option(names = "--demo",
            description = "Uten kommando: start boten med programmet flyttet så dag 1 begynner om et par minutter.")
    boolean demo;

    /** Without a command: run the bot (the same as {@code serve}). */
    @Override
    public Integer call() {
        CommandLine serve = spec.commandLine().getSubcommands().get("serve");
        return demo ? serve.execute("--demo") : serve.execute();
    }

    /** A one-line description of an exception and its causes, for users. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 500; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static PrintStream utf8(FileOutputStream stream) {
        return new PrintStream(new BufferedOutputStream(stream, 1 << 16), true, StandardCharsets.UTF_8);
    }

    /** Reads the version Maven wrote into version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"Folkevalgt-bot " + properties.getProperty("version", "(ukjent versjon)"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
