package no.folkevalgt.slack;

import static no.folkevalgt.slack.SlackRequests.FORM;
import static no.folkevalgt.slack.SlackRequests.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.testsupport.FakeSlackApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What facilitators taught the bot, as members meet it in Slack: signed requests into the real Bolt
 * app on the real HTTP server, the bot on the real index with lessons in memory, and what reaches the
 * fake Slack Web API. Teaching happens on the facilitator's side (terminal, facilitator page), never
 * through Slack.
 */
class TaughtSlackTest {

    static final String MEETING = "Når er neste kommunestyremøte?";
    /** A facilitator's text with Slack markup: a channel ping, bold, a link, an ampersand, a user mention. */
    static final String HOSTILE = "<!channel> *fet* <https://x.example|klikk> & <@U123>";
    /** The same text as every other answer text reaches Slack: & < > escaped, so it pings, links and mentions nobody. */
    static final String ESCAPED = "&lt;!channel&gt; *fet* &lt;https://x.example|klikk&gt; &amp; &lt;@U123&gt;";
    static final String NOT_IN_MATERIAL = "Det står ikke i programmaterialet.";
    /** Searched, this does not find slide 3 («Saklista»), which the facilitator says answers it. */
    static final String AGENDA = "Hvordan kommer en sak til behandling?";

    @TempDir
    Path dir;
    SlackFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new SlackFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aTaughtReplyWithSlackMarkup_reachesSlackEscapedLikeAnyAnswer_andOnlyToTheAsker() throws Exception {
        f.lessons.notInMaterial(MEETING, HOSTILE);

        f.slack.signed(SlackRequests.appMention("EvT1", "C0CHAN", "U0KARI", "<@UBOT> " + MEETING, "1700000000.000100"), JSON);
        f.slack.signed(SlackRequests.slashCommand("/folkevalgt", "når er neste kommunestyremøte", "U0OLA", "C0CHAN",
                "tr-t1", f.api.responseUrl("t1")), FORM);

        FakeSlackApi.Call ephemeral = f.api.await("chat.postEphemeral", 1).get(0);
        assertThat(ephemeral.form()).containsEntry("channel", "C0CHAN").containsEntry("user", "U0KARI")
                .containsEntry("thread_ts", "1700000000.000100");
        assertThat(UnsureSlackTest.shown(ephemeral.json("blocks")))
                .containsExactly("section: " + NOT_IN_MATERIAL, "section: " + ESCAPED);
        assertThat(ephemeral.form().get("text")).isEqualTo(NOT_IN_MATERIAL + "\n\n" + ESCAPED);

        JsonNode response = f.api.await("response_url", 1).get(0).json(null);
        assertThat(response.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(UnsureSlackTest.shown(response.path("blocks")))
                .containsExactly("section: " + NOT_IN_MATERIAL, "section: " + ESCAPED);
        assertThat(response.toString()).doesNotContain("Del i kanalen");

        for (String visible : List.of(ephemeral.visible(), response.toString())) {
            assertThat(visible).doesNotContain("<!channel>", "<https://x.example", "<@U123>", " & ");
        }
        assertThat(f.api.calls("chat.postMessage")).as("nothing in the channel for everyone").isEmpty();
    }

    @Test
    void aTaughtSlide_answersTheQuestion_andQuestionsLikeIt_andUndoGoesBackToTheSearch() throws Exception {
        List<String> searched = ask("D0A", "U0A", AGENDA, 1);
        assertThat(searched).noneMatch(block -> block.contains("lysbilde 3"));

        f.lessons.link(AGENDA, 3, null);

        List<String> taught = ask("D0B", "U0B", AGENDA, 2);
        assertThat(taught.get(0)).startsWith("section: Ordføreren setter opp saklista til kommunestyret.");
        assertThat(taught).contains("context: Kilde: «Saklista», lysbilde 3 (Folkevalgtopplæring 2023)");
        assertThat(taught.get(taught.size() - 1)).isEqualTo("actions: [feedback.up, feedback.down]");
        assertThat(ask("D0C", "U0C", "hvordan kommer saker til behandling", 3)).as("a question like it").isEqualTo(taught);

        assertThat(f.lessons.undo(AGENDA)).isPresent();

        assertThat(ask("D0D", "U0D", AGENDA, 4)).isEqualTo(searched);
    }

    @Test
    void aMember_cannotTeachTheBot_throughAnyMessageOrCommand() throws Exception {
        f.lessons.link(AGENDA, 3, null);
        List<Lesson> before = f.taught.all();

        List<String> attempts = List.of(
                "lær «Hva er en interpellasjon?» lysbilde 2",
                "teach \"Hva er en interpellasjon?\" --slide 2",
                "./bot teach \"Hva er en interpellasjon?\" --not-in-material",
                "unteach " + AGENDA,
                "glem " + AGENDA);
        int n = 0;
        for (String attempt : attempts) {
            n++;
            f.slack.signed(SlackRequests.appMention("EvM" + n, "C0CHAN", "U0KARI", "<@UBOT> " + attempt,
                    "1700000001.00010" + n), JSON);
            f.slack.signed(SlackRequests.directMessage("EvD" + n, "D0KARI", "U0KARI", attempt, "1700000002.00010" + n), JSON);
            f.slack.signed(SlackRequests.slashCommand("/folkevalgt", attempt, "U0KARI", "C0CHAN", "tr-m" + n,
                    f.api.responseUrl("m" + n)), FORM);
            f.slack.signed(SlackRequests.slashCommand("/refleksjon", attempt, "U0KARI", "C0CHAN", "tr-r" + n,
                    f.api.responseUrl("r" + n)), FORM);
        }
        awaitAnswers(4 * attempts.size());

        assertThat(f.taught.all()).isEqualTo(before);
        assertThat(f.lessons.match("Hva er en interpellasjon?")).isEmpty();
        assertThat(f.api.answers()).noneMatch(call -> call.visible().contains("Lært"));
    }

    /* Asks in a direct message of its own (no conversation before it); the answer's blocks as the member reads them. */
    private List<String> ask(String channel, String user, String question, int nth) throws Exception {
        f.slack.signed(SlackRequests.directMessage("EvA" + nth, channel, user, question, "1700000003.00010" + nth), JSON);
        FakeSlackApi.Call post = f.api.await("chat.postMessage", nth).get(nth - 1);
        assertThat(post.form()).containsEntry("channel", channel);
        return UnsureSlackTest.shown(post.json("blocks"));
    }

    private void awaitAnswers(int count) {
        f.api.awaitAnswers(count);
    }
}
