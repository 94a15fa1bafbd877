package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(home);
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void askJson_printsOneObject_withQuestionAnswerAndHits() throws Exception {
        Cli.Result result = cli.run("ask", "--json", "Hva er en interpellasjon?");

        assertThat(result.code()).isZero();
        List<JsonNode> lines = jsonLines(result.out());
        assertThat(lines).hasSize(1);
        JsonNode answer = lines.get(0);
        assertThat(answer.fieldNames()).toIterable().containsExactly("question", "answered", "answer", "hits", "suggestions");
        assertThat(answer.get("suggestions").size()).as("a sure answer suggests nothing").isZero();
        assertThat(answer.get("question").asText()).isEqualTo("Hva er en interpellasjon?");
        assertThat(answer.get("answered").asBoolean()).isTrue();
        assertThat(answer.get("answer").asText())
                .contains("spørsmål til ordføreren")
                .contains("Kilde: «Interpellasjon», lysbilde 2 (testprogram)");
        JsonNode best = answer.get("hits").get(0);
        assertThat(best.fieldNames()).toIterable()
                .containsExactly("title", "text", "source", "material", "slide", "score", "part", "day");
        assertThat(best.get("title").asText()).isEqualTo("Interpellasjon");
        assertThat(best.get("text").asText()).contains("spørsmål til ordføreren");
        assertThat(best.get("source").asText()).isEqualTo("testprogram.txt");
        assertThat(best.get("material").asText()).as("no title file or metadata: the file name made readable")
                .isEqualTo("testprogram");
        assertThat(best.get("slide").asInt()).isEqualTo(2);
        assertThat(best.get("score").isNumber()).isTrue();
        assertThat(best.get("day").isInt()).isTrue();
        assertThat(answer.get("hits").size()).isBetween(1, 3);
    }

    @Test
    void askJson_withoutQuestion_answersEachLineOfStdin_inOrder() throws Exception {
        String stdin = "Hva er en interpellasjon?\n\nHar jeg møteplikt?\nHvem vant fotball-VM i 1998?\nHva er rammetilskudd?\n";

        Cli.Result result = cli.input(stdin, "ask", "--json", "--top", "3");

        assertThat(result.code()).isZero();
        List<JsonNode> lines = jsonLines(result.out());
        assertThat(lines).extracting(n -> n.get("question").asText()).containsExactly(
                "Hva er en interpellasjon?", "Har jeg møteplikt?", "Hvem vant fotball-VM i 1998?", "Hva er rammetilskudd?");
        assertThat(lines).extracting(n -> n.get("hits").path(0).path("title").asText())
                .containsExactly("Interpellasjon", "Møteplikt", "", "Rammetilskudd");
        JsonNode declined = lines.get(2);
        assertThat(declined.get("answered").asBoolean()).isFalse();
        assertThat(declined.get("hits").size()).isZero();
        assertThat(declined.get("suggestions").isArray()).isTrue();
        assertThat(declined.get("suggestions").size()).isZero();
        assertThat(declined.get("answer").asText()).startsWith("Det finner jeg ikke i programmaterialet.");
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    }

    @Test
    void askJson_unsureAnswer_isNotAnswered_andOffersSuggestionsShapedLikeHits() throws Exception {
        Cli.Result sure = cli.run("ask", "--json", "Hva er en interpellasjon?");
        cli.knowledge = new UnsureKnowledge();

        Cli.Result result = cli.run("ask", "--json", "Hva er en interpellasjon?");

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode answer = jsonLines(result.out()).get(0);
        assertThat(answer.fieldNames()).toIterable().containsExactly("question", "answered", "answer", "hits", "suggestions");
        assertThat(answer.get("answered").asBoolean()).isFalse();
        assertThat(answer.get("hits").size()).isZero();
        assertThat(answer.get("answer").asText())
                .startsWith("Jeg er ikke helt sikker, men dette kan være det du lurer på:")
                .contains("1. Interpellasjon\n   • En interpellasjon er et spørsmål til ordføreren")
                .contains("   Kilde: «Interpellasjon», lysbilde 2 (testprogram)")
                .endsWith("Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.");
        JsonNode suggestions = answer.get("suggestions");
        assertThat(suggestions.size()).isBetween(1, 3);
        /* The same passages, in the same shape, as the sure answer's hits. */
        JsonNode hits = jsonLines(sure.out()).get(0).get("hits");
        assertThat(suggestions).isEqualTo(hits);
        assertThat(suggestions.get(0).fieldNames()).toIterable()
                .containsExactly("title", "text", "source", "material", "slide", "score", "part", "day");
        assertThat(suggestions.get(0).get("title").asText()).isEqualTo("Interpellasjon");
    }

    @Test
    void askJson_top_limitsTheSuggestions() throws Exception {
        cli.knowledge = new UnsureKnowledge();

        Cli.Result result = cli.run("ask", "--json", "--top", "1", "Hva er rammetilskudd fra staten?");

        JsonNode answer = jsonLines(result.out()).get(0);
        assertThat(answer.get("answered").asBoolean()).isFalse();
        assertThat(answer.get("suggestions").size()).isEqualTo(1);
    }

    @Test
    void ask_unsureAnswer_listsEachSuggestedSlide_withItsLinesAndSource() {
        cli.knowledge = new UnsureKnowledge();

        Cli.Result result = cli.run("ask", "Har jeg møteplikt?");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("""
                Jeg er ikke helt sikker, men dette kan være det du lurer på:

                1. Møteplikt
                   • Folkevalgte har plikt til å delta i møtene i organet de er valgt inn i
                """)
                .contains("   Kilde: «Møteplikt», lysbilde 3 (testprogram)\n")
                .endsWith("\n\nSkriv gjerne spørsmålet på en annen måte om ingen av disse passer.\n")
                .doesNotContain("Se også");
    }

    @Test
    void askJson_top_limitsTheHits() throws Exception {
        Cli.Result result = cli.run("ask", "--json", "--top", "1", "Hva er rammetilskudd fra staten?");

        assertThat(jsonLines(result.out()).get(0).get("hits").size()).isEqualTo(1);
    }

    @Test
    void ask_printsTheReplyAsAUserSeesIt() {
        Cli.Result result = cli.run("ask", "Hva", "er", "en", "interpellasjon?");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("• En interpellasjon er et spørsmål til ordføreren")
                .contains("\nKilde: «Interpellasjon», lysbilde 2 (testprogram)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void ask_bundledMaterial_showsTheAnsweringLines_andNamesTheSectionOfATitleThatSaysLittle_andTheMaterialByItsTitle()
            throws Exception {
        Files.delete(cli.content.resolve("testprogram.txt"));
        for (String name : List.of(BUNDLED_DECK, "ks-folkevalgtprogram-rakkestad-2019.sporsmal.txt", BUNDLED_TITLE_FILE)) {
            Files.copy(Path.of("..", "..", "content", name), cli.content.resolve(name));
        }

        assertThat(cli.run("ask", "hvem har personalansvaret?").out()).isEqualTo("""
                Kommunedirektøren har det løpende personalansvaret

                Kilde: «Kommunedirektøren har det løpende personalansvaret», lysbilde 47 (%s)
                """.formatted(BUNDLED_MATERIAL));
        assertThat(cli.run("ask", "hva er frie inntekter").out()).startsWith("""
                Frie inntekter
                Kommunesektorens inntekter
                Skatteinntekter 40 %%
                Rammetilskudd 32 %%
                Øremerkede tilskudd 6 %%
                Egenbetalinger og gebyrer 14 %%
                «Bundne» inntekter

                Kilde: «Frie inntekter», lysbilde 72 (%s)
                """.formatted(BUNDLED_MATERIAL));
        assertThat(cli.run("ask", "hva er deltakelsestrappa").out()).startsWith("""
                Deltakelsestrappa
                • Informere
                • Spørre
                • Snakke med
                • Innbyggerne er med å sette dagsorden
                • Innbyggerne får ei hånd på rattet

                Kilde: «Samspillet med innbyggerne» › «INFORMERE», lysbilde 90 (%s)
                """.formatted(BUNDLED_MATERIAL));
    }

    static final String BUNDLED_DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";
    /** The bundled deck's title file, and the title users see it cited by. */
    static final String BUNDLED_TITLE_FILE = "ks-folkevalgtprogram-rakkestad-2019.tittel.txt";
    static final String BUNDLED_MATERIAL = "KS Folkevalgtprogram, Rakkestad 2019";

    @Test
    void ask_batchWithoutJson_printsEachQuestionAndItsReply() {
        Cli.Result result = cli.input("Hva er en interpellasjon?\nHar jeg møteplikt?\n", "ask");

        assertThat(result.out()).startsWith("> Hva er en interpellasjon?\n")
                .contains("\n\n> Har jeg møteplikt?\n")
                .contains("Kilde: «Møteplikt», lysbilde 3");
    }

    @Test
    void askJson_tooLongQuestion_isNotSearched() throws Exception {
        Cli.Result result = cli.run("ask", "--json", "interpellasjon ".repeat(100));

        JsonNode answer = jsonLines(result.out()).get(0);
        assertThat(result.code()).isZero();
        assertThat(answer.get("answered").asBoolean()).isFalse();
        assertThat(answer.get("answer").asText()).startsWith("Spørsmålet er for langt");
    }

    @Test
    void ask_onlyPunctuation_asksForWords() {
        Cli.Result result = cli.run("ask", "?!?");

        assertThat(result.out()).startsWith("Jeg fant ingen ord i meldingen.");
    }

    @Test
    void ask_help_describesTheBot() {
        Cli.Result result = cli.run("ask", "hjelp");

        assertThat(result.out()).contains("Jeg svarer på spørsmål om KS Folkevalgtprogram").contains("Eksempler:");
    }

    @Test
    void ask_topOutOfRange_isAUsageError() {
        Cli.Result result = cli.run("ask", "--top", "0", "Hva er en interpellasjon?");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--top må være fra 1 til 10, men er 0").contains("bot ask --help");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void ask_topNotANumber_isAUsageError_inNorwegian() {
        Cli.Result result = cli.run("ask", "--top", "mange", "Hva er en interpellasjon?");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("Feil: ugyldig verdi for --top: «mange»");
    }

    @Test
    void ask_unknownOption_isAUsageError() {
        Cli.Result result = cli.run("ask", "--jsonn", "Hva er en interpellasjon?");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("ukjent valg «--jsonn»");
    }

    @Test
    void ask_withoutContentFolder_failsWithAShortNorwegianMessage() {
        cli.env.put("CONTENT_DIR", home.resolve("finnes-ikke").toString());

        Cli.Result result = cli.run("ask", "Hva er en interpellasjon?");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("Fant ikke mappen med programmaterialet: ")
                .contains("CONTENT_DIR")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void ask_withAMissingSynonymsFile_namesTheSetting() {
        cli.env.put("SYNONYMS_FILE", "finnes-ikke.txt");

        Cli.Result result = cli.run("ask", "Hva er en interpellasjon?");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("Fant ikke synonymfilen som SYNONYMS_FILE peker på: ");
    }

    @Test
    void ask_withTheOrganisersSynonymsFile_stillAnswers() throws Exception {
        java.nio.file.Files.writeString(home.resolve("synonymer.txt"), "interpellasjon, forespørsel\n");
        cli.env.put("SYNONYMS_FILE", "synonymer.txt");

        Cli.Result result = cli.run("ask", "--json", "Hva er en interpellasjon?");

        assertThat(result.code()).isZero();
        assertThat(jsonLines(result.out()).get(0).get("answered").asBoolean()).isTrue();
    }

    @Test
    void ask_buildsTheIndexInIndexDir() {
        cli.run("ask", "Hva er en interpellasjon?");

        assertThat(cli.index).isDirectory().isNotEmptyDirectory();
    }
}
