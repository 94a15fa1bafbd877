package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcFeedbackStore;

/**
 * docs/operations.md's H2 backup and restore commands, run as they stand there (in a second Java
 * process, the way an operator runs them; only the paths and the jar are swapped for the test's)
 * against the embedded database the bot opens, while it is open; and the Flyway migrations it lists.
 */
class H2BackupDocTest {

    static final Path OPERATIONS = Path.of("../../docs/operations.md");
    static final Path MIGRATIONS = Path.of("../../storage/src/main/resources/db/migration");

    @TempDir
    Path dir;

    @Test
    void theDocumentedBackup_runsWhileTheBotHasTheDatabaseOpen_andTheRestoredCopyOpensWithTheSameRows() throws Exception {
        List<List<String>> commands = documentedCommands();
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).contains("org.h2.tools.Script");
        assertThat(commands.get(1)).contains("org.h2.tools.RunScript");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Instant at = Instant.parse("2026-11-26T10:00:00Z");

        try (Database running = Database.fromSetting(null, data)) {
            JdbcFeedbackStore feedback = new JdbcFeedbackStore(running);
            feedback.record(new Feedback("web", "u1", "Hva er en interpellasjon?", "deck.txt#31", true, at));
            feedback.record(new Feedback("slack", "U2", "Hvem er arbeidsgiver for kommunedirektøren?", "deck.txt#49", false, at));

            Run backup = run(commands.get(0), data, backups);
            assertThat(backup.code()).as(backup.output()).isZero();
        }
        assertThat(backups.resolve("folkevalgt-h2.sql")).isNotEmptyFile();
        Files.move(data.resolve("folkevalgt.mv.db"), dir.resolve("moved-away.mv.db"));

        Run restore = run(commands.get(1), data, backups);
        assertThat(restore.code()).as(restore.output()).isZero();

        try (Database restored = Database.fromSetting(null, data)) {
            assertThat(new JdbcFeedbackStore(restored).all()).extracting(Feedback::question, Feedback::helpful)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("Hva er en interpellasjon?", true),
                            org.assertj.core.groups.Tuple.tuple("Hvem er arbeidsgiver for kommunedirektøren?", false));
        }
    }

    /* What the docs said before, the URL without the bot's options, with the bot stopped. */
    @Test
    void withoutTheBotsOptions_theToolDoesNotFindTheSchema() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Database created = Database.fromSetting(null, data)) {
            new JdbcFeedbackStore(created).record(new Feedback("web", "u1", "Hva er en interpellasjon?", "deck.txt#31", true,
                    Instant.parse("2026-11-26T10:00:00Z")));
        }
        {
            Run old = run(List.of("java", "-cp", "folkevalgt-bot.jar", "org.h2.tools.Script", "-url",
                    "jdbc:h2:file:/var/lib/folkevalgt-bot/folkevalgt;AUTO_SERVER=TRUE", "-user", "sa",
                    "-script", "/var/backups/folkevalgt-h2.sql"), data, dir);
            assertThat(old.code()).isNotZero();
            assertThat(old.output()).containsIgnoringCase("Schema \"public\" not found");
        }
    }

    @Test
    void everyMigration_isListedInTheDocs() throws Exception {
        String docs = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        List<String> migrations;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            migrations = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(0, name.length() - ".sql".length())).sorted().toList();
        }
        assertThat(migrations).contains("V3__post_channel_leases");
        for (String migration : migrations) {
            assertThat(docs).as("docs/operations.md lists %s", migration).contains("| `" + migration + "` |");
        }
    }

    /** The {@code java ...} lines between the h2-backup markers, split as a shell splits them. */
    static List<List<String>> documentedCommands() throws Exception {
        String docs = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        String block = docs.substring(docs.indexOf("<!-- h2-backup:start -->"), docs.indexOf("<!-- h2-backup:end -->"));
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (line.startsWith("java ")) {
                List<String> words = new ArrayList<>();
                Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
                while (word.find()) {
                    words.add(word.group(1) != null ? word.group(1) : word.group(2));
                }
                commands.add(words);
            }
        }
        return commands;
    }

    record Run(int code, String output) {
    }

    /* The command with this JVM, the test's classpath for the jar, and the test's folders for the paths. */
    static Run run(List<String> command, Path data, Path backups) throws Exception {
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String word = command.get(i);
            if (i == 0) {
                word = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            } else if (command.get(i - 1).equals("-cp")) {
                word = System.getProperty("java.class.path");
            } else {
                word = word.replace("/var/lib/folkevalgt-bot", data.toString()).replace("/var/backups", backups.toString());
            }
            actual.add(word);
        }
        Process process = new ProcessBuilder(actual).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
