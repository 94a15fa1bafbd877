package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import no.folkevalgt.core.port.WordCount;
import org.junit.jupiter.api.Test;

class WordCounterTest {

    private final WordCounter counter = new WordCounter();

    // ---- every word of an answer, content words only

    @Test
    void everyWordOfALongAnswer_counts_butOnlyItsContentWords() {
        assertThat(words("jeg ville ha bedre skoler i bygda")).containsExactly("skole", "bygd");
        assertThat(counter.top(List.of("jeg ville ha bedre skoler i bygda"), 10))
                .containsExactly(new WordCount("bygd", 1), new WordCount("skole", 1));
        String late = "Jeg tror at det viktigste for oss i kommunestyret er at vi hører på ungdommen";
        assertThat(words(late)).containsExactly("kommunestyre", "ungdom");
    }

    @Test
    void bokmaalAndNynorskStopWords_pronouns_auxiliaries_andModals_areLeftOut() {
        assertThat(words("Jeg vil at det skal bli en god skole for alle")).containsExactly("skole");
        assertThat(words("Eg vil ha ein skule kor ikkje nokon blir utanfor")).containsExactly("skule", "utanfor");
        assertThat(words("Hvordan kan vi gjøre det?")).isEmpty();
        assertThat(words("Vi skulle kunne få være med, de ville ha det")).isEmpty();
        assertThat(words("Me skal vere der dei er, og få det til")).isEmpty();
    }

    @Test
    void veryCommonLightWords_areLeftOut() {
        assertThat(words("Det er viktig å gjøre ting bedre, bra og mye mer")).isEmpty();
        assertThat(words("Et bedre og tryggere lokalsamfunn")).containsExactly("trygg", "lokalsamfunn");
    }

    @Test
    void answersOfStopWordsOnly_giveNoWords() {
        assertThat(counter.top(List.of("Jeg ville ha det", "ja", "Eg vil det òg", "!!!"), 10)).isEmpty();
    }

    // ---- counted by base form

    @Test
    void inflections_countAsTheirBaseForm_evenWhenNoOneWroteIt() {
        assertThat(counter.top(List.of("skole", "skolen", "skoler"), 10)).containsExactly(new WordCount("skole", 3));
        assertThat(counter.top(List.of("skolen", "Skolen!", "skolen er viktig", "skoler"), 10))
                .containsExactly(new WordCount("skole", 4));
        assertThat(counter.top(List.of("skolene", "skolen"), 10)).containsExactly(new WordCount("skole", 2));
        assertThat(counter.top(List.of("barn", "barna", "barnet", "Trygge barn"), 10))
                .first().isEqualTo(new WordCount("barn", 4));
        assertThat(counter.top(List.of("kommunen", "kommunens økonomi", "kommuner"), 10))
                .containsExactly(new WordCount("kommune", 3), new WordCount("økonomi", 1));
        assertThat(words("posten planen veien tiden saken budsjettet ungdommen innbyggerne"))
                .containsExactly("post", "plan", "vei", "tid", "sak", "budsjett", "ungdom", "innbygger");
    }

    @Test
    void nynorskForms_countAsTheirNynorskBaseForm_whichStaysApartFromTheBokmaalOne() {
        assertThat(words("skular og barnehagar i bygdene")).containsExactly("skule", "barnehage", "bygd");
        assertThat(counter.top(List.of("skule", "skular", "skulen", "skulane"), 10))
                .containsExactly(new WordCount("skule", 4));
        assertThat(counter.top(List.of("Betre skular", "bedre skoler"), 10))
                .containsExactly(new WordCount("skole", 1), new WordCount("skule", 1));
        assertThat(counter.top(List.of("ungdomane i kommunen", "ungdommen"), 10))
                .containsExactly(new WordCount("ungdom", 2), new WordCount("kommune", 1));
    }

    @Test
    void derivations_stayApart() {
        assertThat(counter.top(List.of("åpen", "åpenhet"), 10)).hasSize(2);
    }

    // ---- once per answer

    @Test
    void aWordRepeatedInOneAnswer_countsOnce_soOneAnswerCannotDominate() {
        assertThat(counter.top(List.of("skole skole skole", "Skole, skolen og skolene"), 10))
                .containsExactly(new WordCount("skole", 2));
        assertThat(counter.top(List.of("vei vei vei vei vei vei vei vei", "skole", "skolen"), 10))
                .containsExactly(new WordCount("skole", 2), new WordCount("vei", 1));
    }

