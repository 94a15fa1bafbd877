package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import no.folkevalgt.core.text.EditDistance;
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
    void baseAndDefiniteForms_meet_whereOnePassOfTheLightStemmerSplitsThem() {
        assertThat(stems("plan", "planen", "planer")).hasSize(1);
        assertThat(stems("økonomiplan", "økonomiplanen")).hasSize(1);
        assertThat(stems("delegasjon", "delegasjonen")).hasSize(1);
        assertThat(stems("kvalitet", "kvaliteten")).hasSize(1);
        assertThat(stems("sakliste", "saklista", "sakslista")).hasSizeLessThanOrEqualTo(2);
        assertThat(stems("sakliste", "saklista")).hasSize(1);
    }

    @Test
    void verbalNoun_andItsVerb_shareAStem() {
        assertThat(stems("involvering", "involvere", "involverer")).hasSize(1);
        assertThat(stems("delegering", "delegere")).hasSize(1);
        assertThat(stems("ledelse", "ledelsen", "lede")).hasSize(1);
        assertThat(stems("planlegging", "planlegge")).hasSize(1);
    }

    @Test
    void questionAnalyzer_marksStopWords_insteadOfDroppingThem() {
        var tokens = NorwegianAnalysis.tokens(NorwegianAnalysis.question(CompoundSplitFilter.Dictionary.EMPTY), "body",
                "Kan vi ta med innbyggerne?");
        assertThat(tokens).extracting(NorwegianAnalysis.Token::term).containsExactly("kan", "vi", "ta", "med", stem("innbyggerne"));
        assertThat(tokens).extracting(NorwegianAnalysis.Token::stop).containsExactly(true, true, false, true, false);
    }

    @Test
    void synonymPhrase_withAStopWord_matchesOnlyAsAWhole() throws java.io.IOException {
        Synonyms synonyms = Synonyms.parse(java.util.List.of(new Synonyms.NamedReader("test",
                new java.io.StringReader("ta med, trekke inn => involvere\nlederen på rådhuset => kommunedirektør\n"))));
        assertThat(synonyms.match(java.util.List.of("ta", "med", stem("innbyggerne")), 0).expansion())
                .containsExactly(java.util.List.of(stem("involvere")));
        assertThat(synonyms.match(java.util.List.of("ta", stem("pengene")), 0)).isNull();
        /* a phrase of two content words also matches with other stop words between them, or none */
        assertThat(synonyms.match(java.util.List.of(stem("lederen"), stem("rådhuset")), 0).expansion())
                .containsExactly(java.util.List.of(stem("kommunedirektør")));
        assertThat(synonyms.match(java.util.List.of(stem("lederen"), "på", stem("rådhuset")), 0).length()).isEqualTo(3);
    }

    @Test
    void norwegianWords_knowBothStandardsAndInflections_butNotTypos() {
        NorwegianWords words = NorwegianWords.bundled();
        assertThat(words.size()).isGreaterThan(100_000);
        assertThat(words.contains("fagforening")).isTrue();
        assertThat(words.contains("fagforeningene")).isTrue();
        assertThat(words.contains("innbyggjar")).isTrue();
        assertThat(words.contains("kjefting")).isTrue();
        assertThat(words.contains("interpelasjon")).isFalse();
        assertThat(words.contains("komunestyre")).isFalse();
        assertThat(words.contains("qwerty")).isFalse();
    }

    @Test
    void lightWords_areKnownByTheirWrittenForm() {
        WordWeights weights = WordWeights.bundled();
        assertThat(light(weights, "Hva gjør egentlig ordføreren med budsjettet?")).containsExactly("gjør", "egentlig");
        assertThat(light(weights, "Kva gjer eigentleg ordføraren?")).contains("eigentleg");
        /* "snill" is light; "været" (the weather) is not, though the verb "være" is a stop word */
        assertThat(light(weights, "Vær så snill: hva blir været?")).contains("snill").doesNotContain("været");
    }

    private static List<String> light(WordWeights weights, String text) {
        return NorwegianAnalysis.surfaces(text).stream().filter(weights::isLight).map(NorwegianAnalysis.Surface::text).toList();
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
