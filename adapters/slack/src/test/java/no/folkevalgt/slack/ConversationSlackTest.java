package no.folkevalgt.slack;

import static no.folkevalgt.slack.SlackRequests.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import no.folkevalgt.testsupport.FakeSlackApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation in Slack, end to end: signed requests into the real Bolt app on the real HTTP server,
 * the bot on a real index with a conversation memory and the bundled programme (the clock is in day 1's
 * first session), and what reaches the fake Slack Web API. A thread and a direct message are each one
 * conversation per member.
 */
class ConversationSlackTest {

    static final String THREAD = "1700000000.000100";

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
    void aFollowUpInTheThread_isReadWithTheMentionThatStartedIt_andSaysSo() throws Exception {
        f.slack.signed(SlackRequests.appMention("EvF1", "C0CHAN", "U0KARI", "<@UBOT> hva er en interpellasjon?", THREAD), JSON);
        f.api.await("chat.postMessage", 1);

        f.slack.signed(SlackRequests.appMentionInThread("EvF2", "C0CHAN", "U0KARI", "<@UBOT> når må den meldes?",
                "1700000000.000200", THREAD), JSON);

        FakeSlackApi.Call post = f.api.await("chat.postMessage", 2).get(1);
        assertThat(post.form()).containsEntry("channel", "C0CHAN").containsEntry("thread_ts", THREAD);
        List<String> shown = UnsureSlackTest.shown(post.json("blocks"));
        assertThat(shown.get(0)).isEqualTo("section: (om: «hva er en interpellasjon?»)");
        assertThat(shown.get(1)).contains("Den må meldes skriftlig før møtet.");
        assertThat(shown).contains("context: Kilde: «Interpellasjon», lysbilde 1 (Folkevalgtopplæring 2023)");
    }

    @Test
    void anotherMemberInTheSameThread_hasNoContext() throws Exception {
        f.slack.signed(SlackRequests.appMention("EvF3", "C0CHAN", "U0KARI", "<@UBOT> hva er en interpellasjon?", THREAD), JSON);
        f.api.await("chat.postMessage", 1);

        f.slack.signed(SlackRequests.appMentionInThread("EvF4", "C0CHAN", "U0OLA", "<@UBOT> når må den meldes?",
                "1700000000.000300", THREAD), JSON);

        FakeSlackApi.Call reply = f.api.await("chat.postMessage", 2).get(1);
        assertThat(reply.form()).containsEntry("thread_ts", THREAD);
        assertThat(reply.form().get("blocks")).contains("meldes skriftlig").doesNotContain("(om:");
    }

    @Test
    void siMer_inADirectMessage_showsTheNextSlide() throws Exception {
        f.slack.signed(SlackRequests.directMessage("EvF5", "D0KARI", "U0KARI", "Hvem setter opp saklista?", THREAD), JSON);
        FakeSlackApi.Call first = f.api.await("chat.postMessage", 1).get(0);
        assertThat(first.form().get("blocks")).contains("Kilde: «Saklista», lysbilde 3");

        f.slack.signed(SlackRequests.directMessage("EvF6", "D0KARI", "U0KARI", "si mer", "1700000000.000200"), JSON);

        FakeSlackApi.Call more = f.api.await("chat.postMessage", 2).get(1);
        List<String> shown = UnsureSlackTest.shown(more.json("blocks"));
        assertThat(shown.get(0)).isEqualTo("section: (om: «Hvem setter opp saklista?»)");
        assertThat(more.form().get("blocks")).doesNotContain("Kilde: «Saklista», lysbilde 3");
    }

    @Test
    void programmeQuestionsInEverydayWords_areAnsweredFromTheProgramme_inKlFormat() throws Exception {
        f.slack.signed(SlackRequests.directMessage("EvP1", "D0KARI", "U0KARI", "når blir det kaffe?", THREAD), JSON);
        f.slack.signed(SlackRequests.directMessage("EvP2", "D0KARI", "U0KARI", "Kva skjer etter lunsj?",
                "1700000000.000200"), JSON);

        List<FakeSlackApi.Call> posts = f.api.await("chat.postMessage", 2);
        /* Two messages are answered side by side: in either order. */
        assertThat(posts).extracting(post -> post.form().get("text")).containsExactlyInAnyOrder(
                "Neste pause i dag: kl. 09.50–10.05 (om 20 minutter).", "Etter lunsjen i dag kommer «Kommunetorg» kl. 12.15.");
    }
}
