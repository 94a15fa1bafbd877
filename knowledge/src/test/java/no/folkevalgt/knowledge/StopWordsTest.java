package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import no.folkevalgt.core.text.StopWords;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.junit.jupiter.api.Test;

/** The core's stop words are the search's: Snowball's list as Lucene ships it, and the project's own. */
class StopWordsTest {

    @Test
    void theCoresList_holdsEveryWordOfLucenesNorwegianStopSet() {
        List<String> lucene = new ArrayList<>();
        for (Object word : NorwegianAnalyzer.getDefaultStopSet()) {
            lucene.add(new String((char[]) word));
        }
        assertThat(lucene).hasSizeGreaterThan(150);
        assertThat(StopWords.all()).containsAll(lucene);
    }

    @Test
    void theSearch_dropsExactlyTheCoresStopWords() {
        assertThat(NorwegianAnalysis.STOP_WORDS).hasSize(StopWords.all().size());
        for (String word : StopWords.all()) {
            assertThat(NorwegianAnalysis.STOP_WORDS.contains(word)).as(word).isTrue();
        }
        assertThat(StopWords.contains("Hvem")).isTrue();
        assertThat(StopWords.contains("kva")).isTrue();
        assertThat(StopWords.contains("kommunestyret")).isFalse();
    }
}
