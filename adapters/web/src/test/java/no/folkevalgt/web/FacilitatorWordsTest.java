package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the web chat: people answer with {@code /refleksjon ...}, and the facilitator
 * page's data (the word cloud's words), its cloud and the summary count the same words the same way:
 * content words by base form, each once per answer, over exactly the answers counted.
 */
class FacilitatorWordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixture fx;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start(@TempDir Path temp) throws IOException {
        fx = new Fixture(temp, null).start("127.0.0.1");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void threeAnswers_giveTheirBaseFormWords_countedOncePerAnswer_onThePageAndInTheSummary() throws Exception {
        say("Anna", "/refleksjon jeg ville ha bedre skoler i bygda");
        say("Bjørn", "/refleksjon Skolen, skolen, SKOLEN! 🙂 https://skole.no");
        say("Cecilie", "/refleksjon Eg vil ha betre skular i bygdene");

        JsonNode prompt = prompt1();
        assertThat(prompt.get("count").asInt()).isEqualTo(3);
        assertThat(prompt.get("answersWithWords").asInt()).isEqualTo(3);
        assertThat(words(prompt)).containsExactly("bygd (2)", "skole (2)", "skule (1)");

        String title = fx.programme.prompt(1).orElseThrow().title();
        assertThat(fx.summaries.forFacilitator(1).plainText()).isEqualTo("Oppsummering: «" + title + "» — 3 svar. "
                + "Mest brukte ord: bygd (2), skole (2), skule (1).");
    }

    @Test
    void anAnswerWithoutContentWords_countsAsAnAnswer_butAddsNoWords() throws Exception {
        say("Anna", "/refleksjon jeg ville ha bedre skoler i bygda");
        say("Dag", "/refleksjon ja, det vil jeg");
        say("Cecilie", "/refleksjon skolen");

        JsonNode prompt = prompt1();
        assertThat(prompt.get("count").asInt()).isEqualTo(3);
        assertThat(prompt.get("answersWithWords").asInt()).isEqualTo(2);
        assertThat(words(prompt)).containsExactly("skole (2)", "bygd (1)");
        String title = fx.programme.prompt(1).orElseThrow().title();
        assertThat(fx.summaries.forFacilitator(1).plainText()).isEqualTo("Oppsummering: «" + title + "» — 3 svar. "
                + "Mest brukte ord: skole (2), bygd (1). 1 av svarene har ingen ord som telles.");
    }

    @Test
    void theCloud_isDrawnAgain_whenTheWordsChange_evenIfTheNumberOfAnswersDoesNot() throws Exception {
        say("Anna", "/refleksjon skolen");
        say("Cecilie", "/refleksjon skolen");
        say("Dag", "/refleksjon veien");
        byte[] before = cloud();
        byte[] again = cloud();
        say("Dag", "/refleksjon slett");
        assertThat(fx.reflections.forPrompt(1)).hasSize(2);
        say("Eva", "/refleksjon tillit");

        assertThat(prompt1().get("count").asInt()).isEqualTo(3);
        assertThat(words(prompt1())).containsExactly("skole (2)", "tillit (1)");
        assertThat(again).isEqualTo(before);
        assertThat(cloud()).isNotEqualTo(before);
    }

    @Test
    void withFewerThanThreeMembers_thePageShowsNoWords_andSaysWhy() throws Exception {
        say("Anna", "/refleksjon skolen i bygda");
        say("Anna", "/refleksjon og veien");
        say("Dag", "/refleksjon tillit");

        JsonNode prompt = prompt1();
        assertThat(prompt.get("count").asInt()).isEqualTo(3);
        assertThat(words(prompt)).as("three answers, but two members").isEmpty();
        assertThat(prompt.get("alt").asText()).endsWith(": for få svar til å vise ord.");
        byte[] few = cloud();
        assertThat(few).as("the page's picture is still there, empty").startsWith(0x89, 'P', 'N', 'G');

        say("Eva", "/refleksjon skolen");
        assertThat(words(prompt1())).contains("skole (2)");
        assertThat(cloud()).isNotEqualTo(few);
    }

    /*
     * A member who gives no name is stored under the session cookie; the page (projected in the room)
     * and the CSV export show "uten navn", never the session id.
     */
    @Test
    void aNamelessMembersSession_isNeverShown_onThePageOrInTheExport() throws Exception {
        String cookie = Fixture.newSession(fx.base());
        String session = cookie.substring("fv_okt=".length(), cookie.indexOf('.'));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/melding"))
                .header("Content-Type", "application/json")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst",
                        "/refleksjon 2 for skolen i bygda"))))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(fx.reflections.forPrompt(2)).extracting(a -> a.user()).contains(session);

        String page = http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/fasilitator/data")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        JsonNode prompt2 = JSON.readTree(page).get("prompts").get(1);
        assertThat(prompt2.get("answers")).anySatisfy(a -> assertThat(a.get("user").asText()).isEqualTo(WebUsers.NO_NAME));
        String csv = http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/fasilitator/eksport.csv?oppgave=2")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(csv).contains(";web;uten navn;for skolen i bygda");
        assertThat(page + csv).doesNotContain(session).doesNotContain(session.substring(4, 10));
    }

    /* Each person in their own browser: their own session cookie, as the chat page would set it. */
    private final Map<String, String> sessions = new HashMap<>();

    private void say(String name, String text) throws Exception {
        String session = sessions.computeIfAbsent(name, n -> Fixture.newSession(fx.base()));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/melding"))
                .header("Content-Type", "application/json")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst", text, "navn", name))))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("ikke lagret");
    }

    private JsonNode prompt1() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/fasilitator/data")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode prompt = JSON.readTree(r.body()).get("prompts").get(0);
        assertThat(prompt.get("number").asInt()).isEqualTo(1);
        return prompt;
    }

    private static List<String> words(JsonNode prompt) {
        List<String> words = new ArrayList<>();
        prompt.get("words").forEach(w -> words.add(w.get("word").asText() + " (" + w.get("count").asInt() + ")"));
        return words;
    }

    private byte[] cloud() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/fasilitator/ordsky/1.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
