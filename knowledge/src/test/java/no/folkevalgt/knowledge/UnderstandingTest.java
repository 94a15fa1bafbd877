package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Questions worded as council members talk, against the bundled material: everyday and light words,
 * Nynorsk, English, phrases, and the three outcomes (sure, suggestions, not in the material).
 */
class UnderstandingTest {

    private static final LuceneKnowledgeBase kb = BundledKnowledge.get();

    @ParameterizedTest
    @ValueSource(strings = {"Hva gjør egentlig ordføreren?", "Kva gjer eigentleg ordføraren?", "What does the mayor actually do?"})
    void lightWordsNynorskAndEnglish_findTheMayorsSlide(String question) {
        Answer a = kb.ask(question, 3);
        assertThat(a.outcome()).as(question).isEqualTo(Answer.Outcome.SURE);
        assertThat(a.hits().get(0).passage().title()).isEqualTo("Ordfører for alle");
    }

    @Test
    void englishQuestion_isAnsweredInBokmaalFromTheSamePassage() {
        Answer a = kb.ask("Who is the employer of the chief executive?", 3);
        assertThat(a.answered()).isTrue();
        assertThat(a.hits().get(0).text()).contains("arbeidsgiver for kommunedirektøren");
    }

    @Test
    void everydayWords_findTheFormalOnes() {
        Answer a = kb.ask("Hvordan takler jeg kjefting på nett?", 3);
        assertThat(a.answered()).isTrue();
        assertThat(a.hits().get(0).passage().title()).contains("hets på nett");
    }

    @Test
    void phraseWithSmallWords_isReadAsAWhole() {
        Answer a = kb.ask("Hvordan kan vi ta med innbyggerne?", 3);
        assertThat(a.answered()).isTrue();
        assertThat(a.hits().get(0).passage().title().toLowerCase()).contains("innbygger");
    }

    @Test
    void questionAboutAWholePart_findsItsOverviewSlide() {
        Answer a = kb.ask("Hva handler økonomidelen om?", 3);
        assertThat(a.answered()).isTrue();
        assertThat(a.hits().get(0).passage().title()).isEqualTo("Kommuneøkonomi");
    }

    @Test
    void norwegianWordTheMaterialLacks_isNotCorrectedIntoOneItHas() {
        /* "ferja" (the ferry) is one edit from the deck's "ferie"; it is a word, not a typo */
        Answer a = kb.ask("Når går ferja?", 3);
        assertThat(a.interpretedAs()).isNull();
        assertThat(a.answered()).isFalse();
    }

    @Test
    void closeButUncertain_offersSuggestions_notAnAnswer() {
        Answer a = kb.ask("Hva mener fagforeningen om lønna?", 3);
        assertThat(a.outcome()).isEqualTo(Answer.Outcome.UNSURE);
        assertThat(a.hits()).isEmpty();
        assertThat(a.suggestions()).hasSizeBetween(1, Answer.MAX_SUGGESTIONS);
        assertThat(a.suggestions()).allSatisfy(h -> assertThat(h.lines()).isNotEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hva blir været i morgen?", "Hvem vant cupfinalen i fotball?",
        "Hvilket parti synes du jeg skal stemme på?", "Hva mener du om eiendomsskatt?", "What do you think about the mayor?",
        "Hei, hvordan har du det?", "Fortell meg en vits"})
    void weatherSportOpinionsAndSmallTalk_areDeclinedFlatly(String question) {
        Answer a = kb.ask(question, 3);
        assertThat(a.outcome()).as(question).isEqualTo(Answer.Outcome.NONE);
        assertThat(a.suggestions()).isEmpty();
    }

    @Test
    void offDomainWord_theMaterialUses_isNotOffDomain() {
        assertThat(OffTopic.offDomainWord("Hvem vant kampen i kommunestyret?", w -> false)).isNull();
        assertThat(OffTopic.offDomainWord("Hva sier værmeldingen?", w -> false)).isEqualTo("værmeldingen");
        assertThat(OffTopic.offDomainWord("Hva sier værmeldingen?", w -> w.equals("værmeldingen"))).isNull();
    }

    @Test
    void opinionPatterns_doNotCatchQuestionsAboutWhatOthersMean() {
        assertThat(OffTopic.matches("Hva mener du om budsjettet?")).isTrue();
        assertThat(OffTopic.matches("Kva meiner de med delegering?")).isFalse();
        assertThat(OffTopic.matches("Hva menes med interpellasjon?")).isFalse();
    }

    @Test
    void answer_keepsItsThreeOutcomesApart() {
        Passage p = new Passage("deck.txt", 1, "Tittel", "tekst", "", 0);
        Hit hit = new Hit(p, List.of("tekst"), 1.0);
        assertThat(new Answer("q", true, List.of(hit), null).outcome()).isEqualTo(Answer.Outcome.SURE);
        assertThat(Answer.unsure("q", List.of(hit), null).outcome()).isEqualTo(Answer.Outcome.UNSURE);
        assertThat(Answer.declined("q").outcome()).isEqualTo(Answer.Outcome.NONE);
        assertThatThrownBy(() -> new Answer("q", true, List.of(hit), List.of(hit), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Answer.unsure("q", List.of(hit, hit, hit, hit), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3");
    }
}
