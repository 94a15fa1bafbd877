package no.folkevalgt.core.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of the bundled config/programme.yaml: the loader either returns a programme or
 * throws a {@link ProgrammeException} that names the file and says what is wrong; never anything else.
 */
class FuzzProgrammeLoaderTest {

    private static final long SEED = 20191105L;
    private static final int RUNS = 3000;
    private static final String[] TOKENS = {":", "-", " ", "  ", "\t", "'", "\"", "{", "}", "[", "]", "&a", "*a", "!!",
            "!!binary", "#", "0", "99", "-1", "24:00", "25:61", "2019-02-30", "null", "~", "true", "|", ">", "%", "@",
            "\u0000", "\u200B", "\uFEFF", "æøå", "\uD800", "?", ",", "<<", "9999999999999999999", "1e9", "\n", "\r\n"};

    private static List<String> lines() throws IOException {
        Path file = Path.of("..", "config", "programme.yaml");
        return Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
    }

    @Test
    void mutatedProgrammes_giveAProgrammeOrAProgrammeException_neverAnythingElse() throws IOException {
        List<String> original = lines();
        assertThat(ProgrammeLoader.parse(String.join("\n", original), "programme.yaml")).isNotNull();
        Random random = new Random(SEED);
        int loaded = 0;
        int refused = 0;
        int withLine = 0;
        for (int run = 0; run < RUNS; run++) {
            String yaml = mutate(original, random);
            try {
                assertThat(ProgrammeLoader.parse(yaml, "programme.yaml")).isNotNull();
                loaded++;
            } catch (ProgrammeException e) {
                refused++;
                assertThat(e.fileName()).isEqualTo("programme.yaml");
                assertThat(e.line()).isBetween(0, yaml.split("\n", -1).length + 1);
                assertThat(e.problem()).as("run %s", run).isNotBlank();
                assertThat(e.getMessage()).startsWith("programme.yaml");
                if (e.line() > 0) {
                    withLine++;
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("run " + run + " (seed " + SEED + ") threw " + e + " on:\n" + yaml, e);
            }
        }
        assertThat(loaded + refused).isEqualTo(RUNS);
        assertThat(refused).as("mutations that are refused").isPositive();
        /* Almost every refusal can point at a line; a handful (an empty document) cannot. */
        assertThat(withLine).as("refusals with a line number of %s", refused).isGreaterThan(refused * 9 / 10);
    }

    @Test
    void randomBytesAndTruncations_giveAProgrammeException() throws IOException {
        String original = String.join("\n", lines());
        Random random = new Random(SEED + 1);
        for (int run = 0; run < 500; run++) {
            String yaml;
            if (run % 2 == 0) {
                byte[] bytes = new byte[random.nextInt(400)];
                random.nextBytes(bytes);
                yaml = new String(bytes, StandardCharsets.UTF_8);
            } else {
                yaml = original.substring(0, random.nextInt(original.length()));
            }
            try {
                ProgrammeLoader.parse(yaml, "programme.yaml");
            } catch (ProgrammeException e) {
                assertThat(e.problem()).isNotBlank();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("run " + run + " threw " + e + " on:\n" + yaml, e);
            }
        }
    }

    @Test
    void hugeDocumentsAndAliases_areRefusedWithoutACrash() {
        /* The deeply nested ones overflow SnakeYAML Engine's recursive composer, which has no depth limit. */
        for (String yaml : List.of("[".repeat(200), "a: ".repeat(200) + "b", "- ".repeat(200) + "x",
                "[".repeat(100_000), "- ".repeat(50_000) + "x",
                "&a [*a, *a]\n", "x: &a\n  - *a\n  - *a\n", "title: " + "x".repeat(1_000_000))) {
            try {
                ProgrammeLoader.parse(yaml, "programme.yaml");
            } catch (ProgrammeException e) {
                assertThat(e.problem()).isNotBlank();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("threw " + e + " on a document of " + yaml.length() + " characters", e);
            }
        }
    }

    private static String mutate(List<String> original, Random random) {
        List<String> lines = new ArrayList<>(original);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            switch (random.nextInt(8)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> {
                    int j = random.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 3 -> {
                    int at = line.isEmpty() ? 0 : random.nextInt(line.length());
                    lines.set(i, line.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + line.substring(at));
                }
                case 4 -> {
                    if (!line.isEmpty()) {
                        int at = random.nextInt(line.length());
                        lines.set(i, line.substring(0, at) + line.substring(at + 1));
                    }
                }
                case 5 -> lines.set(i, " ".repeat(random.nextInt(5)) + line.stripLeading());
                case 6 -> {
                    /* Replace the value after the colon. */
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        lines.set(i, line.substring(0, colon + 1) + " " + TOKENS[random.nextInt(TOKENS.length)]);
                    }
                }
                default -> {
                    int cut = random.nextInt(lines.size());
                    lines = new ArrayList<>(lines.subList(0, Math.max(1, cut)));
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }
}
