package no.folkevalgt.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.DialogueMemory;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.port.Reply;

/** Follow-ups through the bot, with a knowledge base that answers by rule and a memory in this process. */
class DialogueTest {

    static final String DECK = "deck.txt";
    static final Passage HASTESAK = new Passage(DECK, 24, "Hastesaker", "• Ordføreren kan avgjøre hastesaker", "", 1);
    static final Passage DELEGERING = new Passage(DECK, 39, "Delegering", "• Delegering betyr overføring av myndighet", "", 1);
    static final Passage FORMANNSKAP = new Passage(DECK, 40, "Formannskapet", "• Formannskapet kan få myndighet", "", 1);
    static final Passage KOMMUNESTYRET = new Passage(DECK, 41, "Kommunestyret", "• Kommunestyret er øverste organ", "", 1);

    Clock clock = Clock.fixed(Instant.parse("2019-11-05T09:00:00Z"), ZoneOffset.UTC);
    KnowledgeBase kb = mock(KnowledgeBase.class);
    DialogueMemory memory = new InMemoryDialogueMemory();
    Bot bot;

    @BeforeEach
    void setUp() {
        when(kb.topics()).thenReturn(List.of("Samspillet med administrasjonen"));
        when(kb.ask(anyString(), anyInt())).thenAnswer(call -> Answer.declined(call.getArgument(0)));
        /* A follow-up's search with its focus goes where the stubs below are: the interface's own default. */
        when(kb.ask(anyString(), anyString(), anyInt())).thenCallRealMethod();
        bot = Bot.builder().knowledgeBase(kb).clock(clock).memory(memory).build();
    }

    private static Answer sure(String question, Passage... passages) {
        return new Answer(question, true, java.util.Arrays.stream(passages)
                .map(p -> new Hit(p, List.of(p.text()), 1.0)).toList(), null);
    }

    private Reply say(String text) {
        return bot.handle(new Incoming("web", "local", "kari", "web", null, text));
    }

    @Test
    void aFollowUpWithAPronoun_isSearchedWithTheQuestionBefore_andSaysSo() {
        when(kb.ask("Hva er en hastesak?", 3)).thenReturn(sure("Hva er en hastesak?", HASTESAK));
        when(kb.ask("hvem avgjør det? Hva er en hastesak?", 3))
                .thenReturn(sure("hvem avgjør det? Hva er en hastesak?", HASTESAK, DELEGERING));

        say("Hva er en hastesak?");
        Reply reply = say("hvem avgjør det?");

        assertThat(reply.blocks()).containsExactly("(om: «Hva er en hastesak?»)", "• Ordføreren kan avgjøre hastesaker");
        assertThat(reply.citations().get(0).slide()).isEqualTo(24);
        verify(kb, never()).ask("hvem avgjør det?", 3);
        verify(kb).ask("hvem avgjør det? Hva er en hastesak?", "hvem avgjør det?", 3);
    }

    @Test
    void aChainOfFollowUps_keepsTheFirstQuestionAsItsTopic() {
        when(kb.ask(anyString(), anyInt())).thenAnswer(call -> sure(call.getArgument(0), HASTESAK));

        say("Hva er en hastesak?");
        say("hvem avgjør det?");
        Reply third = say("og hvor ofte skjer det?");

        assertThat(third.blocks().get(0)).isEqualTo("(om: «Hva er en hastesak?»)");
        verify(kb).ask("og hvor ofte skjer det? Hva er en hastesak?", 3);
    }

