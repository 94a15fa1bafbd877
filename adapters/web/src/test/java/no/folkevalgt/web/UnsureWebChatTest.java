package no.folkevalgt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.knowledge.UnsureKnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unsure answer through the web chat as a browser sends it (the real server, Lucene on the bundled
 * deck behind a knowledge base that is never sure, H2): the reply's suggestions in the JSON the page
 * renders, the gap list on the facilitator page, and the metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsureWebChatTest {

    static final String UNSURE = "Jeg er ikke helt sikker, men dette kan være det du lurer på:";
    static final String REPHRASE = "Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.";
    static final String QUESTION = "Hvordan kan jeg reise en sak i kommunestyret?";

    /** Slides whose title, text, file name and material's title are markup, offered as suggestions. */
    static final Passage HOSTILE_SLIDE = new Passage("\"><b>deck.txt", 7, "<img src=x onerror=alert(1)>",
            "<script>alert(1)</script>\n[klikk](javascript:alert(1))", "Del 1", 1);
    static final Passage HOSTILE_NEXT = new Passage("deck.txt", 8, "*fet* <!channel> <@U123>", "&amp; &lt;b&gt;",
            "Del 1", 1, "", "<b>Program</b> & <a href=x>");
    static final List<Hit> HOSTILE = List.of(
            new Hit(HOSTILE_SLIDE, List.of("<script>alert(1)</script>", "[klikk](javascript:alert(1))"), 2.0),
            new Hit(HOSTILE_NEXT, List.of("&amp; &lt;b&gt;"), 1.0));

    private static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();
    Fixture fx;

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        fx = new Fixture(temp, null, UnsureKnowledgeBase::new).start("127.0.0.1");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void unsureQuestion_isNotAnswered_butOffersTheClosestSlides_withExcerptAndSource() throws Exception {
        JsonNode r = ask(fx.base(), QUESTION);

        assertThat(r.get("answered").asBoolean()).isFalse();
        assertThat(r.get("unsure").asBoolean()).isTrue();
        JsonNode reply = r.get("reply");
        assertThat(reply.get("blocks")).extracting(JsonNode::asText).containsExactly(UNSURE);
        JsonNode suggestions = reply.get("suggestions");
        assertThat(suggestions.size()).isBetween(1, 3);
        JsonNode best = suggestions.get(0);
        assertThat(best.get("title").asText()).isEqualTo("Hvordan utøve folkevalgt lederskap i praksis?");
        assertThat(best.get("slide").asInt()).isEqualTo(17);
        assertThat(best.get("source").asText()).isEqualTo("ks-folkevalgtprogram-rakkestad-2019.txt");
        assertThat(best.get("material").asText()).isEqualTo("KS Folkevalgtprogram, Rakkestad 2019");
        assertThat(best.get("excerpt").asText()).isNotBlank().hasSizeLessThanOrEqualTo(300);
        assertThat(reply.get("closing")).extracting(JsonNode::asText).containsExactly(REPHRASE);
        assertThat(reply.get("citations").size()).as("no slide is claimed as the answer").isZero();
        assertThat(reply.get("actions").size()).isZero();
    }

    @Test
    void sureAnswersAndDeclines_carryNoSuggestions() throws Exception {
        JsonNode declined = ask(fx.base(), "Hvordan lager man sushi med laks?");

        assertThat(declined.get("answered").asBoolean()).isFalse();
        assertThat(declined.get("unsure").asBoolean()).isFalse();
        assertThat(declined.get("reply").get("blocks").get(0).asText()).isEqualTo("Det finner jeg ikke i programmaterialet.");
        assertThat(declined.get("reply").get("suggestions").size()).isZero();
        assertThat(declined.get("reply").get("closing").size()).isZero();
    }

    @Test
    void unsureAndDeclinedQuestions_areOnTheFacilitatorsGapList_markedApart_withTheSuggestedSlides() throws Exception {
        ask(fx.base(), "Hva er deltakelsestrappa?");
        ask(fx.base(), "Hvordan lager man sushi med laks?");

        JsonNode gaps = JSON.readTree(get("/fasilitator/data")).get("unanswered");
        JsonNode unsure = find(gaps, "Hva er deltakelsestrappa?");
        assertThat(unsure.get("reason").asText()).isEqualTo("unsure");
        assertThat(unsure.get("reasonText").asText()).isEqualTo("usikker");
        assertThat(unsure.get("suggested").size()).isBetween(1, 3);
        assertThat(unsure.get("suggested").get(0).get("title").asText()).isNotBlank();
        assertThat(unsure.get("suggested").get(0).get("slide").asInt()).isPositive();
        JsonNode declined = find(gaps, "Hvordan lager man sushi med laks?");
        assertThat(declined.get("reason").asText()).isEqualTo("not-found");
        assertThat(declined.get("reasonText").asText()).isEqualTo("ikke funnet");
        assertThat(declined.get("suggested").size()).isZero();
        JsonNode list = JSON.readTree(get("/fasilitator/data")).get("gaps");
        assertThat(find(list, "Hva er deltakelsestrappa?").get("kinds")).extracting(k -> k.get("text").asText())
                .containsExactly("usikker");
        assertThat(find(list, "Hvordan lager man sushi med laks?").get("kinds")).extracting(k -> k.get("text").asText())
                .containsExactly("ikke funnet");
        assertThat(get("/static/fasilitator.js")).contains("usikker", "ikke funnet");
    }

    @Test
    void hostileSlidesInSuggestions_comeBackAsTheirLiteralText() throws Exception {
        WebAdapter hostile = fx.webBuilder()
                .bot(Bot.builder().knowledgeBase(UnsureKnowledgeBase.offering(HOSTILE)).build()).build();
        try (WebServer server = WebServer.start("127.0.0.1", 0, hostile.routes())) {
            HttpResponse<String> r = post("http://127.0.0.1:" + server.port(), QUESTION);

            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            JsonNode suggestions = JSON.readTree(r.body()).get("reply").get("suggestions");
            assertThat(suggestions.get(0).get("title").asText()).isEqualTo("<img src=x onerror=alert(1)>");
            assertThat(suggestions.get(0).get("excerpt").asText())
                    .isEqualTo("<script>alert(1)</script>\n[klikk](javascript:alert(1))");
            assertThat(suggestions.get(0).get("source").asText()).isEqualTo("\"><b>deck.txt");
            assertThat(suggestions.get(1).get("title").asText()).isEqualTo("*fet* <!channel> <@U123>");
            assertThat(suggestions.get(1).get("excerpt").asText()).as("not unescaped").isEqualTo("&amp; &lt;b&gt;");
            assertThat(suggestions.get(0).get("material").asText()).as("no title: the file").isEqualTo("\"><b>deck.txt");
            assertThat(suggestions.get(1).get("material").asText()).isEqualTo("<b>Program</b> & <a href=x>");
        }
    }

    private static JsonNode find(JsonNode gaps, String question) {
        for (JsonNode gap : gaps) {
            if (gap.get("question").asText().equals(question)) {
                return gap;
            }
        }
        throw new AssertionError(question + " is not on the gap list: " + gaps);
    }

    private JsonNode ask(String base, String question) throws Exception {
        HttpResponse<String> r = post(base, question);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> post(String base, String question) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/melding")).header("Cookie", Fixture.sessionFor(base))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("tekst", question))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fx.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
