package no.folkevalgt.core.reflection;

import static no.folkevalgt.core.reflection.Fixtures.P1;
import static no.folkevalgt.core.reflection.Fixtures.P2;
import static no.folkevalgt.core.reflection.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.PromptAnswers;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.WordCount;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.ProgrammePosts;
import no.folkevalgt.testsupport.HostileText;
import no.folkevalgt.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * Answers written in a platform's own form (a Teams prompt card's field, Slack's "Svar" modal),
 * through the bot as the adapters call it: the prompt comes from the form, never from the text.
 */
class FormAnswersTest {

    private final InMemoryReflectionStore store = new InMemoryReflectionStore();
    private final MovableClock clock = new MovableClock(at(5, 10, 20));
    private final ReflectionCommands reflections = new ReflectionCommands(store, Fixtures.programme(),
            Facilitators.parse(""), clock, (texts, n) -> List.<WordCount>of(), words -> new byte[] {1});
    private final Bot bot = Bot.builder()
            .knowledgeBase(Mockito.mock(KnowledgeBase.class))
            .commands(List.of(reflections))
            .clock(clock)
            .rateLimiter(RateLimiter.defaults(clock))
            .build();

    @Test
    void aFormAnswer_isStoredForThePromptTheFormNamed_andConfirmedWithoutQuotingIt() {
        clock.set(at(5, 13, 5));

        PromptAnswers.Outcome outcome = bot.answerPrompt(teams("U1", "Mer åpenhet om budsjettet"), 1, "act-1");

        assertThat(outcome.stored()).isTrue();
        assertThat(store.all()).singleElement().satisfies(a -> {
            assertThat(a.prompt()).as("the form's prompt, though prompt 2 is the open one").isEqualTo(1);
            assertThat(a.platform()).isEqualTo("teams");
            assertThat(a.user()).isEqualTo("U1");
            assertThat(a.text()).isEqualTo("Mer åpenhet om budsjettet");
        });
        assertThat(outcome.reply().ephemeral()).isTrue();
        assertThat(outcome.reply().blocks().get(0)).isEqualTo("Takk! Svaret ditt på «" + P1 + "» er lagret.");
        assertThat(outcome.reply().plainText()).doesNotContain("åpenhet", "budsjett");
    }

    @Test
    void theSameSubmissionSentAgain_isStoredOnce_andAnotherIsStoredToo() {
        Incoming answer = teams("U1", "Tillit");

        assertThat(bot.answerPrompt(answer, 1, "act-1").stored()).isTrue();
        assertThat(bot.answerPrompt(answer, 1, "act-1").stored()).as("a resend is stored already").isTrue();
        assertThat(store.all()).hasSize(1);

        bot.answerPrompt(teams("U1", "Tillit igjen"), 1, "act-2");
        bot.answerPrompt(teams("U2", "Tillit"), 1, "act-1");
        assertThat(store.all()).extracting(ReflectionAnswer::user).containsExactly("U1", "U1", "U2");
    }

    @Test
    void whatCannotBeStored_isSaidInNorwegian_andNothingChanges() {
        record Case(int prompt, String text, String says) {
        }
        List<Case> cases = List.of(
                new Case(1, "   ", "Jeg fant ingen ord i svaret, så ingenting ble lagret. Skriv svaret med ord i feltet, og send det igjen."),
                new Case(1, "👍 !!", "Jeg fant ingen ord i svaret"),
                new Case(1, "a".repeat(ReflectionAnswer.MAX_LENGTH + 1), "Svaret er for langt (1001 tegn)"),
                new Case(9, "Tillit", "Det finnes ingen refleksjonsoppgave 9. Oppgavene er nummerert 1–3. Svaret ble ikke lagret."),
                new Case(0, "Tillit", "Det finnes ingen refleksjonsoppgave 0."),
                new Case(-1, "Tillit", "Det finnes ingen refleksjonsoppgave -1."),
                new Case(2, "Tillit", "Refleksjonsoppgave 2 åpner ikke før"));
        for (Case c : cases) {
            /* One member each: the rate limit's burst of answers is five. */
            PromptAnswers.Outcome outcome = bot.answerPrompt(teams("U" + cases.indexOf(c), c.text()), c.prompt(), "id");

            assertThat(outcome.stored()).as(c.toString()).isFalse();
            assertThat(outcome.reply().plainText()).as(c.toString()).startsWith(c.says());
            assertThat(outcome.reply().ephemeral()).isTrue();
        }
        assertThat(store.all()).isEmpty();
    }

