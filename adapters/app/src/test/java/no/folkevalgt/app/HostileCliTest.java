package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.folkevalgt.testsupport.HostileText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue of hostile text through the command line: {@code ask --json} (argument and standard
 * input, invalid UTF-8 included) and {@code chat}: clear answers, valid JSON, and hostile reflection
 * answers stored once and exported with formulas defused.
 */
class HostileCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /* The shared catalogue, one line each (a terminal reads a line at a time), without lone surrogates: a
       command line's arguments and standard input arrive as bytes, which cannot hold them (invalid UTF-8 is
       the byte-level case, tested below). */
    static final Map<String, String> CATALOGUE = withoutLoneSurrogates(HostileText.oneLine());

    @Test
    void theCatalogue_isTheSharedOne_lessOnlyLoneSurrogates() {
        assertThat(CATALOGUE).hasSize(HostileText.all().size() - 1).doesNotContainKey("lone surrogates")
                .containsKeys("100 kB", "control", "zero-width", "only invisible", "script", "sql", "formula");
    }

    private static Map<String, String> withoutLoneSurrogates(Map<String, String> catalogue) {
        Map<String, String> kept = new java.util.LinkedHashMap<>(catalogue);
        /* A surrogate left over as a code point of its own has no pair. */
        kept.values().removeIf(text -> text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
        return java.util.Collections.unmodifiableMap(kept);
    }

    @TempDir
    Path home;

    @Test
    void askJson_answersEveryHostileQuestion_withValidJsonCarryingItVerbatim() throws Exception {
        Cli cli = new Cli(home);
        for (Map.Entry<String, String> e : CATALOGUE.entrySet()) {
            Cli.Result result = cli.run("ask", "--json", e.getValue());
            assertThat(result.code()).as(e.getKey()).isZero();
            JsonNode json = JSON.readTree(result.out());
            assertThat(json.path("question").asText()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(json.path("answer").asText()).as(e.getKey()).isNotBlank();
        }
    }

    @Test
    void askJson_fromStandardInput_withInvalidUtf8_givesOneJsonLinePerLine() throws Exception {
        Cli cli = new Cli(home);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write("Hva er en interpellasjon?\n".getBytes(StandardCharsets.UTF_8));
        input.write(new byte[] {'H', 'v', 'a', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, (byte) 0xFE, '?', '\n'});
        input.write((CATALOGUE.get("script") + "\n" + CATALOGUE.get("sql") + "\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(new String[] {"ask", "--json"}, new ByteArrayInputStream(input.toByteArray()), o, e, false,
                    cli.env, home, cli.knowledge);
        }
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            assertThat(JSON.readTree(line).path("answer").asText()).isNotBlank();
        }
        assertThat(JSON.readTree(lines.get(2)).path("question").asText()).isEqualTo(CATALOGUE.get("script"));
    }

    @Test
    void chat_answersHostileText_andStoresHostileReflectionAnswersOnce_exportedSafely() throws Exception {
        Cli cli = new Cli(home);
        StringBuilder input = new StringBuilder();
        for (String text : CATALOGUE.values()) {
            input.append(text.replace("\n", " ")).append('\n');
        }
        List<String> answers = List.of("script", "attribute", "sql", "formula", "mrkdwn", "markdown");
        for (String key : answers) {
            input.append("/refleksjon ").append(CATALOGUE.get(key)).append('\n');
        }
        Cli.Result chat = cli.input(input.toString(), "chat", "--as", "angriper");
        assertThat(chat.code()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("Takk!");

        Cli.Result export = cli.run("export", "--format", "csv");
        assertThat(export.code()).as(export.err()).isZero();
        String csv = export.out();
        for (String key : List.of("script", "sql", "mrkdwn", "markdown")) {
            assertThat(csv.split(java.util.regex.Pattern.quote(CATALOGUE.get(key).replace("\"", "\"\"")), -1))
                    .as("%s stored and exported once", key).hasSize(2);
        }
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void facilitatorOnlySummaries_areRefusedToAnotherTerminalUser_whenFacilitatorsAreNamed() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("FACILITATORS", "local:kari");
        Cli.Result ola = cli.input("/refleksjon oppsummering\n", "chat", "--as", "ola");
        Cli.Result kari = cli.input("/refleksjon oppsummering\n", "chat", "--as", "kari");
        assertThat(ola.out()).contains("Beklager, oppsummeringer kan bare fasilitatorer be om.");
        assertThat(kari.out()).doesNotContain("Beklager, oppsummeringer kan bare fasilitatorer be om.");
    }
}
