package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversation README.md shows, typed into {@code ./bot chat} on the bundled material and
 * programme: questions, follow-ups read in context, "si mer", a language question, programme
 * questions and a reflection answer. The README's transcript must be exactly what the terminal
 * prints, so it cannot drift from the bot. The clock is the real one: the 2019 programme is over.
 */
class ScriptedConversationTest {

    static final String START = "<!-- samtale:start -->";
    static final String END = "<!-- samtale:end -->";

    @TempDir
    Path home;

    @Test
    void theReadmesConversation_isWhatTheTerminalPrints() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
        String shown = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        shown = shown.substring(shown.indexOf("```text\n") + "```text\n".length(), shown.lastIndexOf("```"));
        List<String> typed = shown.lines().filter(line -> line.startsWith("> ")).map(line -> line.substring(2)).toList();
        assertThat(typed).as("turns in the README's conversation").hasSizeGreaterThanOrEqualTo(10);

        Cli cli = new Cli(home).withBundledMaterial();
        cli.interactive = true;
        Cli.Result result = cli.input(String.join("\n", typed) + "\navslutt\n", "chat", "--as", "kari");

        assertThat(result.code()).isZero();
        String printed = "$ ./bot chat\n" + transcript(result.out(), typed);
        /* Kept for whoever updates the README on purpose: copy it between the markers. */
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("samtale.txt"), printed, StandardCharsets.UTF_8);
        assertThat(printed).isEqualTo(shown);
    }

    /* The interactive chat prints "> " before each line it reads; the typed line goes after it, as on a terminal. */
    static String transcript(String out, List<String> typed) {
        String[] parts = out.split("\n> ", -1);
        List<String> turns = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            turns.add("> " + typed.get(i) + "\n" + parts[i + 1].strip());
        }
        return String.join("\n\n", turns) + "\n";
    }
}
