package no.folkevalgt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.testsupport.HostileText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue of hostile text through the web chat's JSON endpoint: each gets a clear answer as JSON
 * (which the page inserts with textContent), a hostile reflection answer is stored verbatim once and
 * exported with formulas defused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileWebChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The catalogue every front end's hostile tests send. */
    static final Map<String, String> CATALOGUE = HostileText.all();

    final HttpClient http = HttpClient.newHttpClient();
    Fixture fx;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        fx = new Fixture(temp, null).start("127.0.0.1");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void everyHostileQuestion_getsAClearAnswerAsJson() throws Exception {
        for (Map.Entry<String, String> e : CATALOGUE.entrySet()) {
            HttpResponse<String> r = post(JSON.writeValueAsBytes(Map.of("tekst", e.getValue(), "navn", "angriper")));
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(e.getKey())
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode reply = JSON.readTree(r.body()).path("reply");
            String text = String.join("\n", JSON.convertValue(reply.path("blocks"), List.class));
            assertThat(text).as(e.getKey()).isNotBlank().hasSizeLessThan(5000);
            /* The question comes back as JSON text (the page sets it with textContent), served so that no
               browser sniffs it as HTML. */
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(e.getKey()).hasValue("nosniff");
            if (!e.getKey().equals("lone surrogates")) { /* not encodable in UTF-8: replaced on the way in */
                assertThat(JSON.readTree(r.body()).path("question").asText()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(post("{\"tekst\": \"Hva er en interpellasjon? ".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void invalidUtf8_isAnsweredClearly() throws Exception {
        byte[] bytes = {'{', '"', 't', 'e', 'k', 's', 't', '"', ':', '"', 'H', 'v', 'a', ' ', (byte) 0xC3, (byte) 0x28,
                (byte) 0xFF, (byte) 0xFE, ' ', 'e', 'r', '?', '"', '}'};
        HttpResponse<String> r = post(bytes);
        assertThat(r.statusCode()).isIn(200, 400);
        assertThat(r.body()).isNotBlank();
    }

    @Test
    void hostileReflectionAnswers_areStoredVerbatimOnce_andExportedSafely() throws Exception {
        List<String> answers = List.of(CATALOGUE.get("script"), CATALOGUE.get("attribute"), CATALOGUE.get("sql"),
                CATALOGUE.get("formula"), CATALOGUE.get("mrkdwn"), CATALOGUE.get("markdown"));
        int i = 0;
        for (String answer : answers) {
            String id = "hostile-" + i++;
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpResponse<String> r = post(JSON.writeValueAsBytes(Map.of("tekst", "/refleksjon 1 " + answer,
                        "navn", "h" + i, "id", id)));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).path("reply").path("blocks").get(0).asText()).as(answer)
                        .startsWith("Takk!");
            }
        }
        List<String> stored = fx.reflections.forPrompt(1).stream().map(ReflectionAnswer::text)
                .filter(answers::contains).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(answers);

        StringWriter csv = new StringWriter();
        fx.export.write(csv, OptionalInt.of(1));
        assertThat(csv.toString()).contains("<script>alert(1)</script>")
                .contains("'; DROP TABLE reflection_answer; --")
                .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        /* The table is still there. */
        assertThat(fx.reflections.forPrompt(1)).isNotEmpty();
    }

    @Test
    void facilitatorOnlySummaries_areRefusedToAWebUser_evenOnLoopback() throws Exception {
        for (String text : List.of("/refleksjon oppsummering", "/refleksjon oppsummering 1", "refleksjon sammendrag 2")) {
            HttpResponse<String> r = post(JSON.writeValueAsBytes(Map.of("tekst", text, "navn", "fasilitator")));
            String reply = JSON.readTree(r.body()).path("reply").path("blocks").get(0).asText();
            assertThat(reply).as(text).startsWith("Beklager, oppsummeringer kan bare fasilitatorer be om.");
            assertThat(JSON.readTree(r.body()).path("reply").path("image").isMissingNode()
                    || JSON.readTree(r.body()).path("reply").path("image").isNull()).as("no word cloud").isTrue();
        }
    }

    @Test
    void thePage_insertsUserAndBotTextWithTextContent_neverAsHtml() throws Exception {
        Path js = Path.of("src/main/resources/no/folkevalgt/web/static/chat.js");
        String source = Files.readString(js, StandardCharsets.UTF_8);
        assertThat(source).doesNotContain("innerHTML").doesNotContain("outerHTML")
                .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(")
                .contains("textContent");
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/melding")).header("Cookie", Fixture.sessionFor(fx.base()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
