package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Passage;
import org.junit.jupiter.api.Test;

/**
 * The lines an answer shows (and which slides may answer at all), on the bundled material's real index:
 * the line that carries the question, a chart's figures with their labels, a diagram as its list, a
 * list in its own order, the title first when it is the answer; sections for titles that say little;
 * topics only where there is content.
 */
class AnswerLinesTest {

    private static final LuceneKnowledgeBase kb = BundledKnowledge.get();

    private static Hit best(String question) {
        Answer a = kb.ask(question, 3);
        assertThat(a.outcome()).as(question).isEqualTo(Answer.Outcome.SURE);
        return a.hits().get(0);
    }

    @Test
    void theLineThatAnswers_isShown_notItsNeighbour() {
        Hit hit = best("hvem har personalansvaret?");
        assertThat(hit.passage().slide()).isEqualTo(47);
        assertThat(hit.lines()).containsExactly("Kommunedirektøren har det løpende personalansvaret");
        assertThat(hit.text()).contains("Kommunedirektøren har ansvar for internkontroll");
    }

    @Test
    void chart_keepsEachFigureWithItsLabel_andTheTitleLeads() {
        Hit hit = best("hva er frie inntekter");
        assertThat(hit.passage().slide()).isEqualTo(72);
        assertThat(hit.lines()).containsExactly("Frie inntekter", "Kommunesektorens inntekter", "Skatteinntekter 40 %",
                "Rammetilskudd 32 %", "Øremerkede tilskudd 6 %", "Egenbetalinger og gebyrer 14 %", "«Bundne» inntekter");
        /* the passage text stays whole, broken fragments of the rotated labels included */
        assertThat(hit.text()).isEqualTo(hit.passage().text()).contains("Fra state n", "40 %");
    }

    @Test
    void chart_oneFigureAskedFor_isShownWithItsLabel() {
        Hit hit = best("hvor mye utgjør rammetilskuddet");
        assertThat(hit.passage().slide()).isEqualTo(72);
        assertThat(hit.lines()).containsExactly("Rammetilskudd 32 %");
    }

    @Test
    void diagram_isShownAsItsListOfLabels_inReadingOrder() {
        Hit hit = best("hva er deltakelsestrappa");
        assertThat(hit.passage().slide()).isEqualTo(90);
        assertThat(hit.lines()).containsExactly("Deltakelsestrappa", "• Informere", "• Spørre", "• Snakke med",
                "• Innbyggerne er med å sette dagsorden", "• Innbyggerne får ei hånd på rattet");
    }

    @Test
    void bulletList_answeringItsTitle_isShownWhole_inTheSlidesOrder() {
        Hit hit = best("Hvor kommer kommunens inntekter fra?");
        assertThat(hit.passage().slide()).isEqualTo(71);
        /* the title is a question: the list answers it, the title does not lead */
        assertThat(hit.lines()).containsExactly("– Skatteinntekter", "– Rammetilskudd", "– Øremerkede tilskudd",
                "– Egenbetalinger og gebyrer");
    }

    @Test
    void conceptOnlyInTheTitle_theTitleLeads_andTheSlideFollows() {
        Hit hit = best("hva gjør kommunedirektøren");
        assertThat(hit.passage().slide()).isEqualTo(41);
        assertThat(hit.lines()).containsExactly("Kommunedirektøren – oppgaver og ansvar",
                "Lede den samlede administrasjonen", "Utrede saker som skal behandles i folkevalgte organer",
                "Iverksette vedtak Internkontroll");

        Hit roles = best("hvilke roller har KS");
        assertThat(roles.passage().slide()).isEqualTo(6);
        assertThat(roles.lines()).containsExactly("KS har tre roller",
                "Arbeidsgiverorganisasjon Interessepolitisk aktør Utviklingspartner");
    }

    @Test
    void oneItemOfALongList_isShownAlone() {
        Hit hit = best("hva er en interpellasjon");
        assertThat(hit.passage().slide()).isEqualTo(17);
        assertThat(hit.lines()).containsExactly("• Interpellasjon");
    }

    /*
     * A follow-up searched with its topic shows the lines that carry its own words, here the head of a
     * compound the splitter leaves whole ("utviklingssamtale" for "samtale").
     */
    @Test
    void aFollowUpsOwnWords_chooseTheLines_ofTheSlideFoundWithItsTopic() {
        String followUp = "hvor ofte skal vi ha samtale med henne?";
        Answer a = kb.ask(followUp + " Hvem er arbeidsgiver for kommunedirektøren?", followUp, 3);

        Hit first = a.answered() ? a.hits().get(0) : a.suggestions().get(0);
        assertThat(first.passage().slide()).isEqualTo(49);
        assertThat(first.lines()).containsExactly("• Utviklingssamtale med kommunedirektøren minst en gang i året");
        assertThat(kb.ask("Hvem er arbeidsgiver for kommunedirektøren?", 3).hits().get(0).lines())
                .contains("• Kommunestyret / fylkestinget er arbeidsgiver for kommunedirektøren");
    }

