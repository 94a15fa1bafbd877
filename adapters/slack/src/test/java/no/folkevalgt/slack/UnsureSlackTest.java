package no.folkevalgt.slack;

import static no.folkevalgt.slack.SlackRequests.FORM;
import static no.folkevalgt.slack.SlackRequests.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.knowledge.UnsureKnowledgeBase;
import no.folkevalgt.testsupport.FakeSlackApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unsure answer in Slack, end to end: signed requests into the real Bolt app on the real HTTP
 * server, the bot on the real index behind a knowledge base that is never sure, and what reaches the
 * fake Slack Web API read as a user would: a section per suggested slide, its source under it, the
 * invitation to rephrase last, and nothing a slide says turned into live mrkdwn.
 */
class UnsureSlackTest {

    static final String UNSURE = "Jeg er ikke helt sikker, men dette kan være det du lurer på:";
    static final String REPHRASE = "Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.";

    /** A slide whose title and text are Slack markup: pings, a link, HTML. */
    static final Passage HOSTILE = new Passage("deck.txt", 9, "<!channel> <@U123> <https://evil.example|klikk>",
            "<script>alert(1)</script>\n<#C123> *fet* & <img src=x>", "Del 1", 1);

    @TempDir
    Path dir;
    SlackFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void mention_withAnUnsureAnswer_isShownOnlyToTheAsker_withEachSuggestedSlideAndItsSource() throws Exception {
        f = new SlackFixture(dir, null, UnsureKnowledgeBase::new);

        f.slack.signed(SlackRequests.appMention("EvU1", "C0CHAN", "U0KARI", "<@UBOT> hva er delegering?",
                "1700000000.000100"), JSON);

        FakeSlackApi.Call post = f.api.await("chat.postEphemeral", 1).get(0);
        assertThat(post.form()).containsEntry("channel", "C0CHAN").containsEntry("user", "U0KARI")
                .containsEntry("thread_ts", "1700000000.000100");
        List<String> shown = shown(post.json("blocks"));
        assertThat(shown.get(0)).isEqualTo("section: " + UNSURE);
        assertThat(shown.get(1)).startsWith("section: *1. Delegering*\nDelegering betyr at kommunestyret gir myndighet");
        assertThat(shown.get(2)).isEqualTo("context: Kilde: «Delegering», lysbilde 2 (Folkevalgtopplæring 2023)");
        assertThat(shown.get(shown.size() - 1)).isEqualTo("section: " + REPHRASE);
        assertThat(shown).noneMatch(block -> block.startsWith("actions:")).as("no feedback buttons on a guess");
        assertThat(post.form().get("text")).startsWith(UNSURE).contains("1. Delegering");
        assertThat(f.api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void directMessage_withAnUnsureAnswer_listsTheSuggestionsInTheDm() throws Exception {
        f = new SlackFixture(dir, null, UnsureKnowledgeBase::new);

        f.slack.signed(SlackRequests.directMessage("EvU2", "D0KARI", "U0KARI", "Hvem setter opp saklista?",
                "1700000000.000100"), JSON);

        FakeSlackApi.Call post = f.api.await("chat.postMessage", 1).get(0);
        assertThat(post.form()).containsEntry("channel", "D0KARI");
        List<String> shown = shown(post.json("blocks"));
        assertThat(shown).contains("context: Kilde: «Saklista», lysbilde 3 (Folkevalgtopplæring 2023)");
        assertThat(shown).anySatisfy(block -> assertThat(block).startsWith("section: *1. Saklista*\n"));
    }

    @Test
    void folkevalgtCommand_withAnUnsureAnswer_isPrivate_withoutAShareButton() throws Exception {
        f = new SlackFixture(dir, null, UnsureKnowledgeBase::new);

        f.slack.signed(SlackRequests.slashCommand("/folkevalgt", "hva er en interpellasjon?", "U0KARI", "C0CHAN",
                "tr-u1", f.api.responseUrl("u1")), FORM);

        JsonNode response = f.api.await("response_url", 1).get(0).json(null);
        assertThat(response.path("response_type").asText()).isEqualTo("ephemeral");
        List<String> shown = shown(response.path("blocks"));
        assertThat(shown).startsWith("section: " + UNSURE);
        assertThat(shown).contains("context: Kilde: «Interpellasjon», lysbilde 1 (Folkevalgtopplæring 2023)");
        assertThat(response.toString()).doesNotContain("\"share\"").doesNotContain("Del i kanalen");
    }

    @Test
    void hostileSlideInASuggestion_staysLiteral_inEveryWayTheBotAnswers() throws Exception {
        f = new SlackFixture(dir, null, kb -> new UnsureKnowledgeBase(kb, List.of(
                new Hit(HOSTILE, List.of(HOSTILE.text().split("\n")), 2.0))));

        f.slack.signed(SlackRequests.slashCommand("/folkevalgt", "hva er delegering?", "U0KARI", "C0CHAN",
                "tr-h1", f.api.responseUrl("h1")), FORM);
        f.slack.signed(SlackRequests.appMention("EvH1", "C0CHAN", "U0KARI", "<@UBOT> hva er delegering?",
                "1700000000.000100"), JSON);
        f.slack.signed(SlackRequests.directMessage("EvH2", "D0KARI", "U0KARI", "hva er delegering?",
                "1700000000.000200"), JSON);

        List<String> seen = new ArrayList<>();
        seen.add(f.api.await("response_url", 1).get(0).json(null).toString());
        seen.add(f.api.await("chat.postEphemeral", 1).get(0).visible());
        seen.add(f.api.await("chat.postMessage", 1).get(0).visible());
        for (String visible : seen) {
            for (String live : HostileSlackTest.LIVE) {
                assertThat(visible).as("%s must not reach Slack live", live).doesNotContain(live);
            }
            assertThat(visible).doesNotContain("<https://evil").contains("&lt;!channel&gt;");
        }
        List<String> shown = shown(f.api.calls("chat.postMessage").get(0).json("blocks"));
        assertThat(shown).contains("section: *1. &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|klikk&gt;*\n"
                + "&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;#C123&gt; *fet* &amp; &lt;img src=x&gt;");
        assertThat(shown).contains("context: Kilde: «&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|klikk&gt;», "
                + "lysbilde 9 (deck.txt)");
    }

    /** The blocks as a user reads them: "section: text", "context: text", "actions: ids". */
    static List<String> shown(JsonNode blocks) {
        List<String> shown = new ArrayList<>();
        for (JsonNode block : blocks) {
            switch (block.path("type").asText()) {
                case "section" -> shown.add("section: " + block.path("text").path("text").asText());
                case "context" -> shown.add("context: " + block.path("elements").path(0).path("text").asText());
                default -> shown.add(block.path("type").asText() + ": " + block.findValuesAsText("action_id"));
            }
        }
        return shown;
    }
}
