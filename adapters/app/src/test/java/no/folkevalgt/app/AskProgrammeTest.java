package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bot ask} answers programme questions as the chat does, from the bundled programme, with the
 * day's "Program for dagen" slide of the bundled deck as the hit. The clock is the real one, so the
 * 2019 programme is over: the replies are the after-the-event ones.
 */
class AskProgrammeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(home).withBundledMaterial();
        assertThat(cli.content.resolve(DECK)).exists();
    }

    @Test
    void program_printsTheProgramme_notSlideOne() {
        Cli.Result result = cli.run("ask", "program");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("""
                Programmet er over. KS Folkevalgtprogram i Rakkestad kommune gikk dag 1 tirsdag 5. november og dag 2 onsdag 6. november 2019.

                Skriv «program dag 1» eller «program dag 2» for å se programmet for en av dagene.
                """);
    }

    @Test
    void programDag2_printsThatDay_withAFooterNamingTheOtherDay() {
        Cli.Result result = cli.run("ask", "program", "dag", "2");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Programmet er over. KS Folkevalgtprogram i Rakkestad kommune gikk ")
                .contains("\n\nProgram dag 2 – onsdag 6. november 2019\nKS Folkevalgtprogram, Rakkestad kommune\n\n"
                        + "09.00–09.45  Refleksjoner fra i går\n")
                .contains("14.30–15.00  Vi er snart klare for avgang\n")
                .endsWith("\n\nSkriv «program dag 1» for tirsdag 5. november.\n")
                .doesNotContain("▶ nå").doesNotContain("→ neste").doesNotContain("lysbilde");
    }

    @Test
    void aProgrammeQuestion_inText_isAnsweredFromTheProgramme() {
        Cli.Result result = cli.run("ask", "Når starter vi på dag 2?");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("Dag 2 (onsdag 6. november) startet vi kl. 09.00 med Refleksjoner fra i går.\n");
    }

    @Test
    void aProgrammeQuestion_inJson_isAnswered_withTheDaysAgendaSlideAsItsHit() throws Exception {
        Cli.Result result = cli.run("ask", "--json", "Kva tid er lunsjen dag 2?");

        assertThat(result.code()).isZero();
        JsonNode answer = JSON.readTree(result.out().strip());
        assertThat(answer.fieldNames()).toIterable().containsExactly("question", "answered", "answer", "hits", "suggestions");
        assertThat(answer.get("answered").asBoolean()).isTrue();
        assertThat(answer.get("answer").asText()).isEqualTo("Lunsjen dag 2 (onsdag 6. november) var kl. 11.45–12.30.");
        assertThat(answer.get("suggestions").size()).isZero();
        assertThat(answer.get("hits").size()).isEqualTo(1);
        JsonNode hit = answer.get("hits").get(0);
        assertThat(hit.get("title").asText()).isEqualTo("Program for dagen");
        assertThat(hit.get("source").asText()).isEqualTo(DECK);
        assertThat(hit.get("slide").asInt()).isEqualTo(3);
        assertThat(hit.get("text").asText()).startsWith("Dag 2: oppstart kl. 09.00").contains("11.45 Lunsj");
        assertThat(hit.get("score").isNumber()).isTrue();
    }

    /* Dinner is on day 1 only: after the event, the hit is the agenda of the day the answer names. */
    @Test
    void aKindOnlyOneDayHas_getsThatDaysSlide() throws Exception {
        Cli.Result result = cli.run("ask", "--json", "Når spiser vi middag?");

        JsonNode answer = JSON.readTree(result.out().strip());
        assertThat(answer.get("answer").asText()).contains("dag 1 (tirsdag 5. november) kl. 16.30");
        assertThat(answer.get("hits").get(0).get("slide").asInt()).isEqualTo(2);
    }

    @Test
    void theFirstDaysQuestion_getsTheFirstDaysSlide_andTheMaterialStillAnswersTheRest() throws Exception {
        Cli.Result result = cli.input("Hva kommer etter Kommunetorget?\nHva er et formannskap?\n", "ask", "--json");

        assertThat(result.code()).isZero();
        String[] lines = result.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode programme = JSON.readTree(lines[0]);
        assertThat(programme.get("answer").asText())
                .isEqualTo("Etter «Kommunetorg» dag 1 (tirsdag 5. november) kommer «Samspillet med administrasjonen» kl. 13.00.");
        assertThat(programme.get("hits").get(0).get("slide").asInt()).isEqualTo(2);
        assertThat(programme.get("hits").get(0).get("text").asText()).startsWith("Dag 1: oppstart kl. 09.00");
        JsonNode material = JSON.readTree(lines[1]);
        assertThat(material.get("answer").asText()).doesNotContain("Programmet er over");
        assertThat(material.get("hits").toString()).doesNotContain("Program for dagen");
    }

    @Test
    void ask_opensNoDatabase() {
        cli.run("ask", "program");
        cli.run("ask", "Når er lunsj?");

        assertThat(home.resolve("data").resolve("db")).doesNotExist();
        try (var files = Files.walk(home)) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".mv.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