    @Test
    void topics_areOnlyThePartsWithContent() {
        assertThat(kb.topics()).containsExactly("KS – Kommunesektorens organisasjon",
                "Hva innebærer det å være folkevalgt?", "Samspillet med administrasjonen",
                "Å være folkevalgt i sosiale medier", "Hvordan finne det økonomiske handlingsrommet?",
                "Samspillet med innbyggerne");
    }

    @Test
    void aSectionDivider_isNeverASureAnswer_norOffered() {
        for (String question : List.of("Utvalgsjobbing", "Hva skjer når pressen banker på døren?")) {
            Answer a = kb.ask(question, 3);
            assertThat(a.answered()).as(question).isFalse();
            assertThat(a.suggestions()).as(question).allSatisfy(hit -> assertThat(hit.passage().canAnswer()).isTrue());
            assertThat(a.suggestions()).as(question).noneSatisfy(hit -> assertThat(hit.passage().title())
                    .isIn("Utvalgsjobbing", "Når pressen banker på døren"));
        }
    }

    /* A title that is a statement of its own is the slide's content: it still answers. */
    @Test
    void aTitleOnlySlideWithAStatement_canAnswer_withItsTitle() {
        Hit hit = best("Er det stor frihet til politisk organisering?");
        assertThat(hit.passage().slide()).isEqualTo(23);
        assertThat(hit.passage().hasContent()).isFalse();
        assertThat(hit.passage().canAnswer()).isTrue();
        assertThat(hit.lines()).containsExactly("Stor frihet til politisk organisering");
    }

    @Test
    void titlesThatSayLittle_getTheirSection() throws IOException {
        Map<Integer, Passage> slides = ContentReader.of(TestPaths.bundledContent()).read(IngestProgress.NONE).passages()
                .stream().collect(Collectors.toMap(Passage::slide, Function.identity()));
        assertThat(slides.get(31).section()).isEqualTo("Samspillet med administrasjonen"); // Case
        assertThat(slides.get(14).section()).isEqualTo("Hva innebærer det å være folkevalgt?"); // Lede
        assertThat(slides.get(88).section()).isEqualTo("Samspillet med innbyggerne"); // SÆRLOVER
        assertThat(slides.get(90).section()).isEqualTo("Samspillet med innbyggerne"); // INFORMERE
        assertThat(slides.get(84).section()).isEqualTo("Når pressen banker på døren"); // Pause
        assertThat(slides.get(11).section()).isEqualTo("KS – Kommunesektorens organisasjon"); // Refleksjonsoppgave, repeated
        assertThat(slides.get(47).section()).isEmpty();
        assertThat(slides.get(91).section()).isEqualTo("Samspillet med innbyggerne"); // Informere, also slide 90's title
        assertThat(slides.get(97).section()).isEmpty(); // Snubletråder: one word that names a subject
        assertThat(slides.get(72).section()).isEmpty(); // Frie inntekter
        assertThat(slides.get(5).section()).isEmpty(); // the part's own divider
    }

    @Test
    void saysLittle_isShortGenericAllCapsOrRepeated() {
        assertThat(DeckStructure.saysLittle("Case", false)).isTrue();
        assertThat(DeckStructure.saysLittle("INFORMERE", false)).isTrue();
        assertThat(DeckStructure.saysLittle("Refleksjonsoppgave", true)).isTrue();
        assertThat(DeckStructure.saysLittle("Refleksjonsoppgave", false)).isFalse();
        assertThat(DeckStructure.saysLittle("Frie inntekter", false)).isFalse();
        assertThat(DeckStructure.saysLittle("Program for dagen", true)).isFalse();
        assertThat(DeckStructure.saysLittle("KOMMUNELOVEN OG GRUNNLOVEN SIER", false)).isFalse();
    }

    @Test
    void shape_joinsFiguresToLabels_dropsFragments_joinsBrokenWords() {
        assertThat(LineHighlighter.shape(List.of("Skatt", "40 %", "Gebyrer", "1,2 mrd.", ".", "Fra in n b", "Mandat for lønnsfor- handlinger",
                "Plan- og bygningsloven", "2019", "2020", "Tenk selv", "2.")))
                .containsExactly("Skatt 40 %", "Gebyrer 1,2 mrd.", "Mandat for lønnsforhandlinger", "Plan- og bygningsloven 2019", "2020",
                        "Tenk selv", "2.");
    }

    @Test
    void pdfLines_brokenInsideAnAllCapsLabel_areJoined() {
        assertThat(SlideText.logicalLines("INFORMERE\n\nINNBYGGERNE ER \nMED Å SETTE \nDAGSORDEN\n\nSPØRRE\nSlik gjør vi det \nNeste linje",
                SlideText.Wrapping.PDF))
                .containsExactly("INFORMERE", "INNBYGGERNE ER MED Å SETTE DAGSORDEN", "SPØRRE", "Slik gjør vi det", "Neste linje");
    }
}