    @Test
    void aFollowUpLeftUnsure_whoseClosestSlideAnsweredTheTopic_isAnsweredFromThatSlide() {
        when(kb.ask("Hva er en hastesak?", 3)).thenReturn(sure("Hva er en hastesak?", HASTESAK));
        when(kb.ask("hvem avgjør det? Hva er en hastesak?", 3)).thenReturn(Answer.unsure("q",
                List.of(new Hit(HASTESAK, List.of("• Ordføreren kan avgjøre hastesaker"), 0.5),
                        new Hit(DELEGERING, List.of("• Delegering"), 0.4)), null));

        say("Hva er en hastesak?");
        Reply reply = say("hvem avgjør det?");

        assertThat(reply.blocks()).containsExactly("(om: «Hva er en hastesak?»)", "• Ordføreren kan avgjøre hastesaker");
        assertThat(reply.citations().get(0).slide()).isEqualTo(24);
        assertThat(reply.suggestions()).isEmpty();
    }

    @Test
    void aFollowUpLeftUnsure_closestToAnotherSlide_staysUnsure() {
        when(kb.ask("Hva er en hastesak?", 3)).thenReturn(sure("Hva er en hastesak?", HASTESAK));
        when(kb.ask("hvem avgjør det? Hva er en hastesak?", 3)).thenReturn(Answer.unsure("q",
                List.of(new Hit(DELEGERING, List.of("• Delegering"), 0.5)), null));

        say("Hva er en hastesak?");
        Reply reply = say("hvem avgjør det?");

        assertThat(reply.blocks()).containsExactly("(om: «Hva er en hastesak?»)",
                "Jeg er ikke helt sikker, men dette kan være det du lurer på:");
        assertThat(reply.suggestions()).hasSize(1);
    }

    @Test
    void siMer_showsTheNextPassagesNotShownYet_thenSaysThereIsNoMore() {
        when(kb.ask("Hva er delegering?", 3)).thenReturn(sure("Hva er delegering?", DELEGERING, FORMANNSKAP));
        Passage[] five = {DELEGERING, FORMANNSKAP, KOMMUNESTYRET, HASTESAK};
        when(kb.ask("Hva er delegering?", 10)).thenReturn(sure("Hva er delegering?", five));

        say("Hva er delegering?");
        Reply more = say("kan du si mer?");

        assertThat(more.blocks()).containsExactly("(om: «Hva er delegering?»)", "• Kommunestyret er øverste organ");
        assertThat(more.citations().get(0).slide()).isEqualTo(41);
        assertThat(more.seeAlso()).extracting(c -> c.slide()).containsExactly(24);

        Reply last = say("si mer");
        assertThat(last.blocks()).containsExactly("(om: «Hva er delegering?»)",
                "Jeg har ikke mer om dette i programmaterialet. Still gjerne et nytt spørsmål.");
    }

    @Test
    void siMer_withNothingAskedBefore_asksWhatTheUserWantsMoreOf() {
        assertThat(say("si mer").blocks()).containsExactly(
                "Hva vil du vite mer om? Still et spørsmål først, så kan du skrive «si mer» etterpå.");
        verify(kb, never()).ask(anyString(), anyInt());
    }

    @Test
    void aFollowUpAfterADeclinedQuestion_isDeclinedInContext_notAnsweredWithAnUnrelatedSlide() {
        when(kb.ask("hvem avgjør det?", 3)).thenReturn(sure("hvem avgjør det?", HASTESAK));

        say("Hvor mye koster en ny brannbil?");
        Reply reply = say("hvem avgjør det?");

        assertThat(reply.blocks()).containsExactly("(om: «Hvor mye koster en ny brannbil?»)",
                "Det finner jeg ikke i programmaterialet.", "Skriv «hjelp» for å se hva jeg kan svare på.");
        assertThat(reply.citations()).isEmpty();
    }