    @Test
    void theDatabaseAway_isNotStored_andSaysToTryAgain() {
        store.down(true);

        PromptAnswers.Outcome outcome = bot.answerPrompt(teams("U1", "Tillit"), 1, "act-1");

        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.reply().plainText()).isEqualTo(ReflectionCommands.NOT_STORED);
    }

    @Test
    void hostileText_isStoredOrRefused_andNeverEchoed() {
        int id = 0;
        int stored = 0;
        for (var entry : HostileText.all().entrySet()) {
            String text = entry.getValue();
            PromptAnswers.Outcome outcome = bot.answerPrompt(teams("U" + id, text), 1, "h-" + id++);
            stored += outcome.stored() ? 1 : 0;
            if (text.strip().length() >= 8) {
                assertThat(outcome.reply().plainText()).as(entry.getKey()).doesNotContain(text.strip());
            }
        }
        assertThat(stored).as("most hostile texts have words, and are kept").isGreaterThan(id / 2);
        assertThat(store.all()).hasSize(stored);
    }

    @Test
    void formAnswers_spendTheAnswerBudget_ofTheRateLimit() {
        for (int i = 0; i < 5; i++) {
            assertThat(bot.answerPrompt(teams("U1", "svar " + i), 1, "r-" + i).stored()).isTrue();
        }

        PromptAnswers.Outcome over = bot.answerPrompt(teams("U1", "ett til"), 1, "r-6");

        assertThat(over.stored()).isFalse();
        assertThat(over.reply().plainText()).isEqualTo(RateLimiter.MESSAGE);
        assertThat(bot.answerPrompt(teams("U2", "annen person"), 1, "r-7").stored()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(bot.answerPrompt(teams("U1", "ett til"), 1, "r-6").stored()).isTrue();
    }

    @Test
    void theTitle_isForTheFormsHeading() {
        assertThat(bot.promptTitle(2)).contains(P2);
        assertThat(bot.promptTitle(9)).isEmpty();
    }

    @Test
    void aBotWithoutReflections_takesNoFormAnswer() {
        Bot plain = Bot.builder().knowledgeBase(Mockito.mock(KnowledgeBase.class)).clock(clock).build();

        PromptAnswers.Outcome outcome = plain.answerPrompt(teams("U1", "Tillit"), 1, "x");

        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.reply().plainText()).contains("ble ikke lagret");
        assertThat(plain.promptTitle(1)).isEmpty();
    }

    @Test
    void aPostedPrompt_carriesTheSvarButton_withItsNumber() {
        ProgrammePosts posts = new ProgrammePosts(Fixtures.programme(), (post, late) -> Reply.text("-"), clock);

        PlannedPost planned = PostPlanner.plan(Fixtures.programme()).stream()
                .filter(p -> p.kind() == PostKind.PROMPT && p.prompt() == 2).findFirst().orElseThrow();

        Reply prompt = posts.compose(planned, false);

        assertThat(prompt.actions()).containsExactly(new Reply.Action(ActionIds.REFLECTION_ANSWER, "Svar", "2"));
        assertThat(prompt.blocks().get(0)).isEqualTo("Refleksjonsoppgave 2: " + P2);
        assertThat(prompt.ephemeral()).isFalse();
    }

    private static Incoming teams(String user, String text) {
        return new Incoming("teams", "tenant-1", user, "19:channel@thread.tacv2", null, text);
    }
}
