package no.folkevalgt.slack;

import static no.folkevalgt.slack.SlackRequests.FORM;
import static no.folkevalgt.slack.SlackRequests.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.folkevalgt.testsupport.FakeSlackApi;
import no.folkevalgt.testsupport.HostileText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue of hostile text through Slack's slash commands and mentions: every message gets a clear
 * answer, nothing a user typed comes back as live mrkdwn markup (no pings, links or HTML), and a hostile
 * reflection answer is stored once, as typed.
 */
class HostileSlackTest {

    /** What a user may type (the catalogue every front end's hostile tests send); Slack sends it with &amp; &lt; &gt; escaped. */
    static final Map<String, String> CATALOGUE = HostileText.all();

    /** Markup that must never come back from a user's text. */
    static final List<String> LIVE = List.of("<!channel>", "<!here>", "<@U123>", "<#C123>", "<https://evil", "<script",
            "<img");

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

    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void slashCommands_answerEveryHostileText_withoutLiveMarkup() throws Exception {
        int n = 0;
        for (Map.Entry<String, String> e : CATALOGUE.entrySet()) {
            for (String sent : List.of(slackEscape(e.getValue()), e.getValue())) {
                n++;
                HttpResponse<String> ack = f.slack.signed(SlackRequests.slashCommand("/folkevalgt", sent, "U0KARI",
                        "C0CHAN", "tr-q" + n, f.api.responseUrl("q" + n)), FORM);
                assertThat(ack.statusCode()).as(e.getKey()).isEqualTo(200);
                FakeSlackApi.Call answer = f.api.await("response_url", n).get(n - 1);
                assertThat(answer.body()).as(e.getKey()).isNotBlank();
                assertNoLiveMarkup(e.getKey(), answer.body());
            }
        }
        assertThat(f.api.calls("chat.postMessage")).as("nothing went to the channel").isEmpty();
    }

    @Test
    void hostileReflectionAnswers_areStoredOnceAsTyped_andConfirmedEscaped() throws Exception {
        int n = 0;
        for (String key : List.of("mrkdwn", "markdown", "script", "attribute", "sql")) {
            String typed = CATALOGUE.get(key);
            n++;
            String body = SlackRequests.slashCommand("/refleksjon", slackEscape(typed), "U0KARI", "C0CHAN",
                    "tr-r" + n, f.api.responseUrl("r" + n));
            f.slack.signed(body, FORM);
            f.slack.signed(body, FORM); /* Slack's retry of the same trigger */
            FakeSlackApi.Call answer = f.api.await("response_url", n).get(n - 1);
            assertNoLiveMarkup(key, answer.body());
            assertThat(answer.body()).as(key).contains("Takk!");
        }
        assertThat(f.reflections.answers).containsExactly(CATALOGUE.get("mrkdwn"), CATALOGUE.get("markdown"),
                CATALOGUE.get("script"), CATALOGUE.get("attribute"), CATALOGUE.get("sql"));
    }

    @Test
    void mentionsAndDirectMessages_answerEveryHostileText_withoutLiveMarkup() throws Exception {
        int n = 0;
        for (Map.Entry<String, String> e : CATALOGUE.entrySet()) {
            n++;
            String sent = slackEscape(e.getValue());
            f.slack.signed(n % 2 == 0
                    ? SlackRequests.appMention("EvH" + n, "C0CHAN", "U0KARI", "<@UBOT> " + sent, "1700000000.0001" + n)
                    : SlackRequests.directMessage("EvH" + n, "D0KARI", "U0KARI", sent, "1700000000.0001" + n), JSON);
            awaitAnswers(n);
        }
        for (FakeSlackApi.Call call : f.api.answers()) {
            assertThat(call.visible()).isNotBlank();
            assertNoLiveMarkup(call.method(), call.visible());
        }
    }

    private void awaitAnswers(int count) {
        f.api.awaitAnswers(count);
    }

    private static void assertNoLiveMarkup(String what, String visible) {
        for (String live : LIVE) {
            assertThat(visible).as("%s must not carry %s", what, live).doesNotContain(live);
        }
    }
}
