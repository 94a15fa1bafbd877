package no.folkevalgt.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line the way a user does, on a small deck in a temporary folder, and captures
 * what it prints.
 */
final class Cli {

    /** A four-slide deck; slides are separated by form feeds. */
    static final String DECK = String.join("\f",
            "Folkevalgtprogram for testkommunen\nDag 1 og dag 2\n",
            "Interpellasjon\n• En interpellasjon er et spørsmål til ordføreren om en sak av større interesse\n"
                    + "• Den skal meldes skriftlig før møtet\n",
            "Møteplikt\n• Folkevalgte har plikt til å delta i møtene i organet de er valgt inn i\n"
                    + "• Forfall må meldes til sekretariatet\n",
            "Rammetilskudd\n• Rammetilskuddet fra staten er frie midler kommunen selv prioriterer\n"
                    + "• Innbyggertilskudd og utgiftsutjevning er deler av rammetilskuddet\n");

    final Path home;
    final Path content;
    final Path index;
    final Map<String, String> env = new HashMap<>();
    KnowledgeFactory knowledge = KnowledgeFactory.LUCENE;
    /** The time the commands run on. */
    Clock clock = Clock.systemUTC();
    boolean interactive;

    Cli(Path home) throws IOException {
        this.home = home;
        this.content = Files.createDirectories(home.resolve("content"));
        this.index = home.resolve("data").resolve("index");
        Files.writeString(content.resolve("testprogram.txt"), DECK, StandardCharsets.UTF_8);
        env.put("BOT_HOME", home.toString());
    }

    /** Replaces the small deck with the bundled material: the deck and its question bank from content/. */
    Cli withBundledMaterial() throws IOException {
        Files.delete(content.resolve("testprogram.txt"));
        Path bundled = Path.of("../../content");
        try (var files = Files.list(bundled)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("ks-folkevalgtprogram")).toList()) {
                Files.copy(file, content.resolve(file.getFileName().toString()));
            }
        }
        return this;
    }

    Result input(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e,
                    interactive, env, home, knowledge, clock);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A clock that reads noon in Oslo today when the test starts and then runs at normal speed: a
     * programme built around "now" stays within one day whenever the test runs (never near midnight),
     * and the scheduler's waits still pass.
     */
    static Clock noonInOslo() {
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        Instant noon = LocalDate.now(oslo).atTime(12, 0).atZone(oslo).toInstant();
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    }

    Result run(String... args) {
        return input("", args);
    }

    record Result(int code, String out, String err) {
    }
}
