package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class WordCounterTest {

    private final WordCounter counter = new WordCounter();

    @Test
    void inflections_areMerged_underTheMostUsedForm() {
        assertThat(counter.top(List.of("skole", "skolen", "skoler"), 10))
                .containsExactly(new WordCount("skole", 3));
        assertThat(counter.top(List.of("skolen", "Skolen!", "skolen er viktig", "skoler"), 10))
                .first().isEqualTo(new WordCount("skolen", 4));
    }

    @Test
    void formsTheStemmerTreatsUnevenly_areStillMerged() {
        assertThat(counter.top(List.of("barn", "barna", "barnet", "Trygge barn"), 10))
                .first().isEqualTo(new WordCount("barn", 4));
        assertThat(counter.top(List.of("ny skole", "nye skoler"), 10))
                .containsExactly(new WordCount("ny", 2), new WordCount("skole", 2));
    }

    @Test
    void derivations_stayApart_whenTheirStemsDiffer() {
        assertThat(counter.top(List.of("åpen", "åpenhet"), 10)).hasSize(2);
    }

    @Test
    void aWordRepeatedInOneAnswer_countsOnce() {
        assertThat(counter.top(List.of("skole skole skole", "Skole, skolen og skolene"), 10))
                .containsExactly(new WordCount("skole", 2));
    }

    @Test
    void bokmaalAndNynorskStopWords_areLeftOut() {
        assertThat(words("Jeg vil at det skal bli en bedre skole for alle")).containsExactly("bedre", "skole");
        assertThat(words("Eg vil ha ein skule kor ikkje nokon blir utanfor")).containsExactly("skule", "utanfor");
        assertThat(words("Hvordan kan vi gjøre det?")).isEmpty();
    }

    @Test
    void numbers_andSingleLetters_areIgnored() {
        assertThat(words("5 nye skoler i 2025, og x y z")).containsExactly("nye", "skoler");
        assertThat(words("10-12 barn, 3,5 mill.")).containsExactly("barn", "mill");
    }

    @Test
    void hyphenatedWords_stayWhole() {
        assertThat(words("Mer e-post og bedre covid-19-beredskap")).containsExactly("e-post", "bedre",
                "covid-19-beredskap");
        assertThat(words("by- og bygdeutvikling")).containsExactly("by", "bygdeutvikling");
        assertThat(counter.top(List.of("e-post", "E-posten", "for mye e-post"), 3))
                .first().isEqualTo(new WordCount("e-post", 3));
    }

    @Test
    void oldSpellings_andCase_areNormalised() {
        assertThat(words("RAADHUS Rådhus rådhus")).containsExactly("rådhus", "rådhus", "rådhus");
        assertThat(counter.top(List.of("Raadhuset", "rådhuset"), 1)).containsExactly(new WordCount("rådhuset", 2));
    }

    @Test
    void emojiAndPunctuation_areNoWords() {
        assertThat(words("👍 !!! ... – ?")).isEmpty();
        assertThat(counter.top(Arrays.asList("", "   ", null, "🙂"), 10)).isEmpty();
    }

    @Test
    void norwegianLetters_survive() {
        assertThat(words("Økonomi, åpenhet og ærlighet")).containsExactly("økonomi", "åpenhet", "ærlighet");
    }

    @Test
    void result_isSortedByCount_thenAlphabetically_andCutAtN() {
        List<String> answers = List.of("åpenhet tillit", "tillit dialog", "tillit åpenhet", "ærlighet", "budsjett");
        assertThat(counter.top(answers, 10)).containsExactly(
                new WordCount("tillit", 3), new WordCount("åpenhet", 2), new WordCount("budsjett", 1),
                new WordCount("dialog", 1), new WordCount("ærlighet", 1));
        assertThat(counter.top(answers, 2)).extracting(WordCount::word).containsExactly("tillit", "åpenhet");
        assertThat(counter.top(answers, 0)).isEmpty();
    }

    @Test
    void sameInput_givesSameOutput() {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add("svar " + (i % 7) + " ord" + (char) ('a' + i % 26) + " skole" + (i % 2 == 0 ? "n" : "r"));
        }
        assertThat(counter.top(answers, 40)).isEqualTo(counter.top(answers, 40));
        assertThat(counter.top(answers, 2)).containsExactly(new WordCount("skolen", 200), new WordCount("svar", 200));
    }

    @Test
    void badArguments_areRefused() {
        assertThatThrownBy(() -> counter.top(List.of("a"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WordCount(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WordCount("skole", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> words(String text) {
        return counter.words(text);
    }
}
