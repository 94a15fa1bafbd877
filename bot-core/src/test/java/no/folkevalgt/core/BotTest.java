package no.folkevalgt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.UnansweredStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class BotTest {

    static final String DECK = "ks-folkevalgtprogram.txt";
    static final Passage INTERPELLASJON = new Passage(DECK, 31, "Interpellasjon",
            "• Et spørsmål til ordføreren om en sak av større interesse\n• Skal meldes skriftlig på forhånd",
            "Utvalgsjobbing", 2);
    static final Passage GRUNNGITT = new Passage(DECK, 32, "Grunngitt spørsmål",
            "• Kortere enn en interpellasjon", "Utvalgsjobbing", 2);
    static final Passage SPORRETIME = new Passage(DECK, 33, "Spørretime", "• Før eller etter møtet",
            "Utvalgsjobbing", 2);
    static final Passage PRIVATE = new Passage(DECK, 34, "Private forslag", "• Alle kan fremme forslag",
            "Utvalgsjobbing", 2);

    KnowledgeBase kb;
    Bot bot;

    @BeforeEach
    void setUp() {
        kb = mock(KnowledgeBase.class);
        when(kb.topics()).thenReturn(List.of("Hva innebærer det å være folkevalgt?", "Samspillet med administrasjonen",
                "Utvalgsjobbing"));
        bot = Bot.builder().knowledgeBase(kb).build();
    }

    private static Hit hit(Passage passage, double score, String... lines) {
        return new Hit(passage, List.of(lines), score);
    }

    private Reply ask(String text) {
        return bot.handle(Incoming.local(text));
    }

    @Test
    void answeredQuestion_showsTheBestHitsLines_andCitesItsSlide() {
        when(kb.ask("Hva er en interpellasjon?", 3)).thenReturn(new Answer("Hva er en interpellasjon?", true,
                List.of(hit(INTERPELLASJON, 9.5, "• Et spørsmål til ordføreren om en sak av større interesse",
                        "• Skal meldes skriftlig på forhånd")), null));

        Reply reply = ask("Hva er en interpellasjon?");

        assertThat(reply.blocks()).containsExactly(
                "• Et spørsmål til ordføreren om en sak av større interesse\n• Skal meldes skriftlig på forhånd");
        assertThat(reply.citations()).containsExactly(new Citation("Interpellasjon", 31, DECK));
        assertThat(reply.citations().get(0).reference())
                .isEqualTo("«Interpellasjon», lysbilde 31 (ks-folkevalgtprogram.txt)");
        assertThat(reply.seeAlso()).isEmpty();
        assertThat(reply.ephemeral()).isFalse();
    }

    @Test
    void answeredQuestion_offersFeedbackButtons_forTheCitedPassage() {
        when(kb.ask(anyString(), anyInt())).thenReturn(new Answer("q", true,
                List.of(hit(INTERPELLASJON, 9.5, "• Et spørsmål")), null));

        Reply reply = ask("Hva er en interpellasjon?");

        assertThat(reply.actions()).extracting(Reply.Action::id).containsExactly("feedback.up", "feedback.down");
        assertThat(reply.actions()).extracting(Reply.Action::label).containsExactly("👍", "👎");
        assertThat(reply.actions()).extracting(Reply.Action::value).containsOnly(DECK + "#31");
    }

    @Test
    void answeredQuestion_listsHitsTwoAndThree_asSeOgså() {
        when(kb.ask(anyString(), anyInt())).thenReturn(new Answer("q", true, List.of(
                hit(INTERPELLASJON, 9.5, "• Et spørsmål"),
                hit(GRUNNGITT, 7.0, "• Kortere"),
                hit(SPORRETIME, 5.0, "• Før eller etter møtet"),
                hit(PRIVATE, 4.0, "• Alle kan")), null));

        Reply reply = ask("Hva er en interpellasjon?");

        assertThat(reply.seeAlso()).containsExactly(
                new Citation("Grunngitt spørsmål", 32, DECK), new Citation("Spørretime", 33, DECK));
        assertThat(reply.seeAlso()).extracting(Citation::shortReference)
                .containsExactly("«Grunngitt spørsmål» (lysbilde 32)", "«Spørretime» (lysbilde 33)");
    }

    @Test
    void question_isSearchedWithTheConfiguredTop() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));

        Bot.builder().knowledgeBase(kb).top(5).build().handle(Incoming.local("Hva er en interpellasjon?"));

        verify(kb).ask("Hva er en interpellasjon?", 5);
    }

    @Test
    void interpretedQuestion_saysHowItWasUnderstood() {
        when(kb.ask(anyString(), anyInt())).thenReturn(new Answer("Kva er ein interpelasjon?", true,
                List.of(hit(INTERPELLASJON, 9.5, "• Et spørsmål")), "hva er en interpellasjon"));

        Reply reply = ask("Kva er ein interpelasjon?");

        assertThat(reply.blocks()).containsExactly("(tolket som «hva er en interpellasjon»)", "• Et spørsmål");
    }

    @Test
    void declinedQuestion_saysSo_andHintsAtTheTopicsAndAnExample() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("Hvem vant VM i fotball?"));

        Bot.Outcome outcome = bot.respond(Incoming.local("Hvem vant VM i fotball?"));
        Reply reply = outcome.reply();

        assertThat(outcome.answered()).isFalse();
        assertThat(outcome.answer()).isPresent();
        assertThat(reply.blocks()).hasSize(3);
        assertThat(reply.blocks().get(0)).isEqualTo("Det finner jeg ikke i programmaterialet.");
        assertThat(reply.blocks().get(1)).isEqualTo("Jeg kan svare på spørsmål om:\n"
                + "• Hva innebærer det å være folkevalgt?\n• Samspillet med administrasjonen\n• Utvalgsjobbing");
        assertThat(reply.blocks().get(2)).startsWith("Prøv for eksempel: «").endsWith("»");
        assertThat(Bot.DEFAULT_EXAMPLES).anySatisfy(example -> assertThat(reply.blocks().get(2)).contains(example));
        assertThat(reply.citations()).isEmpty();
        assertThat(reply.actions()).isEmpty();
    }

    @Test
    void unsureQuestion_offersEachSuggestedSlide_withItsBestLinesAndSource_andInvitesARephrase() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.unsure("Hvordan spør jeg ordføreren?", List.of(
                hit(INTERPELLASJON, 3.1, "• Et spørsmål til ordføreren om en sak av større interesse",
                        "• Skal meldes skriftlig på forhånd"),
                hit(GRUNNGITT, 2.5, "• Kortere enn en interpellasjon"),
                hit(SPORRETIME, 2.0, "• Før eller etter møtet")), null));

        Bot.Outcome outcome = bot.respond(Incoming.local("Hvordan spør jeg ordføreren?"));
        Reply reply = outcome.reply();

        assertThat(outcome.answered()).isFalse();
        assertThat(outcome.unsure()).isTrue();
        assertThat(reply.blocks()).containsExactly("Jeg er ikke helt sikker, men dette kan være det du lurer på:");
        assertThat(reply.suggestions()).containsExactly(
                new Reply.Suggestion(new Citation("Interpellasjon", 31, DECK),
                        "• Et spørsmål til ordføreren om en sak av større interesse\n• Skal meldes skriftlig på forhånd"),
                new Reply.Suggestion(new Citation("Grunngitt spørsmål", 32, DECK), "• Kortere enn en interpellasjon"),
                new Reply.Suggestion(new Citation("Spørretime", 33, DECK), "• Før eller etter møtet"));
        assertThat(reply.closing()).containsExactly("Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.");
        assertThat(reply.citations()).as("no slide is claimed as the answer").isEmpty();
        assertThat(reply.seeAlso()).isEmpty();
        assertThat(reply.actions()).as("no single answer to rate").isEmpty();
        assertThat(reply.ephemeral()).isTrue();
    }

    @Test
    void unsureQuestion_readsInOrder_asPlainText() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.unsure("q", List.of(
                hit(INTERPELLASJON, 3.1, "• Et spørsmål til ordføreren", "• Skal meldes skriftlig på forhånd"),
                hit(SPORRETIME, 2.0, "• Før eller etter møtet")), null));

        assertThat(ask("Hvordan spør jeg ordføreren?").plainText()).isEqualTo("""
                Jeg er ikke helt sikker, men dette kan være det du lurer på:

                1. Interpellasjon
                   • Et spørsmål til ordføreren
                   • Skal meldes skriftlig på forhånd
                   Kilde: «Interpellasjon», lysbilde 31 (ks-folkevalgtprogram.txt)

                2. Spørretime
                   • Før eller etter møtet
                   Kilde: «Spørretime», lysbilde 33 (ks-folkevalgtprogram.txt)

                Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.""");
    }

    @Test
    void unsureQuestion_thatWasReadDifferently_saysHowItWasUnderstood() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.unsure("Kva er ein interpelasjon?",
                List.of(hit(INTERPELLASJON, 3.1, "• Et spørsmål")), "hva er en interpellasjon"));

        Reply reply = ask("Kva er ein interpelasjon?");

        assertThat(reply.blocks()).containsExactly("(tolket som «hva er en interpellasjon»)",
                "Jeg er ikke helt sikker, men dette kan være det du lurer på:");
        assertThat(reply.suggestions()).extracting(Reply.Suggestion::title).containsExactly("Interpellasjon");
    }

    @Test
    void unsureSuggestion_ofALongSlide_showsOnlyItsFirstLinesShortened() {
        String longLine = "Ordføreren leder møtene i kommunestyret og formannskapet " + "og mye annet ".repeat(40);
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.unsure("q", List.of(
                hit(INTERPELLASJON, 3.1, "• Første linje", "  ", "• Andre linje", "• Tredje linje"),
                hit(SPORRETIME, 2.0, longLine)), null));

        List<Reply.Suggestion> suggestions = ask("Hva gjør ordføreren?").suggestions();

        assertThat(suggestions.get(0).excerpt()).isEqualTo("• Første linje\n• Andre linje");
        assertThat(suggestions.get(1).excerpt()).hasSizeLessThanOrEqualTo(Bot.MAX_EXCERPT)
                .startsWith("Ordføreren leder møtene").endsWith(" …").doesNotContain("  ");
    }

    @Test
    void unsureSuggestion_whoseLinesStartWithItsTitle_doesNotRepeatTheTitleUnderIt() {
        Passage frie = new Passage(DECK, 72, "Frie inntekter", "Skatteinntekter\n40 %", "Økonomi", 2);
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.unsure("q", List.of(
                hit(frie, 3.1, "Frie inntekter", "Skatteinntekter 40 %"), hit(SPORRETIME, 2.0, "Spørretime")), null));

        List<Reply.Suggestion> suggestions = ask("Hva er frie midler?").suggestions();

        assertThat(suggestions.get(0).text(1)).isEqualTo("""
                1. Frie inntekter
                   Skatteinntekter 40 %
                   Kilde: «Frie inntekter», lysbilde 72 (ks-folkevalgtprogram.txt)""");
        assertThat(suggestions.get(1).excerpt()).isEqualTo("Spørretime");
    }

    @Test
    void sureAndDeclinedQuestions_areNotUnsure_andOfferNoSuggestions() {
        when(kb.ask(anyString(), anyInt())).thenReturn(
                new Answer("q", true, List.of(hit(INTERPELLASJON, 9.5, "• Et spørsmål")), null),
                Answer.declined("q"));

        Bot.Outcome sure = bot.respond(Incoming.local("Hva er en interpellasjon?"));
        Bot.Outcome declined = bot.respond(Incoming.local("Hvem vant VM i fotball?"));

        assertThat(sure.answered()).isTrue();
        assertThat(sure.unsure()).isFalse();
        assertThat(sure.reply().suggestions()).isEmpty();
        assertThat(sure.reply().closing()).isEmpty();
        assertThat(declined.answered()).isFalse();
        assertThat(declined.unsure()).isFalse();
        assertThat(declined.reply().suggestions()).isEmpty();
        assertThat(declined.reply().closing()).isEmpty();
    }

    @Test
    void unsureAndDeclinedQuestions_goOnTheGapList_markedApart_butSureOnesDoNot() {
        List<UnansweredStore.Unanswered> gaps = new java.util.ArrayList<>();
        UnansweredStore store = new UnansweredStore() {
            @Override
            public void record(Unanswered question) {
                gaps.add(question);
            }

            @Override
            public List<Unanswered> recent(int limit) {
                return gaps;
            }
        };
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2019-11-05T10:00:00Z"),
                java.time.ZoneOffset.UTC);
        Bot recording = Bot.builder().knowledgeBase(kb).unanswered(store).clock(clock).build();
        when(kb.ask(anyString(), anyInt())).thenReturn(
                Answer.unsure("q", List.of(hit(INTERPELLASJON, 3.1, "• Et spørsmål"), hit(SPORRETIME, 2.0, "• Før")), null),
                Answer.declined("q"),
                new Answer("q", true, List.of(hit(INTERPELLASJON, 9.5, "• Et spørsmål")), null));

        recording.handle(new Incoming("slack", "T1", "U1", "C1", null, "Hvordan spør jeg ordføreren?"));
        recording.handle(Incoming.local("Hvem vant VM i fotball?"));
        recording.handle(Incoming.local("Hva er en interpellasjon?"));

        assertThat(gaps).containsExactly(
                UnansweredStore.Unanswered.unsure("Hvordan spør jeg ordføreren?", "slack", clock.instant(),
                        List.of(new Citation("Interpellasjon", 31, DECK), new Citation("Spørretime", 33, DECK))),
                new UnansweredStore.Unanswered("Hvem vant VM i fotball?", "local", clock.instant()));
        assertThat(gaps).extracting(UnansweredStore.Unanswered::reason)
                .containsExactly(UnansweredStore.Reason.UNSURE, UnansweredStore.Reason.NOT_FOUND);
    }

    @Test
    void declinedQuestion_withManyTopics_listsTheFirstTenAndSaysThereIsMore() {
        when(kb.topics()).thenReturn(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"));
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));

        Reply reply = ask("Hvem vant VM i fotball?");

        assertThat(reply.blocks().get(1)).contains("• J\n• … og mer").doesNotContain("• K");
    }

    @Test
    void declinedQuestion_withoutTopics_stillHints() {
        when(kb.topics()).thenReturn(List.of());
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));

        Reply reply = ask("Hvem vant VM i fotball?");

        assertThat(reply.blocks()).contains("Jeg kan svare på spørsmål om det som står i programmaterialet.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hjelp", "Hjelp", "HJELP!", "help", "?", "/hjelp", "  hjelp  "})
    void help_describesQuestionAnswering_withExamples(String command) {
        Bot.Outcome outcome = bot.respond(Incoming.local(command));

        assertThat(outcome.answer()).isEmpty();
        assertThat(outcome.reply().plainText())
                .contains("Jeg svarer på spørsmål om KS Folkevalgtprogram")
                .contains("Eksempler:\n• " + Bot.DEFAULT_EXAMPLES.get(0))
                .contains("Materialet handler om:\n• Hva innebærer det å være folkevalgt?");
        assertThat(outcome.reply().ephemeral()).isTrue();
        verify(kb, never()).ask(anyString(), anyInt());
    }

    @Test
    void questionThatMentionsHelp_isSearched() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));

        ask("hjelp med budsjettet");

        verify(kb).ask("hjelp med budsjettet", 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n ", "\u200B\u200B", "\u0000\u0007", "\u00A0"})
    void emptyInput_asksForAQuestion_withoutSearching(String text) {
        Reply reply = ask(text);

        assertThat(reply.plainText()).startsWith("Skriv et spørsmål").contains("«" + Bot.DEFAULT_EXAMPLES.get(0) + "»");
        verify(kb, never()).ask(anyString(), anyInt());
    }

    @Test
    void tooLongQuestion_isRefused_withoutSearching() {
        Reply reply = ask("Hva er ".repeat(200));

        assertThat(reply.plainText()).startsWith("Spørsmålet er for langt (1399 tegn)").contains("1000 tegn");
        verify(kb, never()).ask(anyString(), anyInt());
    }

    @Test
    void questionOfExactlyTheLimit_isSearched() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));
        String question = "a".repeat(Bot.MAX_QUESTION_LENGTH);

        ask(question);

        verify(kb).ask(question, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "...?!", "👍", "—«»", "* # @"})
    void onlyPunctuationOrSymbols_asksForWords_withoutSearching(String text) {
        Reply reply = ask(text);

        assertThat(reply.plainText()).startsWith("Jeg fant ingen ord i meldingen.");
        verify(kb, never()).ask(anyString(), anyInt());
    }

    @Test
    void controlAndZeroWidthCharacters_areStripped_beforeSearching() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));

        ask("\u0007Hva er en inter\u200Bpellasjon?\uFEFF\r\n");

        verify(kb).ask("Hva er en interpellasjon?", 3);
    }

    @Test
    void lineBreaksAndRunsOfSpaces_becomeOneSpace() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));

        ask("Hva er\n\n  en\tinterpellasjon?");

        verify(kb).ask("Hva er en interpellasjon?", 3);
    }

    @Test
    void zeroWidthCharacters_doNotHideTheHelpCommand() {
        Reply reply = ask("\u200Bhjelp\u200D");

        assertThat(reply.plainText()).contains("Eksempler:");
    }

    @Test
    void failingKnowledgeBase_isLogged_andAnsweredWithAnApology() {
        when(kb.ask(anyString(), anyInt())).thenThrow(new IllegalStateException("index is gone"));
        Logger logger = (Logger) LoggerFactory.getLogger(Bot.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        try {
            Bot.Outcome outcome = bot.respond(Incoming.local("Hva er en interpellasjon?"));

            assertThat(outcome.reply().plainText())
                    .isEqualTo("Beklager, noe gikk galt da jeg søkte i programmaterialet. Prøv igjen om litt.");
            assertThat(outcome.answered()).isFalse();
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("index is gone");
            });
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(true);
        }
    }

    @Test
    void failingTopics_stillGiveADeclinedReply() {
        when(kb.topics()).thenThrow(new IllegalStateException("closed"));
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));
        Logger logger = (Logger) LoggerFactory.getLogger(Bot.class);
        Level before = logger.getLevel();
        logger.setLevel(Level.OFF);
        try {
            Reply reply = ask("Hvem vant VM i fotball?");

            assertThat(reply.blocks()).startsWith("Det finner jeg ikke i programmaterialet.");
        } finally {
            logger.setLevel(before);
        }
    }

    @Test
    void top_mustBePositive() {
        assertThatThrownBy(() -> Bot.builder().knowledgeBase(kb).top(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("top must be 1 or more but was 0");
    }

    @Test
    void builder_withoutAKnowledgeBase_saysWhatIsMissing() {
        assertThatThrownBy(() -> Bot.builder().build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("knowledgeBase is required");
    }

    @Test
    void builder_refusesNoExamples_andNullParts() {
        assertThatThrownBy(() -> Bot.builder().knowledgeBase(kb).examples(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("examples is empty; give at least one example question");
        assertThatThrownBy(() -> Bot.builder().knowledgeBase(kb).clock(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> Bot.builder().knowledgeBase(kb).commands(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("commands");
    }

    @Test
    void builder_defaults_askForThreePassages_andShowTheDefaultExamplesInHelp() {
        when(kb.ask(anyString(), anyInt())).thenReturn(Answer.declined("q"));
        Bot plain = Bot.builder().knowledgeBase(kb).build();

        plain.handle(Incoming.local("Hva er en interpellasjon?"));

        verify(kb).ask("Hva er en interpellasjon?", 3);
        assertThat(plain.handle(Incoming.local("hjelp")).plainText()).contains(Bot.DEFAULT_EXAMPLES.get(0));
    }

    @Test
    void builder_examples_areUsedInTheEmptyMessageHint() {
        Bot bot = Bot.builder().knowledgeBase(kb).examples(List.of("Hva er KS?")).build();

        assertThat(bot.handle(Incoming.local("   ")).plainText()).contains("«Hva er KS?»");
    }
}
