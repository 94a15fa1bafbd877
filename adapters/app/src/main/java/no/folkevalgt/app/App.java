package no.folkevalgt.app;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import no.folkevalgt.knowledge.KnowledgeBase;
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

    /**
     * @param interactive true when a person types at a terminal (prompts and greetings are shown)
     */
    App(InputStream in, PrintStream out, PrintStream err, boolean interactive, Map<String, String> env,
        Path workingDir, KnowledgeFactory knowledge) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.interactive = interactive;
        this.env = Map.copyOf(env);
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
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
