package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
