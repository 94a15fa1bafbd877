package no.folkevalgt.core.reflection;

import static no.folkevalgt.core.reflection.Fixtures.P1;
import static no.folkevalgt.core.reflection.Fixtures.P2;
import static no.folkevalgt.core.reflection.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.StoreUnavailable;
import no.folkevalgt.core.port.TopWords;
import no.folkevalgt.core.port.WordCloudRenderer;
import no.folkevalgt.core.port.WordCount;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.wordcloud.WordCloud;
import org.junit.jupiter.api.Test;

class ReflectionSummariesTest {

    private static final ChannelRef CHANNEL = new ChannelRef("local", "programmet");

    private final InMemoryReflectionStore store = new InMemoryReflectionStore();
    private final List<List<String>> counted = new ArrayList<>();
    /* A word counter without Lucene: every distinct lower-cased word, in order, counted once per answer. */
    private final TopWords simpleWords = (texts, n) -> {
        counted.add(List.copyOf(texts));
        Map<String, Integer> counts = new LinkedHashMap<>();
        texts.forEach(t -> Arrays.stream(t.toLowerCase(Locale.ROOT).split("\\s+")).distinct()
                .forEach(w -> counts.merge(w, 1, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(n).map(e -> new WordCount(e.getKey(), e.getValue())).toList();
    };
    private final WordCloudRenderer fakeCloud = words -> new byte[] {1, 2, 3};
    private final ReflectionSummaries summaries = new ReflectionSummaries(store, Fixtures.programme(), simpleWords, fakeCloud);

    @Test
    void summaryPost_countsAnswers_listsTheTopWords_andCarriesTheCloud_forTheChannel() {
        add(1, "U1", "skole");
        add(1, "U2", "skole bibliotek");
        add(1, "U3", "skole vei");

        Reply reply = summaries.compose(summary(1), false);

        assertThat(reply.ephemeral()).isFalse();
        assertThat(reply.blocks()).containsExactly(
                "Oppsummering: «" + P1 + "» — 3 svar. Mest brukte ord: skole (3), bibliotek (1), vei (1).",
                "Du kan fortsatt svare: /refleksjon 1 <svaret ditt>");
        assertThat(reply.image()).isEqualTo(new Reply.Image("image/png", new byte[] {1, 2, 3},
                "Ordsky for «" + P1 + "»: mest brukte ord skole (3), bibliotek (1), vei (1)."));
        assertThat(counted).first().isEqualTo(List.of("skole", "skole bibliotek", "skole vei"));
    }

    // ---- the count and the words agree (with the real word counter)

    private final ReflectionSummaries real = new ReflectionSummaries(store, Fixtures.programme(),
            new WordCounter()::top, fakeCloud);

    @Test
    void nAnswers_sayNSvar_andNoWordIsInMoreAnswersThanThat() {
        add(1, "U1", "jeg ville ha bedre skoler i bygda");
        add(1, "U2", "Skolen, skolen, skolen!!! 🙂");
        add(1, "U3", "Bedre skoler og ei levende bygd");
        add(1, "U4", "Ja, det vil jeg");

        Reply reply = real.forFacilitator(1);
        ReflectionSummaries.Summary summary = real.summary(1);

        assertThat(reply.blocks()).containsExactly("Oppsummering: «" + P1 + "» — 4 svar. Mest brukte ord: skole (3), "
                + "bygd (2), levende (1). 1 av svarene har ingen ord som telles.");
        assertThat(reply.image().altText()).isEqualTo(
                "Ordsky for «" + P1 + "»: mest brukte ord skole (3), bygd (2), levende (1).");
        assertThat(summary.answers()).isEqualTo(4);
        assertThat(summary.answersWithWords()).isEqualTo(3);
        assertThat(summary.words()).allSatisfy(w -> assertThat(w.count()).isBetween(1, summary.answers()));
    }

    @Test
    void everyAnswerCounts_withEveryWord_evenPastThePromptsWordLimit() {
        /* Prompt 2 asks for at most five words; the sixth and seventh still count. */
        add(2, "U1", "jeg ville ha det slik: bedre skoler i bygda");
        add(2, "U2", "skular i bygdene");
        add(2, "U3", "ja");

        assertThat(real.compose(summary(2), false).blocks().get(0)).isEqualTo("Oppsummering: «" + P2 + "» — 3 svar. "
                + "Mest brukte ord: bygd (2), skole (1), skule (1). 1 av svarene har ingen ord som telles.");
    }

    @Test
    void answersWithoutAnyWordThatCounts_areCounted_andSaidToBeSo() {
        add(1, "U1", "Jeg ville ha det");
        add(1, "U2", "👍👍");
        add(1, "U3", "ja");

        assertThat(real.forFacilitator(1).blocks()).containsExactly(
                "Oppsummering: «" + P1 + "» — 3 svar. Ingen av svarene har ord som telles.");
        assertThat(real.forFacilitator(1).image().altText()).isEqualTo("Ordsky for «" + P1 + "»: ingen ord å vise.");
    }

    @Test
    void theSameAnswers_areCountedOnce_andChangedOnesAgain() {
        add(1, "U1", "skole");
        add(1, "U2", "skole");
        add(1, "U3", "skole");
        summaries.forFacilitator(1);
        int once = counted.size();
        summaries.forFacilitator(1);
        summaries.compose(summary(1), false);
        summaries.summary(1);

        assertThat(counted).as("asked four times, counted once").hasSize(once);

        add(1, "U4", "vei");
        Reply reply = summaries.forFacilitator(1);

        assertThat(counted.get(once)).isEqualTo(List.of("skole", "skole", "skole", "vei"));
        assertThat(reply.blocks().get(0)).endsWith("— 4 svar. Mest brukte ord: skole (3), vei (1).");
    }

    @Test
    void aLatePost_saysSo() {
        add(2, "U1", "trygt");
        add(2, "U2", "trygt");
        add(2, "U3", "trygt");

        assertThat(summaries.compose(summary(2), true).blocks().get(0))
                .isEqualTo("(forsinket) Oppsummering: «" + P2 + "» — 3 svar. Mest brukte ord: trygt (3).");
    }

    @Test
    void noAnswers_sayNoneYet_withTheFriendlyCloud() throws IOException {
        ReflectionSummaries real = new ReflectionSummaries(store, Fixtures.programme(), simpleWords, new WordCloud());

        Reply reply = real.compose(summary(2), false);

        assertThat(reply.blocks().get(0)).isEqualTo("Oppsummering: «" + P2 + "» — ingen svar ennå.");
        assertThat(reply.image().altText()).isEqualTo("Ordsky for «" + P2 + "»: ingen svar ennå.");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(reply.image().bytes())).getHeight()).isEqualTo(675);
        assertThat(counted).as("no counting without answers").isEmpty();
    }

    @Test
    void onlyTheTopTenWords_areListed_butTheCloudGetsMore() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            many.append("ord").append((char) ('a' + i % 26)).append(i).append(' ');
        }
        add(1, "U1", many.toString());
        add(1, "U2", many.toString());
        add(1, "U3", many.toString());
        List<List<WordCount>> drawn = new ArrayList<>();
        ReflectionSummaries recording = new ReflectionSummaries(store, Fixtures.programme(), simpleWords, words -> {
            drawn.add(words);
            return new byte[] {1};
        });