    @Test
    void memoryExpires_afterFiveMinutes_thenAShortQuestionStandsAlone() {
        when(kb.ask("Hva er en hastesak?", 3)).thenReturn(sure("Hva er en hastesak?", HASTESAK));
        when(kb.ask("hvem avgjør det?", 3)).thenReturn(sure("hvem avgjør det?", DELEGERING));

        say("Hva er en hastesak?");
        /* The same memory, read by a bot whose clock is past the memory's span. */
        Clock later = Clock.offset(clock, Bot.MEMORY.plusSeconds(1));
        Reply reply = Bot.builder().knowledgeBase(kb).clock(later).memory(memory).build()
                .handle(new Incoming("web", "local", "kari", "web", null, "hvem avgjør det?"));

        assertThat(reply.blocks()).containsExactly("• Delegering betyr overføring av myndighet");
    }

    @Test
    void memory_isPerUserAndConversation() {
        when(kb.ask(anyString(), anyInt())).thenAnswer(call -> sure(call.getArgument(0), HASTESAK));
        say("Hva er en hastesak?");

        bot.handle(new Incoming("web", "local", "ola", "web", null, "hvem avgjør det?"));
        bot.handle(new Incoming("slack", "T1", "kari", "C1", "1.1", "hvem avgjør det?"));

        verify(kb, org.mockito.Mockito.times(2)).ask("hvem avgjør det?", 3);
    }

    @Test
    void aNewSubjectAfterAConnective_standsAloneWhenTheMaterialAnswersIt() {
        when(kb.ask("Hva gjør formannskapet?", 3)).thenReturn(sure("Hva gjør formannskapet?", FORMANNSKAP));
        when(kb.ask("og kommunestyret?", 3)).thenReturn(sure("og kommunestyret?", KOMMUNESTYRET));

        say("Hva gjør formannskapet?");
        Reply reply = say("og kommunestyret?");

        assertThat(reply.blocks()).containsExactly("• Kommunestyret er øverste organ");
    }

    @Test
    void aNewSubjectThatOnlyRepeatsTheTopicsAnswer_getsWhatItGetsAlone() {
        when(kb.ask("Hva gjør formannskapet?", 3)).thenReturn(sure("Hva gjør formannskapet?", FORMANNSKAP));
        when(kb.ask("hva med varaordføreren? Hva gjør formannskapet?", 3))
                .thenReturn(sure("q", FORMANNSKAP));

        say("Hva gjør formannskapet?");
        Reply reply = say("hva med varaordføreren?");

        assertThat(reply.blocks().get(0)).isEqualTo("Det finner jeg ikke i programmaterialet.");
    }

    @Test
    void theAnswersLanguage_isExplained() {
        assertThat(say("og på nynorsk?").blocks()).containsExactly("Svarene er lysbildenes egen tekst, og lysbildene "
                + "er på bokmål. Du kan gjerne spørre på nynorsk, jeg forstår begge målformene.");
    }

    @Test
    void aMemoryThatFails_costsTheContext_notTheAnswer() {
        DialogueMemory broken = mock(DialogueMemory.class);
        when(broken.recall(anyString(), eq(clock.instant()))).thenThrow(new IllegalStateException("database away"));
        org.mockito.Mockito.doThrow(new IllegalStateException("database away")).when(broken).remember(anyString(), org.mockito.ArgumentMatchers.any());
        Bot withBroken = Bot.builder().knowledgeBase(kb).clock(clock).memory(broken).build();
        when(kb.ask("Hva er en hastesak?", 3)).thenReturn(sure("Hva er en hastesak?", HASTESAK));

        Reply reply = withBroken.handle(Incoming.local("Hva er en hastesak?"));

        assertThat(reply.blocks()).containsExactly("• Ordføreren kan avgjøre hastesaker");
    }

    @Test
    void theCommandLineBot_withoutMemory_readsEveryMessageAlone() {
        Bot alone = Bot.builder().knowledgeBase(kb).build();
        when(kb.ask(anyString(), anyInt())).thenAnswer(call -> sure(call.getArgument(0), HASTESAK));
        alone.handle(Incoming.local("Hva er en hastesak?"));
        alone.handle(Incoming.local("hvem avgjør det?"));
        verify(kb).ask("hvem avgjør det?", 3);
    }
}
