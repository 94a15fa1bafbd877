package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import no.folkevalgt.core.Bot;
import no.folkevalgt.knowledge.LuceneKnowledgeBase;
import no.folkevalgt.testsupport.FakeSlackApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With an app-level token the adapter connects out with Socket Mode instead of waiting for HTTP. */
class SocketModeTest {

    @TempDir
    Path dir;

    @Test
    void start_opensASocketModeConnection_withTheAppToken() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("content"));
        java.nio.file.Files.writeString(dir.resolve("content/deck.txt"), SlackFixture.DECK);
        try (FakeSlackApi api = new FakeSlackApi();
             LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("content"), dir.resolve("index"));
             SlackAdapter adapter = SlackAdapter.create(new SlackSettings("xoxb-1", null, "xapp-1-A0001-secret",
                     api.apiUrl(), null), Bot.builder().knowledgeBase(kb).build(), new SlackFixture.MemoryFeedback(),
                     java.time.Clock.systemUTC(), Duration.ofMillis(10))) {

            assertThatThrownBy(adapter::start).isInstanceOf(IOException.class);

            List<FakeSlackApi.Call> opened = api.calls("apps.connections.open");
            assertThat(opened).isNotEmpty();
            assertThat(opened.get(0).authorization()).isEqualTo("Bearer xapp-1-A0001-secret");
        }
    }

    @Test
    void socketMode_withoutASigningSecret_refusesHttpRequests() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("content"));
        java.nio.file.Files.writeString(dir.resolve("content/deck.txt"), SlackFixture.DECK);
        try (FakeSlackApi api = new FakeSlackApi();
             LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("content"), dir.resolve("index"));
             SlackAdapter adapter = SlackAdapter.create(new SlackSettings("xoxb-1", null, "xapp-1-A0001-secret",
                     api.apiUrl(), null), Bot.builder().knowledgeBase(kb).build(), new SlackFixture.MemoryFeedback(),
                     java.time.Clock.systemUTC(), Duration.ofMillis(10))) {
            var response = adapter.routes().get(0).handler().handle(new no.folkevalgt.core.http.HttpRequest("POST",
                    SlackAdapter.PATH, java.util.Map.of(), java.util.Map.of(),
                    SlackRequests.urlVerification("x").getBytes(java.nio.charset.StandardCharsets.UTF_8), "10.0.0.1"));

            assertThat(response.status()).isEqualTo(404);
            assertThat(api.answers()).isEmpty();
        }
    }
}
