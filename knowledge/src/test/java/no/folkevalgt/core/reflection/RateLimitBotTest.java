package no.folkevalgt.core.reflection;

import static no.folkevalgt.core.reflection.Fixtures.at;
import static no.folkevalgt.core.reflection.Fixtures.slack;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.UnansweredStore;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.testsupport.MovableClock;
import no.folkevalgt.wordcloud.WordCloud;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Per-user rate limiting through the bot: a message over the budget is neither searched nor stored. */
class RateLimitBotTest {

    private final InMemoryReflectionStore store = new InMemoryReflectionStore();
    private final MovableClock clock = new MovableClock(at(5, 10, 20));
    private final KnowledgeBase kb = Mockito.mock(KnowledgeBase.class);
    private final UnansweredStore unanswered = Mockito.mock(UnansweredStore.class);
    private final Bot bot = Bot.builder()
            .knowledgeBase(kb)
            .commands(List.of(new ReflectionCommands(store, Fixtures.programme(), Facilitators.parse("slack:UFAC"), clock,
                    new WordCounter()::top, new WordCloud())))
            .unanswered(unanswered)
            .clock(clock)
            .rateLimiter(RateLimiter.defaults(clock))
            .build();

    @Test
    void questionsOverTheBudget_getAFriendlyMessage_andAreNotSearchedOrRecorded() {
        for (int i = 0; i < 10; i++) {
            assertThat(bot.handle(slack("U1", "Hva er en interpellasjon " + i + "?")).plainText())
                    .doesNotContain(RateLimiter.MESSAGE);
        }
        Mockito.clearInvocations(kb, unanswered);

        Reply reply = bot.handle(slack("U1", "Hva er en interpellasjon?"));

        assertThat(reply.plainText()).isEqualTo("Du sender mange meldinger nå — vent litt og prøv igjen.");
        assertThat(reply.ephemeral()).isTrue();
        Mockito.verifyNoInteractions(kb, unanswered);
        assertThat(bot.handle(slack("U2", "Hva er en interpellasjon?")).plainText())
                .as("another user").doesNotContain(RateLimiter.MESSAGE);

        clock.set(at(5, 10, 21));
        assertThat(bot.handle(slack("U1", "Hva er en interpellasjon?")).plainText())
                .as("a minute later").doesNotContain(RateLimiter.MESSAGE);
    }

    @Test
    void answersOverTheBudget_areNotStored_andDoNotSpendTheQuestionBudget() {
        for (int i = 0; i < 5; i++) {
            assertThat(bot.handle(slack("U1", "/refleksjon svar nummer " + i)).plainText()).startsWith("Takk!");
        }
        Reply sixth = bot.handle(slack("U1", "/refleksjon svar nummer 5"));
        Reply withoutSlash = bot.handle(slack("U1", "Refleksjon svar nummer 6"));

        assertThat(sixth.plainText()).isEqualTo(RateLimiter.MESSAGE);
        assertThat(withoutSlash.plainText()).isEqualTo(RateLimiter.MESSAGE);
        assertThat(store.total()).isEqualTo(5);
        assertThat(store.addCalls()).isEqualTo(5);
        assertThat(bot.handle(slack("U1", "hjelp")).plainText()).doesNotContain(RateLimiter.MESSAGE);

        clock.set(at(5, 10, 20).plus(Duration.ofSeconds(6)));
        assertThat(bot.handle(slack("U1", "/refleksjon svar nummer 7")).plainText()).startsWith("Takk!");
        assertThat(store.total()).isEqualTo(6);
    }

    @Test
    void theTerminalUser_isNotLimited() {
        for (int i = 0; i < 50; i++) {
            assertThat(bot.handle(Incoming.local("hjelp")).plainText()).doesNotContain(RateLimiter.MESSAGE);
        }
    }

    @Test
    void emptyMessages_costNothing() {
        for (int i = 0; i < 50; i++) {
            bot.handle(slack("U1", " \u200B "));
        }
        assertThat(bot.handle(slack("U1", "hjelp")).plainText()).doesNotContain(RateLimiter.MESSAGE);
    }
}
