package no.folkevalgt.app;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammeException;
import no.folkevalgt.core.programme.ProgrammeLoader;
import no.folkevalgt.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every command shares: the terminal's streams, the settings (read on first use, so that
 * {@code --help} works even when a setting is wrong) and the knowledge base factory.
 */
final class App {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final Map<String, String> env;
    private final Path workingDir;
    private final KnowledgeFactory knowledge;
    private Settings settings;
    private final Clock clock;

    /** In a demo, an hour of programme passes in ten minutes: a newcomer sees reminders, prompts and summaries. */
    static final int DEMO_SPEED = 6;

    /**
     * @param interactive true when a person types at a terminal (prompts and greetings are shown)
     * @param clock       the time the app runs on: the system's for the command line, another in tests
     */
    App(InputStream in, PrintStream out, PrintStream err, boolean interactive, Map<String, String> env,
        Path workingDir, KnowledgeFactory knowledge, Clock clock) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.interactive = interactive;
        this.env = Map.copyOf(env);
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean interactive() {
        return interactive;
    }

    Path workingDir() {
        return workingDir;
    }

    KnowledgeFactory knowledge() {
        return knowledge;
    }

    /** Standard input as UTF-8 lines. */
    BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The settings, read and applied (log level) on first use. */
    synchronized Settings settings() {
        if (settings == null) {
            settings = Settings.load(env, workingDir);
            Logging.setLevel(settings.logLevel());
            Logging.setFormat(settings.logFormat());
            settings.problems().forEach(problem -> log.warn("Ignored a line in .env: {}", problem));
            log.debug("{}", settings);
        }
        return settings;
    }

    /** True when stack traces should be shown: LOG_LEVEL is debug or trace. */
    boolean debug() {
        try {
            return settings().debug();
        } catch (RuntimeException e) {
            String level = env.getOrDefault("LOG_LEVEL", "");
            return level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace");
        }
    }

    /** The time the app runs on. */
    Clock clock() {
        return clock;
    }

    /**
     * The programme: the organiser's {@code PROGRAMME_FILE} or the bundled one; with {@code demo}
     * (or the DEMO setting) moved so that the first reminder comes in a couple of minutes and an hour of
     * programme passes in ten minutes (see {@link Programme#forDemo}). {@code DEMO_START} pins the
     * demo's start, so that several instances plan the same posts.
     */
    Programme programme(boolean demo) {
        Settings s = settings();
        Programme programme;
        try {
            programme = s.programme().map(ProgrammeLoader::load).orElseGet(ProgrammeLoader::loadBundled);
        } catch (ProgrammeException e) {
            throw new UserError("Programfilen kan ikke brukes: " + e.getMessage(), e);
        }
        programme = withDefaultSlackChannel(programme, s.values());
        if (demo || s.demo()) {
            programme = programme.forDemo(s.demoStart().orElse(clock.instant()), DEMO_SPEED);
        }
        return programme;
    }

    /**
     * With Slack set up ({@code SLACK_BOT_TOKEN}) and {@code SLACK_DEFAULT_CHANNEL} set, a programme that
     * names no Slack channel posts there too, besides its own channels. A programme that names Slack
     * channels keeps them; {@code slack:default} in it stands for {@code SLACK_DEFAULT_CHANNEL} (SlackPoster resolves it).
     */
    static Programme withDefaultSlackChannel(Programme programme, java.util.Map<String, String> values) {
        String token = values.get("SLACK_BOT_TOKEN");
        String channel = values.get("SLACK_DEFAULT_CHANNEL");
        if (token == null || token.isBlank() || channel == null || channel.isBlank()
                || programme.channels().stream().anyMatch(c -> "slack".equals(c.platform()))) {
            return programme;
        }
        java.util.List<no.folkevalgt.core.port.ChannelRef> channels = new java.util.ArrayList<>(programme.channels());
        channels.add(new no.folkevalgt.core.port.ChannelRef("slack", channel.strip()));
        return new Programme(programme.title(), programme.place(), programme.zone(), programme.sessions(),
                programme.prompts(), channels, programme.reminderLead());
    }

    /** Opens the database: DATABASE_URL, or the embedded H2 file under DATA_DIR; migrations run first. */
    Database openDatabase() {
        Settings s = settings();
        try {
            return Database.fromSetting(s.databaseUrl().orElse(null), s.dataDir());
        } catch (RuntimeException e) {
            /* The message (and its causes' messages) may quote the URL or a driver's words about it:
               the user info and password of DATABASE_URL are hidden whatever characters they hold. */
            throw new UserError("Kunne ikke åpne databasen (" + s.databaseUrl().map(url -> "DATABASE_URL").orElse(
                    "den innebygde i " + s.dataDir()) + "): " + Database.mask(Main.describe(e), s.databaseUrl().orElse(null)),
                    s.databaseUrl().isPresent() ? null : e);
        }
    }

    /** The embedded H2 database's file in DATA_DIR (storage's Database names it {@code folkevalgt}). */
    static final String EMBEDDED_DATABASE_FILE = "folkevalgt.mv.db";

    /**
     * True when there is a database to read: {@code DATABASE_URL} is set, or the embedded H2 file is in
     * {@code DATA_DIR}. Looks only; never creates the data folder or a database.
     */
    boolean databaseExists() {
        Settings s = settings();
        return s.databaseUrl().isPresent() || Files.isRegularFile(s.dataDir().resolve(EMBEDDED_DATABASE_FILE));
    }

    /** Opens the knowledge base on the configured material, building the index if the material changed. */
    KnowledgeBase openKnowledgeBase() {
        Settings s = settings();
        Path content = s.contentDir();
        if (!Files.isDirectory(content)) {
            throw new UserError("Fant ikke mappen med programmaterialet: " + content + "\n"
                    + "Legg materialet i content/ eller sett CONTENT_DIR (i miljøet eller i .env).");
        }
        Path synonyms = s.synonyms().orElse(null);
        if (synonyms != null && !Files.isRegularFile(synonyms)) {
            throw new UserError("Fant ikke synonymfilen som SYNONYMS_FILE peker på: " + synonyms);
        }
        long start = System.nanoTime();
        try {
            KnowledgeBase kb = knowledge.open(content, s.indexDir(), synonyms);
            log.info("Opened the knowledge base on {} in {} ms", content, (System.nanoTime() - start) / 1_000_000);
            return kb;
        } catch (UserError e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new UserError("Kunne ikke åpne søkeindeksen i " + s.indexDir() + ": " + Main.describe(e), e);
        }
    }
}
