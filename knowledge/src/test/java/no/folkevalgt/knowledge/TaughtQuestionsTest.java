package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Passage;
import org.junit.jupiter.api.Test;

/**
 * What the knowledge base offers for the questions facilitators teach: which taught question a new one
 * is like ({@link KnowledgeBase#closest}), and a sure answer from the slide a facilitator chose
 * ({@link KnowledgeBase#answerFrom}), on the bundled material.
 */
class TaughtQuestionsTest {

    private static final LuceneKnowledgeBase kb = BundledKnowledge.get();
    private static final String DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";

    private static final List<String> TAUGHT = List.of(
            "Hvem passer på at kommunedirektøren gjør jobben sin?",
            "Kan jeg legge ut bilder fra møtet på Instagram?",
            "Hvor mye tjener en folkevalgt?");

    @Test
    void theSameQuestion_inOtherCaseSpacingAndPunctuation_isAlike() {
        assertThat(kb.closest("hvem passer på at kommunedirektøren gjør jobben sin", TAUGHT)).isZero();
        assertThat(kb.closest("  HVOR MYE tjener en folkevalgt ?? ", TAUGHT)).isEqualTo(2);
    }

    @Test
    void otherFormsSpellingsAndNynorsk_ofTheSameWords_areAlike() {
        /* word order, other inflections, a typo, and Nynorsk */
        assertThat(kb.closest("hvem passer på kommunedirektørens jobb", TAUGHT)).isZero();
        assertThat(kb.closest("kan jeg legge ut et bilde fra møtet på instagram", TAUGHT)).isEqualTo(1);
        assertThat(kb.closest("hvor mye tjener folkevalgte", TAUGHT)).isEqualTo(2);
        assertThat(kb.closest("kor mykje tener ein folkevald?", TAUGHT)).isEqualTo(2);
        assertThat(kb.closest("hvor mye tjenner en folkevalgt", TAUGHT)).isEqualTo(2);
    }

    @Test
    void aQuestionThatSharesOnlySomeWords_isNotAlike() {
        /* the same subject, another question: the material's own answer stays */
        assertThat(kb.closest("Hva er kommunedirektørens oppgaver?", TAUGHT)).isEqualTo(-1);
        assertThat(kb.closest("Hvordan håndterer jeg hets på Instagram?", TAUGHT)).isEqualTo(-1);
        assertThat(kb.closest("Hvor mye penger får kommunen i skatt?", TAUGHT)).isEqualTo(-1);
        assertThat(kb.closest("folkevalgt", TAUGHT)).isEqualTo(-1);
        assertThat(kb.closest("Hva er folkevalgtprogrammet?", List.of())).isEqualTo(-1);
        assertThat(kb.closest("???", TAUGHT)).isEqualTo(-1);
    }

    @Test
    void questionsAskingForDifferentThings_areNotAlike() {
        assertThat(kb.closest("Hva lærer vi om kommuneøkonomi på kurset?", List.of("Når på kurset tar vi opp kommuneøkonomien?")))
                .isEqualTo(-1);
        assertThat(kb.closest("Kvifor vart eg politikar?", List.of("Hvordan ble jeg politiker?"))).isEqualTo(-1);
        assertThat(kb.closest("Kor mykje tener ein folkevald?", List.of("Hvor tjener en folkevalgt?"))).isEqualTo(-1);
        /* without a question word, a keyword query may be any of them */
        assertThat(kb.closest("frie inntekter", List.of("Hvorfor skal kommunen ha frie inntekter?"))).isZero();
    }

    /**
     * The bundled question bank as if every line were taught: a line is rarely taken for one written
     * for another slide (those that are, are near repeats: the two "Program for dagen" slides of day
     * 2, two slides on the municipality's income), and then only when it asks nearly the same.
     */
    @Test
    void theBundledBank_asTaughtQuestions_isRarelyTakenForAnotherSlidesLine() {
        var g = kb.generationForTools();
        List<String> questions = new java.util.ArrayList<>();
        List<Integer> slides = new java.util.ArrayList<>();
        g.questions.forEach((doc, lines) -> lines.forEach(q -> {
            questions.add(q);
            slides.add(doc);
        }));
        int other = 0;
        for (int i = 0; i < questions.size(); i++) {
            List<String> rest = new java.util.ArrayList<>(questions);
            rest.remove(i);
            int found = kb.closest(questions.get(i), List.copyOf(rest));
            if (found >= 0 && !slides.get(found < i ? found : found + 1).equals(slides.get(i))) {
                other++;
            }
        }
        assertThat(questions).hasSizeGreaterThan(500);
        assertThat(other).as("lines taken for another slide's line, of " + questions.size()).isLessThanOrEqualTo(questions.size() / 25);
    }

    @Test
    void wordsThatOnlyShareASynonymOfAThirdWord_areNotAlike() {
        /* "lønna til rådmannen" and "neste kommunestyremøte" both reach "ordfører" through the thesaurus */
        assertThat(kb.closest("Hvem bestemmer lønna til rådmannen?", List.of("Når er neste kommunestyremøte?"))).isEqualTo(-1);
        assertThat(kb.closest("Når er neste kommunestyremøte?", List.of("Hvem bestemmer lønna til rådmannen?"))).isEqualTo(-1);
        /* while a synonym of the word itself is alike */
        assertThat(kb.closest("Hvem bestemmer lønna til kommunedirektøren?", List.of("Hvem bestemmer lønna til rådmannen?")))
                .isZero();
    }

    @Test
    void answerFrom_putsTheChosenSlideFirst_withTheLinesThatAnswer_andOthersAfter() {
        Answer a = kb.answerFrom("Hvem passer på at kommunedirektøren gjør jobben sin?", DECK + "#49", 3);

        assertThat(a.answered()).isTrue();
        assertThat(a.hits().get(0).passage().id()).isEqualTo(DECK + "#49");
        assertThat(a.hits().get(0).passage().title()).isEqualTo("Arbeidsgiveransvaret for kommunedirektøren");
        assertThat(a.hits().get(0).lines()).isNotEmpty();
        assertThat(a.hits()).hasSizeBetween(2, 3);
        assertThat(a.hits().stream().skip(1).map(h -> h.passage().id())).doesNotContain(DECK + "#49");
        assertThat(a.question()).isEqualTo("Hvem passer på at kommunedirektøren gjør jobben sin?");
    }

    @Test
    void answerFrom_aSlideTheMaterialNoLongerHas_isNull() {
        assertThat(kb.answerFrom("Hva er dette?", DECK + "#999", 3)).isNull();
        assertThat(kb.answerFrom("Hva er dette?", "annen-fil.txt#4", 3)).isNull();
    }

    @Test
    void passages_areEverySlideInOrder() {
        List<Passage> all = kb.passages();
        assertThat(all).hasSize(kb.stats().passages());
        assertThat(all).extracting(Passage::slide).isSorted();
        assertThat(all).anySatisfy(p -> assertThat(p.id()).isEqualTo(DECK + "#49"));
    }
}
