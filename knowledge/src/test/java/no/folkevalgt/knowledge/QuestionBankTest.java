package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.text.Questions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organiser's question bank beside their own material: its format, its mistakes, and what it finds. */
class QuestionBankTest {

    private static final String DECK = """
            Møteplikt

            • Alle medlemmer plikter å delta i møtene i kommunestyret
            • Gyldig forfall: sykdom og andre tungtveiende grunner



            Lønnsfastsettelse

            • Kommunedirektøren fastsetter lønn innenfor mandatet
            • Forhandlinger skjer etter hovedtariffavtalen



            Kildesortering

            • Papir, plast og restavfall hentes hver fjortende dag
            """;

    private static final Passage SLIDE_1 = new Passage("deck.txt", 1, "Møteplikt", "tekst", "", 0);
    private static final Passage SLIDE_2 = new Passage("deck.txt", 2, "Lønnsfastsettelse", "tekst", "", 0);

    @TempDir
    Path dir;

    @Test
    void questions_areAttachedToTheSlidesTheyName() {
        List<Ingested.Problem> problems = new ArrayList<>();
        Map<String, List<String>> bank = QuestionBank.parse("deck.sporsmal.txt", """
                # kommentar
                [1] Møteplikt
                Må jeg gå på alle møtene?
                Kan eg skulke kommunestyret?

                [2]
                Hvem bestemmer lønna til de ansatte?
                """, List.of(SLIDE_1, SLIDE_2), problems);
        assertThat(problems).isEmpty();
        assertThat(bank.get(SLIDE_1.id())).containsExactly("Må jeg gå på alle møtene?", "Kan eg skulke kommunestyret?");
        assertThat(bank.get(SLIDE_2.id())).containsExactly("Hvem bestemmer lønna til de ansatte?");
    }

    @Test
    void questionsMarkedNotInTheMaterial_belongToNoSlide_andAreNoMistake() {
        List<Ingested.Problem> problems = new ArrayList<>();
        Map<String, List<String>> bank = QuestionBank.parse("deck.sporsmal.txt", """
                # lysbildefil: deck.txt
                [1] Møteplikt
                Må jeg gå på alle møtene?

                [ikke i materialet] Spør kommunens politiske sekretariat.
                Når er neste kommunestyremøte?
                [IKKE I MATERIALET]
                Hva blir været i morgen?

                [2]
                Hvem bestemmer lønna til de ansatte?
                """, List.of(SLIDE_1, SLIDE_2), problems);
        assertThat(problems).isEmpty();
        assertThat(bank.get(SLIDE_1.id())).containsExactly("Må jeg gå på alle møtene?");
        assertThat(bank.get(SLIDE_2.id())).containsExactly("Hvem bestemmer lønna til de ansatte?");
    }

    @Test
    void mistakes_areReportedByLine_andSkipOnlyThatLine() {
        List<Ingested.Problem> problems = new ArrayList<>();
        Map<String, List<String>> bank = QuestionBank.parse("deck.sporsmal.txt", """
                Et spørsmål før noe lysbilde
                [7] Finnes ikke
                Hva står det her?
                [2] Møteplikt
                Hvem bestemmer lønna?
                ???
                """, List.of(SLIDE_1, SLIDE_2), problems);
        assertThat(problems).extracting(Ingested.Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("linje 1: spørsmål før første [lysbildenummer]"),
                m -> assertThat(m).startsWith("linje 2: lysbilde 7 finnes ikke"),
                m -> assertThat(m).startsWith("linje 4: lysbilde 2 heter «Lønnsfastsettelse», ikke «Møteplikt»"),
                m -> assertThat(m).startsWith("linje 6: linjen har ingen ord"));
        assertThat(problems).extracting(Ingested.Problem::file).containsOnly("deck.sporsmal.txt");
        assertThat(bank).containsOnlyKeys(SLIDE_2.id());
        assertThat(bank.get(SLIDE_2.id())).containsExactly("Hvem bestemmer lønna?");
    }