        Reply reply = recording.compose(summary(1), false);

        assertThat(reply.blocks().get(0).split("\\(3\\)")).hasSize(11);
        assertThat(drawn).singleElement().asList().hasSize(30);
    }

    @Test
    void aPromptNoLongerInTheProgramme_isNamedByThePostsText() {
        add(7, "U1", "noe");

        assertThat(summaries.compose(new PlannedPost("summary-7", at(5, 16, 0).toInstant(), CHANNEL, PostKind.SUMMARY,
                "Gammel oppgave", 7), false).blocks().get(0)).startsWith("Oppsummering: «Gammel oppgave» — 1 svar.");
    }

    @Test
    void whenTheCloudCannotBeDrawn_theTextStillGoesOut() {
        add(1, "U1", "skole");
        ReflectionSummaries noPictures = new ReflectionSummaries(store, Fixtures.programme(), simpleWords, words -> {
            throw new IllegalStateException("no fonts");
        });

        Reply reply = noPictures.compose(summary(1), false);

        assertThat(reply.image()).isNull();
        assertThat(reply.plainText()).startsWith("Oppsummering: «" + P1 + "» — 1 svar.");
    }

    @Test
    void forAFacilitator_theSummaryIsPrivate_andWithoutTheInvitation() {
        add(1, "U1", "skole");
        add(1, "U2", "skole");
        add(1, "U3", "vei");

        Reply reply = summaries.forFacilitator(1);

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.blocks()).containsExactly("Oppsummering: «" + P1 + "» — 3 svar. Mest brukte ord: skole (2), vei (1).");
        assertThatThrownBy(() -> summaries.forFacilitator(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Det finnes ingen refleksjonsoppgave 4 i programmet.");
    }

    @Test
    void aStoreFailure_reachesTheScheduler_soThatItTriesAgain() {
        store.down(true);

        assertThatThrownBy(() -> summaries.compose(summary(1), false)).isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void otherKindsOfPost_areNotSummaries() {
        assertThatThrownBy(() -> summaries.compose(new PlannedPost("prompt-1", at(5, 10, 15).toInstant(), CHANNEL,
                PostKind.PROMPT, P1, 1), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROMPT");
    }

    @Test
    void summaries_neverNameWhoAnswered_evenForNamedPrompts() {
        add(1, "UNAMEDONE", "skole");
        add(1, "UNAMEDTWO", "vei");
        add(1, "UNAMEDTHREE", "vei");

        Reply reply = summaries.compose(summary(1), false);

        assertThat(reply.plainText() + reply.image().altText()).doesNotContain("UNAMEDONE", "UNAMEDTWO", "UNAMEDTHREE");
    }

    // ---- words only when at least three members answered

    @Test
    void withFewerThanThreeMembers_theChannelSummaryShowsNoWords_andNoCloud() {
        add(1, "U1", "skole");
        add(1, "U2", "bibliotek");

        Reply reply = summaries.compose(summary(1), false);

        assertThat(reply.blocks()).containsExactly(
                "Oppsummering: «" + P1 + "» — 2 svar. For få svar til å vise ord: ordene vises når minst 3 har svart.",
                "Du kan fortsatt svare: /refleksjon 1 <svaret ditt>");
        assertThat(reply.image()).as("a cloud of one or two answers tells who wrote what").isNull();
        assertThat(reply.plainText()).doesNotContain("skole", "bibliotek");
        assertThat(counted).as("no top words are asked for").noneMatch(texts -> texts.size() > 1);
    }

    @Test
    void manyAnswersFromTwoMembers_areStillTooFew_forTheyAreTwoPeople() {
        for (int i = 0; i < 5; i++) {
            add(1, "U1", "skole " + i);
            add(1, "U2", "vei " + i);
        }

        ReflectionSummaries.Summary summary = summaries.summary(1);

        assertThat(summary.answers()).isEqualTo(10);
        assertThat(summary.answerers()).isEqualTo(2);
        assertThat(summary.tooFew()).isTrue();
        assertThat(summary.words()).isEmpty();
    }

    @Test
    void theSameUserIdOnTwoPlatforms_isTwoMembers() {
        store.add(1, "slack", "U1", "skole", at(5, 10, 20).toInstant(), null);
        store.add(1, "teams", "U1", "skole", at(5, 10, 20).toInstant(), null);
        store.add(1, "web", "U1", "vei", at(5, 10, 20).toInstant(), null);

        assertThat(summaries.summary(1).answerers()).isEqualTo(3);
        assertThat(summaries.compose(summary(1), false).blocks().get(0)).endsWith("Mest brukte ord: skole (2), vei (1).");
    }

    @Test
    void theThirdMember_bringsTheWordsAndTheCloud() {
        add(1, "U1", "skole");
        add(1, "U2", "skole");
        assertThat(summaries.compose(summary(1), false).image()).isNull();

        add(1, "U3", "vei");
        Reply reply = summaries.compose(summary(1), false);

        assertThat(reply.blocks().get(0)).endsWith("— 3 svar. Mest brukte ord: skole (2), vei (1).");
        assertThat(reply.image()).isNotNull();
    }

    @Test
    void aFacilitatorsOwnView_withTooFew_hasAnEmptyCloud_andSaysWhy() {
        add(1, "U1", "skole");

        Reply reply = summaries.forFacilitator(1);

        assertThat(reply.blocks()).containsExactly("Oppsummering: «" + P1 + "» — 1 svar. "
                + ReflectionSummaries.TOO_FEW);
        assertThat(reply.image().altText()).isEqualTo("Ordsky for «" + P1 + "»: for få svar til å vise ord.");
    }

    private void add(int prompt, String user, String text) {
        store.add(prompt, "slack", user, text, at(5, 10, 20).toInstant(), null);
    }

    private static PlannedPost summary(int prompt) {
        return new PlannedPost("summary-" + prompt + "@local:programmet", at(5, 13, 30).toInstant(), CHANNEL,
                PostKind.SUMMARY, "Oppsummering", prompt);
    }
}
