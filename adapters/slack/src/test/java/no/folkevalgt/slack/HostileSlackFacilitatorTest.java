package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.Prompt;
import no.folkevalgt.core.reflection.ReflectionCommands;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.testsupport.FakeSlackApi;
import no.folkevalgt.testsupport.Waits;
import no.folkevalgt.wordcloud.WordCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through the real Slack adapter with the real reflection commands: a summary (with its word cloud) is
 * for the configured facilitator only; anyone else is refused and nothing is uploaded.
 */
class HostileSlackFacilitatorTest {

    private static final String FACILITATOR = "U0FACIL";

    FakeSlackApi api;
    SlackAdapter adapter;
    WebServer server;
    SlackRequests slack;
    final MemoryStore store = new MemoryStore();

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        ZonedDateTime now = ZonedDateTime.now(oslo);
        Programme programme = new Programme("KS Folkevalgtprogram", "Rakkestad", oslo, List.of(),
                List.of(new Prompt(1, "Hva tar du med deg?", "Hva tar du med deg?", now.minusMinutes(5),
                        now.plusMinutes(30), true, 0)),
                List.of(new ChannelRef("local", "programmet")), Duration.ofMinutes(10));
        Bot bot = Bot.builder()
                .knowledgeBase(new NoAnswers())
                .commands(List.of(new ReflectionCommands(store, programme, Facilitators.parse("slack:" + FACILITATOR), clock,
                        new WordCounter()::top, new WordCloud())))
                .clock(clock)
                .build();
        api = new FakeSlackApi();
        adapter = SlackAdapter.create(new SlackSettings("xoxb-1234-5678-test", SlackRequests.SECRET, null, api.apiUrl(),
                "C0PROG"), bot, new SlackFixture.MemoryFeedback(), clock, Duration.ofMillis(100));
        server = WebServer.start("127.0.0.1", 0, adapter.routes());
        slack = new SlackRequests("http://127.0.0.1:" + server.port() + SlackAdapter.PATH, SlackRequests.SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
        adapter.close();
        api.close();
    }

    @Test
    void summaries_areRefusedToOthers_andGivenToTheFacilitator() throws Exception {
        slack.signed(SlackRequests.slashCommand("/refleksjon", "mer samarbeid", "U0KARI", "C0CHAN", "tr-a",
                api.responseUrl("a")), SlackRequests.FORM);
        api.await("response_url", 1);
        for (String text : List.of("oppsummering", "oppsummering 1", "sammendrag")) {
            api.clear();
            slack.signed(SlackRequests.slashCommand("/refleksjon", text, "U0KARI", "C0CHAN", "tr-" + text,
                    api.responseUrl("o")), SlackRequests.FORM);
            assertThat(api.await("response_url", 1).get(0).body()).as(text)
                    .contains("Beklager, oppsummeringer kan bare fasilitatorer be om.");
            Waits.holdsFor(Duration.ofMillis(100), () -> {
                assertThat(api.calls("files.completeUploadExternal")).as("no word cloud for %s", text).isEmpty();
                assertThat(api.calls("chat.postMessage")).isEmpty();
            });
        }
        api.clear();
        slack.signed(SlackRequests.slashCommand("/refleksjon", "oppsummering 1", FACILITATOR, "C0CHAN", "tr-f",
                api.responseUrl("f")), SlackRequests.FORM);
        assertThat(api.await("response_url", 1).get(0).body()).doesNotContain("Beklager").contains("1 svar");
    }

    /** Answers nothing from the material; the test is about commands. */
    static final class NoAnswers implements KnowledgeBase {
        @Override
        public Answer ask(String question, int top) {
            return new Answer(question, false, List.of(), null);
        }

        @Override
        public List<String> topics() {
            return List.of();
        }

        @Override
        public Stats stats() {
            return new Stats(0, "", 0, 0);
        }

        @Override
        public void close() {
        }
    }

    static final class MemoryStore implements ReflectionStore {
        private final List<ReflectionAnswer> answers = new ArrayList<>();

        @Override
        public synchronized ReflectionAnswer add(int prompt, String platform, String user, String text, Instant at,
                                                 String requestId) {
            ReflectionAnswer answer = new ReflectionAnswer(answers.size() + 1, prompt, platform, user, text, at);
            answers.add(answer);
            return answer;
        }

        @Override
        public synchronized List<ReflectionAnswer> forPrompt(int prompt) {
            return answers.stream().filter(a -> a.prompt() == prompt).toList();
        }

        @Override
        public synchronized List<ReflectionAnswer> byUser(String platform, String user) {
            return answers.stream().filter(a -> a.platform().equals(platform) && a.user().equals(user)).toList();
        }

        @Override
        public synchronized int delete(String platform, String user, int prompt) {
            int before = answers.size();
            answers.removeIf(a -> a.platform().equals(platform) && a.user().equals(user) && a.prompt() == prompt);
            return before - answers.size();
        }

        @Override
        public synchronized int count(int prompt) {
            return forPrompt(prompt).size();
        }
    }
}