    @Test
    void hostileBank_neverThrows_andKeepsOnlyWellFormedQuestions() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 1 + random.nextInt(20); line++) {
                switch (random.nextInt(6)) {
                    case 0 -> text.append('[').append(random.nextInt(5) - 1).append(']');
                    case 1 -> text.append("[").append("9".repeat(random.nextInt(12))).append("] x");
                    case 2 -> text.append("Hva er ").append("å".repeat(random.nextInt(400)));
                    case 3 -> random.ints(random.nextInt(40), 0, 0x3000).forEach(text::appendCodePoint);
                    case 4 -> text.append("\u0000\u202e[1]\uFEFF");
                    default -> text.append("# kommentar");
                }
                text.append(random.nextBoolean() ? "\n" : "\r\n");
            }
            List<Ingested.Problem> problems = new ArrayList<>();
            Map<String, List<String>> bank = QuestionBank.parse("x.sporsmal.txt", text.toString(), List.of(SLIDE_1, SLIDE_2), problems);
            assertThat(bank.keySet()).isSubsetOf(SLIDE_1.id(), SLIDE_2.id());
            bank.values().forEach(qs -> assertThat(qs).allSatisfy(q -> {
                assertThat(q).hasSizeLessThanOrEqualTo(QuestionBank.MAX_QUESTION);
                assertThat(Questions.hasWords(q)).isTrue();
            }));
            assertThat(problems).allSatisfy(p -> assertThat(p.message()).startsWith("linje "));
        }
    }

    @Test
    void bankBesideTheDeck_letsEverydayWordsFindTheSlide() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("deck.txt"), DECK, StandardCharsets.UTF_8);
        String question = "Kan jeg skulke når ungen har feber?";
        try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(content, dir.resolve("index1"))) {
            assertThat(kb.ask(question, 3).hits()).noneMatch(h -> h.passage().slide() == 1);
        }
        Files.writeString(content.resolve("deck.sporsmal.txt"), """
                [1] Møteplikt
                Kan jeg skulke hvis ungen har feber?
                Når har jeg lov til å være borte fra kommunestyret?
                """, StandardCharsets.UTF_8);
        try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(content, dir.resolve("index2"))) {
            Answer a = kb.ask(question, 3);
            assertThat(a.answered()).isTrue();
            assertThat(a.hits().get(0).passage().slide()).isEqualTo(1);
            assertThat(a.hits().get(0).text()).contains("plikter å delta");
        }
    }

    @Test
    void changedBank_isPickedUpByRefresh_andIsNotMaterial() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("deck.txt"), DECK, StandardCharsets.UTF_8);
        Path bank = content.resolve("deck.sporsmal.txt");
        Files.writeString(bank, "[2]\nHvem bestemmer lønna?\n", StandardCharsets.UTF_8);
        try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(content, dir.resolve("index"))) {
            assertThat(kb.stats().passages()).isEqualTo(3);
            String question = "Hvor ofte tømmes søppeldunken?";
            assertThat(kb.ask(question, 3).answered()).isFalse();
            Files.writeString(bank, "[2]\nHvem bestemmer lønna?\n[3] Kildesortering\nHvor ofte tømmes søppeldunken?\n",
                    StandardCharsets.UTF_8);
            Files.setLastModifiedTime(bank, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            assertThat(kb.refresh()).isTrue();
            assertThat(kb.stats().passages()).isEqualTo(3);
            Answer a = kb.ask(question, 3);
            assertThat(a.answered()).isTrue();
            assertThat(a.hits().get(0).passage().title()).isEqualTo("Kildesortering");
        }
    }

    @Test
    void bankWithoutItsDeck_isReportedInTheIndexReport() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("deck.txt"), DECK, StandardCharsets.UTF_8);
        Files.writeString(content.resolve("annet.sporsmal.txt"), "[1]\nHva?\n", StandardCharsets.UTF_8);
        IndexReport report = LuceneKnowledgeBase.index(content, dir.resolve("index"), IngestProgress.NONE, true);
        assertThat(report.files()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("annet.sporsmal.txt");
            assertThat(p.message()).contains("hører ikke til noen lysbildefil");
        });
    }
}
