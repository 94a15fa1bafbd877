package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class NorwegianAnalysisTest {

    private static final CompoundSplitFilter.Dictionary DICTIONARY = LuceneKnowledgeBase.dictionary(Set.of(
            "arbeidsgiver", "ansvaret", "delegering", "reglementet", "rolle", "innbygger", "innbyggerne", "kommune",
            "styret", "møte", "leder"));

    @Test
    void inflections_ofOneWord_shareAStem() {
        assertThat(stems("rådmann", "rådmannen", "rådmannens")).hasSize(1);
        assertThat(stems("politiker", "politikeren", "politikerne")).hasSize(1);
        assertThat(stems("diskuterer", "diskuteres")).hasSize(1);
        assertThat(stems("styrer", "styres", "styrt")).hasSize(1);
        assertThat(stems("inntekter", "inntektene")).hasSize(1);
        assertThat(stems("ansvar", "ansvaret")).hasSize(1);
    }

    @Test
    void differentWords_keepDifferentStems() {
        assertThat(stem("ordfører")).isNotEqualTo(stem("rådmann"));
        assertThat(stem("møte")).isNotEqualTo(stem("møteleder"));
    }

    @Test
    void stemmingAnalyzer_dropsBokmaalAndNynorskStopWords() {
        var analyzer = NorwegianAnalysis.stemming(CompoundSplitFilter.Dictionary.EMPTY);
        assertThat(NorwegianAnalysis.terms(analyzer, "body", "Hva er en interpellasjon?"))
                .containsExactly(stem("interpellasjon"));
        assertThat(NorwegianAnalysis.terms(analyzer, "body", "Kva er eit rammetilskot, og korleis blir det gjeve?"))
                .contains(stem("rammetilskot")).doesNotContain("kva", "eit", "korleis");
    }

    @Test
    void compounds_areSplitIntoWordsOfTheMaterial() {
        assertThat(CompoundSplitFilter.split("arbeidsgiveransvaret", DICTIONARY, false))
                .containsExactly("arbeidsgiver", "ansvaret");
        assertThat(CompoundSplitFilter.split("delegeringsreglementet", DICTIONARY, false))
                .containsExactly("delegering", "reglementet");
        assertThat(CompoundSplitFilter.split("kommunestyret", DICTIONARY, false)).containsExactly("kommune", "styret");
    }

    @Test
    void unknownHead_isGuessedOnlyAfterAWholeWord() {
        assertThat(CompoundSplitFilter.split("rollemodell", DICTIONARY, false)).isEmpty();
        assertThat(CompoundSplitFilter.split("rollemodell", DICTIONARY, true)).containsExactly("rolle", "modell");
        assertThat(CompoundSplitFilter.split("innbyggerne", DICTIONARY, true)).isEmpty();
    }

    @Test
    void analyzer_stacksCompoundPartsOnTheWholeWord() {
        var tokens = NorwegianAnalysis.tokens(NorwegianAnalysis.stemming(DICTIONARY), "body", "arbeidsgiveransvaret");
        assertThat(tokens).extracting(NorwegianAnalysis.Token::term)
                .containsExactly(stem("arbeidsgiveransvaret"), stem("arbeidsgiver"), stem("ansvaret"));
        assertThat(tokens).extracting(NorwegianAnalysis.Token::stacked).containsExactly(false, true, true);
    }

    @Test
    void exactAnalyzer_normalisesOldSpellings() {
        assertThat(NorwegianAnalysis.terms(NorwegianAnalysis.exact(), "exact", "Raadmann Ordförer"))
                .containsExactly("rådmann", "ordfører");
    }

    @Test
    void editDistance_countsATranspositionAsOne() {
        assertThat(EditDistance.of("rådmanen", "rådmannen")).isEqualTo(1);
        assertThat(EditDistance.of("arbeidsgjiver", "arbeidsgiver")).isEqualTo(1);
        assertThat(EditDistance.of("rådmann", "kommunedirektør")).isGreaterThan(2);
        assertThat(EditDistance.of("abcd", "abdc")).isEqualTo(1);
    }

    private static Set<String> stems(String... words) {
        return java.util.Arrays.stream(words).map(NorwegianAnalysis::stem).collect(java.util.stream.Collectors.toSet());
    }

    private static String stem(String word) {
        return NorwegianAnalysis.stem(word);
    }
}