    @Test
    void noCount_isMoreThanTheNumberOfAnswers() {
        List<String> answers = new ArrayList<>();
        String[] pool = {"skole", "skolen", "skoler", "skular", "barn", "barna", "vei", "veien", "tillit", "jeg", "ville",
            "åpenhet", "kommunen", "e-post", "🙂", "2025", "https://ks.no/skole"};
        for (int i = 0; i < 60; i++) {
            StringBuilder answer = new StringBuilder();
            for (int j = 0; j <= i % 9; j++) {
                answer.append(pool[(i * 7 + j * 3) % pool.length]).append(' ');
            }
            answers.add(answer.toString());
        }
        for (int n = 1; n <= answers.size(); n += 13) {
            List<String> some = answers.subList(0, n);
            assertThat(counter.top(some, 40)).allSatisfy(w -> assertThat(w.count()).isBetween(1, some.size()));
        }
    }

    // ---- what is a word

    @Test
    void numbers_andSingleLetters_areIgnored() {
        assertThat(words("5 nye skoler i 2025, og x y z")).containsExactly("skole");
        assertThat(words("10-12 barn, 3,5 millioner")).containsExactly("barn", "million");
    }

    @Test
    void hyphenatedWords_stayWhole_andCountByTheBaseFormOfTheirLastPart() {
        assertThat(words("Mer e-post og bedre covid-19-beredskap")).containsExactly("e-post", "covid-19-beredskap");
        assertThat(words("by- og bygdeutvikling")).containsExactly("by", "bygdeutvikling");
        assertThat(counter.top(List.of("e-post", "E-posten", "for mye e-post"), 3))
                .containsExactly(new WordCount("e-post", 3));
    }

    @Test
    void emoji_punctuation_webAddresses_andEmailAddresses_areNoWords() {
        assertThat(words("👍 !!! ... – ?")).isEmpty();
        assertThat(words("🙂🙂 skole!!! 👍")).containsExactly("skole");
        assertThat(words("Budsjett: https://www.kommune.no/skoler?side=2 og www.ks.no/barn, post@ks.no, f.eks.")).containsExactly("budsjett");
        assertThat(counter.top(Arrays.asList("", "   ", null, "🙂"), 10)).isEmpty();
    }

    @Test
    void overLongRuns_areNoWords_andAreNotCutIntoWordsEither() {
        String mash = "a".repeat(300);
        assertThat(words(mash + " skole")).containsExactly("skole");
        assertThat(words("b".repeat(WordCounter.MAX_WORD_LENGTH + 1))).isEmpty();
        assertThat(words("menneskerettighetsorganisasjonene")).hasSize(1);
    }

    @Test
    void theShownForm_isTheBaseForm_spelledAsTheAnswersSpellIt() {
        assertThat(words("RAADHUS Rådhus rådhuset")).containsExactly("rådhus", "rådhus", "rådhus");
        assertThat(counter.top(List.of("Raadhuset", "rådhuset"), 1)).containsExactly(new WordCount("rådhus", 2));
        /* The search index folds "oe" to "ø"; a cloud must not show "køffisient". */
        assertThat(counter.top(List.of("Koeffisienten"), 1)).containsExactly(new WordCount("koeffisient", 1));
        /* A word the lexicon does not know shows as most answers write it. */
        assertThat(counter.top(List.of("Rakkestad", "rakkestad", "RAKKESTAD"), 1)).containsExactly(new WordCount("rakkestad", 3));
    }

    @Test
    void norwegianLetters_survive() {
        assertThat(words("Økonomi, åpenhet og ærlighet")).containsExactly("økonomi", "åpenhet", "ærlighet");
    }

    // ---- order

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
    void sameInput_givesSameOutput_andManyAnswersAreCounted() {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            answers.add("Jeg ville ha " + (i % 7) + " skole" + (i % 2 == 0 ? "n" : "r") + " i bygda" + " ord" + (char) ('a' + i % 26));
        }
        assertThat(counter.top(answers, 40)).isEqualTo(counter.top(answers, 40));
        assertThat(counter.top(answers, 2)).containsExactly(new WordCount("bygd", 2000), new WordCount("skole", 2000));
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
