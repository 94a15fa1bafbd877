package no.folkevalgt.core.reflection;

import static no.folkevalgt.core.reflection.Fixtures.P1;
import static no.folkevalgt.core.reflection.Fixtures.P2;
import static no.folkevalgt.core.reflection.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReflectionExportTest {

    private final InMemoryReflectionStore store = new InMemoryReflectionStore();
    private final ReflectionExport export = new ReflectionExport(store, Fixtures.programme());

    @Test
    void csv_hasABom_aHeader_andOneRowPerAnswer_promptByPrompt_withLocalIsoTimes() throws IOException {
        store.add(2, "slack", "UANON", "trygt og åpent", at(5, 13, 5).toInstant(), null);
        store.add(1, "slack", "U1", "Jeg ville bygge en ny skole", at(5, 10, 20).toInstant(), null);
        store.add(1, "teams", "29:abc", "Økonomi; og «ærlighet»", at(5, 10, 21).plusNanos(123_456_789).toInstant(), null);

        StringWriter out = new StringWriter();
        int rows = export.write(out, OptionalInt.empty());
        String csv = out.toString();

        assertThat(rows).isEqualTo(3);
        assertThat(csv).startsWith("\uFEFFoppgave;oppgavetittel;besvart;plattform;bruker;svar\r\n");
        assertThat(csv.lines().skip(1).toList()).containsExactly(
                "1;" + P1 + ";2019-11-05T10:20:00+01:00;slack;U1;Jeg ville bygge en ny skole",
                "1;" + P1 + ";2019-11-05T10:21:00+01:00;teams;29:abc;\"Økonomi; og «ærlighet»\"",
                "2;" + P2 + ";2019-11-05T13:05:00+01:00;slack;;trygt og åpent");
    }

    @Test
    void anonymousPrompts_haveAnEmptyUserColumn() throws IOException {
        store.add(2, "slack", "UANONYMOUS1", "trygt", at(5, 13, 5).toInstant(), null);
        store.add(3, "teams", "UANONYMOUS2", "kunnskap", at(6, 11, 5).toInstant(), null);
        store.add(1, "slack", "UNAMED", "engasjement", at(5, 10, 20).toInstant(), null);

        List<CSVRecord> records = parse(write(OptionalInt.empty()));

        assertThat(records).extracting(r -> r.get("bruker")).containsExactly("UNAMED", "", "");
        assertThat(write(OptionalInt.empty())).doesNotContain("UANONYMOUS1", "UANONYMOUS2");
    }

    @Test
    void onePrompt_only_whenAsked() throws IOException {
        store.add(1, "slack", "U1", "en", at(5, 10, 20).toInstant(), null);
        store.add(2, "slack", "U1", "to", at(5, 13, 5).toInstant(), null);

        assertThat(parse(write(OptionalInt.of(2)))).extracting(r -> r.get("svar")).containsExactly("to");
        assertThatThrownBy(() -> write(OptionalInt.of(9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Det finnes ingen refleksjonsoppgave 9 i programmet (det har 1–3).");
    }

    @Test
    void answers_survive_quotesNewlinesAndNorwegianLetters_andFormulasAreDefused() throws IOException {
        store.add(1, "slack", "U1", "Han sa \"ja\"; æøå ÆØÅ", at(5, 10, 20).toInstant(), null);
        store.add(1, "slack", "U2", "=HYPERLINK(\"http://x\")", at(5, 10, 21).toInstant(), null);
        store.add(1, "slack", "U3", "-1 til budsjettet", at(5, 10, 22).toInstant(), null);

        assertThat(parse(write(OptionalInt.empty()))).extracting(r -> r.get("svar")).containsExactly(
                "Han sa \"ja\"; æøå ÆØÅ", "'=HYPERLINK(\"http://x\")", "'-1 til budsjettet");
    }

    @Test
    void theByteStream_isUtf8_withTheBom() throws IOException {
        store.add(1, "slack", "U1", "åpenhet", at(5, 10, 20).toInstant(), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        assertThat(export.write(bytes, OptionalInt.empty())).isEqualTo(1);

        byte[] b = bytes.toByteArray();
        assertThat(new byte[] {b[0], b[1], b[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains(";åpenhet\r\n");
    }

    @Test
    void noAnswers_giveJustTheHeader() throws IOException {
        assertThat(write(OptionalInt.empty())).isEqualTo("\uFEFFoppgave;oppgavetittel;besvart;plattform;bruker;svar\r\n");
    }

    private String write(OptionalInt prompt) throws IOException {
        StringWriter out = new StringWriter();
        export.write(out, prompt);
        return out.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        assertThat(csv.charAt(0)).isEqualTo(ReflectionExport.BOM);
        return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
    }
}
