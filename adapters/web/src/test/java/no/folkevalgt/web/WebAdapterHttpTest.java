package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter's routes on the real HTTP server, over HTTP from this machine, on real stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAdapterHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    Path temp;
    Fixture fx;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        this.temp = temp;
        fx = new Fixture(temp, null).start("127.0.0.1");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void chatPage_isServedInNorwegian_withAnAnonymousSessionCookie() throws Exception {
        var r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("lang=\"nb\"", "Spørsmål eller kommando", "aria-live=\"polite\"", "#programmet");
        assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
                assertThat(c).matches("fv_okt=web-[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax.*"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c ->
                assertThat(c).contains("default-src 'self'"));
    }

    @Test
    void everyAsset_isServedByTheApplication_andNoneLoadsAnythingFromTheInternet() throws Exception {
        assertThat(get("/static/favicon.svg").statusCode()).isEqualTo(200);
        for (String name : List.of("chat.js", "fasilitator.js", "style.css")) {
            var r = get("/static/" + name);
            assertThat(r.statusCode()).as(name).isEqualTo(200);
            assertThat(r.body()).as(name).doesNotContain("http://", "https://", "@import", "url(");
        }
        for (String page : List.of("/", "/fasilitator")) {
            assertThat(get(page).body()).as(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
        }
        assertThat(get("/static/../../etc/passwd").statusCode()).isIn(400, 404);
        assertThat(get("/static/%2e%2e/WebAdapter.class").statusCode()).isIn(400, 404);
        assertThat(get("/static/chat.html").statusCode()).isEqualTo(404);
    }

    @Test
    void question_isAnsweredWithItsSlide_seeAlso_andFeedbackButtons() throws Exception {
        JsonNode r = postJson("/api/melding", Map.of("tekst", "Hvordan kan jeg reise en sak i kommunestyret?"));
        JsonNode reply = r.get("reply");
        assertThat(r.get("answered").asBoolean()).isTrue();
        assertThat(reply.get("blocks").size()).isPositive();
        JsonNode cite = reply.get("citations").get(0);
        assertThat(cite.get("title").asText()).isEqualTo("Hvordan utøve folkevalgt lederskap i praksis?");
        assertThat(cite.get("slide").asInt()).isEqualTo(17);
        assertThat(cite.get("material").asText()).as("the material as users see it named")
                .isEqualTo("KS Folkevalgtprogram, Rakkestad 2019");
        assertThat(cite.get("source").asText()).as("the file, for the bot's own use").isEqualTo("ks-folkevalgtprogram-rakkestad-2019.txt");
        assertThat(reply.get("seeAlso").isArray()).isTrue();
        assertThat(reply.get("actions")).extracting(a -> a.get("id").asText())
                .containsExactly("feedback.up", "feedback.down");
        assertThat(reply.get("actions").get(0).get("value").asText()).isEqualTo("ks-folkevalgtprogram-rakkestad-2019.txt#17");
        assertThat(reply.get("image").isNull()).isTrue();
    }

    @Test
    void citation_ofATitleThatSaysLittle_carriesItsSection() throws Exception {
        JsonNode reply = postJson("/api/melding", Map.of("tekst", "hva er deltakelsestrappa")).get("reply");
        assertThat(reply.get("blocks").get(0).asText()).isEqualTo("Deltakelsestrappa\n• Informere\n• Spørre\n"
                + "• Snakke med\n• Innbyggerne er med å sette dagsorden\n• Innbyggerne får ei hånd på rattet");
        JsonNode cite = reply.get("citations").get(0);
        assertThat(cite.get("title").asText()).isEqualTo("INFORMERE");
        assertThat(cite.get("section").asText()).isEqualTo("Samspillet med innbyggerne");
        assertThat(cite.get("slide").asInt()).isEqualTo(90);
        JsonNode plain = postJson("/api/melding", Map.of("tekst", "Hvordan kan jeg reise en sak i kommunestyret?"))
                .get("reply").get("citations").get(0);
        assertThat(plain.has("section")).isFalse();
    }

    @Test
    void message_thatIsNotJson_isRefused() throws Exception {
        var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(fx.base() + "/api/melding")).header("Cookie", Fixture.sessionFor(fx.base()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("tekst=hei")).build(), bodyString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("JSON");
    }

    @Test
    void programmeCommands_work_inTheChat() throws Exception {
        JsonNode r = postJson("/api/melding", Map.of("tekst", "neste"));
        assertThat(r.get("reply").get("blocks").toString()).contains("Samspillet med administrasjonen");
    }

    @Test
    void thumbsDown_andDeclinedQuestions_showOnTheFacilitatorPage_withoutWhoAsked() throws Exception {
        postJson("/api/tilbakemelding", Map.of("handling", "feedback.down", "verdi", "deck.txt#3",
                "sporsmal", "Hva koster en ferje?", "navn", "Per Hansen"));
        postJson("/api/melding", Map.of("tekst", "Hvordan lager man sushi med laks?", "navn", "Per Hansen"));
        JsonNode data = JSON.readTree(get("/fasilitator/data").body());
        assertThat(data.get("unhelpful").toString()).contains("Hva koster en ferje?", "deck.txt#3", "lysbilde 3 i deck.txt");
        assertThat(data.get("unanswered").toString()).contains("sushi");
        assertThat(data.toString()).doesNotContain("Per Hansen");
    }

    @Test
    void feedback_withAnUnknownAction_isRefused() throws Exception {
        var r = post("/api/tilbakemelding", Map.of("handling", "slett.alt", "verdi", "x#1"));
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void channelPosts_appearInOrder_andOnlyNewOnesAreSentAgain() throws Exception {
        long before = JSON.readTree(get("/api/kanal?etter=0").body()).get("posts").size();
        fx.web.poster().post(Fixture.PROGRAMMET, Reply.text("Om 10 minutter: Samspillet med administrasjonen, kl. 13.00"));
        fx.web.poster().post(Fixture.PROGRAMMET, Reply.text("Refleksjonsoppgave 1: Hva er viktigst?"));
        JsonNode posts = JSON.readTree(get("/api/kanal?etter=0").body()).get("posts");
        assertThat(posts.size()).isEqualTo(before + 2);
        JsonNode last = posts.get(posts.size() - 1);
        assertThat(last.get("channel").asText()).isEqualTo("programmet");
        assertThat(last.get("reply").get("blocks").get(0).asText()).startsWith("Refleksjonsoppgave 1");
        long seq = last.get("seq").asLong();
        assertThat(JSON.readTree(get("/api/kanal?etter=" + seq).body()).get("posts").size()).isZero();
        assertThat(get("/api/kanal?etter=x").statusCode()).isEqualTo(400);
    }

    @Test
    void aChannelPostWithAWordCloud_carriesTheImageAndItsAltText_andTheTimeInTheProgrammesZone() throws Exception {
        Reply summary = fx.summaries.forFacilitator(1);
        fx.web.poster().post(Fixture.PROGRAMMET, summary);
        JsonNode posts = JSON.readTree(get("/api/kanal?etter=0").body()).get("posts");
        JsonNode last = posts.get(posts.size() - 1);
        assertThat(last.get("reply").get("image").get("src").asText()).startsWith("data:image/png;base64,");
        assertThat(last.get("reply").get("image").get("alt").asText()).startsWith("Ordsky for");
        assertThat(last.get("time").asText()).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("'kl.' HH.mm")
                .format(java.time.Instant.parse(last.get("at").asText()).atZone(Fixture.OSLO)));
    }

    @Test
    void loopbackHosts_areRecognised() {
        assertThat(List.of("127.0.0.1", "localhost", "::1", "[::1]")).allMatch(WebAdapter::isLoopbackHost);
        assertThat(List.of("0.0.0.0", "192.0.2.2", "", "::")).noneMatch(WebAdapter::isLoopbackHost);
    }

    @Test
    void poster_refusesOtherPlatforms_permanently() {
        assertThatThrownBy(() -> fx.web.poster().post(new ChannelRef("slack", "C1"), Reply.text("hei")))
                .isInstanceOfSatisfying(PostFailure.class, f -> assertThat(f.permanent()).isTrue());
    }

    @Test
    void channel_keepsOnlyTheLatestPosts() throws Exception {
        LocalChannel channel = new LocalChannel(3, fx.clock);
        for (int i = 1; i <= 5; i++) {
            channel.post(Fixture.PROGRAMMET, Reply.text("post " + i));
        }
        assertThat(channel.after(0)).extracting(LocalChannel.Post::seq).containsExactly(3L, 4L, 5L);
    }

    @Test
    void facilitatorData_showsTheTimeline_nowAndNext_andTheDeliveryStatusOfEveryPlannedPost() throws Exception {
        JsonNode data = JSON.readTree(get("/fasilitator/data").body());
        assertThat(data.get("title").asText()).isEqualTo("KS Folkevalgtprogram");
        assertThat(data.get("current").get("title").asText()).isEqualTo("Hva innebærer det å være folkevalgt?");
        assertThat(data.get("next").get("title").asText()).isEqualTo("Pause");
        JsonNode slots = data.get("days").get(0).get("sessions");
        assertThat(slots).extracting(s -> s.get("state").asText())
                .containsExactly("ferdig", "na", "neste", "senere", "senere");
        JsonNode posts = data.get("posts");
        assertThat(posts.size()).isEqualTo(no.folkevalgt.core.programme.PostPlanner.plan(fx.programme).size());
        assertThat(posts).extracting(p -> p.get("status").asText())
                .contains("sent", "late", "failed", "pending")
                .allMatch(s -> List.of("sent", "late", "failed", "skipped", "retrying", "pending", "due").contains(s));
        assertThat(posts).extracting(p -> p.get("statusText").asText()).contains("Sendt", "Sendt for sent", "Feilet", "Planlagt");
    }

    @Test
    void anonymousPrompts_neverShowWhoAnswered_inTheDataOrTheExport() throws Exception {
        fx.reflections.add(1, "web", "Kari Nordmann", "tillit og åpenhet", fx.clock.instant(), null);
        fx.reflections.add(2, "web", "Ola Nordmann", "skolen i bygda", fx.clock.instant(), null);
        String data = get("/fasilitator/data").body();
        JsonNode prompts = JSON.readTree(data).get("prompts");
        assertThat(prompts.get(0).get("anonymous").asBoolean()).isTrue();
        assertThat(prompts.get(0).get("answers").toString()).contains("tillit og åpenhet");
        assertThat(prompts.get(0).get("answers").get(0).has("user")).isFalse();
        assertThat(prompts.get(1).get("answers").get(0).get("user").asText()).isEqualTo("Ola Nordmann");
        assertThat(data).doesNotContain("Kari");
        var csv = get("/fasilitator/eksport.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        assertThat(csv.body()).contains("tillit og åpenhet", "Ola Nordmann").doesNotContain("Kari");
        assertThat(get("/fasilitator/eksport.csv?oppgave=9").statusCode()).isEqualTo(404);
    }

    @Test
    void reflectionFromTheChat_raisesTheCount_andChangesTheWordCloud() throws Exception {
        /* Two members answered before: the chat's answer is the third, so the cloud shows words. */
        fx.reflections.add(1, "web", "Anna", "tillit", fx.clock.instant(), null);
        fx.reflections.add(1, "web", "Bjørn", "åpenhet", fx.clock.instant(), null);
        int before = JSON.readTree(get("/fasilitator/data").body()).get("prompts").get(0).get("count").asInt();
        byte[] cloudBefore = getBytes("/fasilitator/ordsky/1.png");
        JsonNode r = postJson("/api/melding", Map.of("tekst", "/refleksjon forutsigbarhet respekt dialog"));
        assertThat(r.get("reply").get("blocks").toString()).doesNotContain("ikke lagret");
        int after = JSON.readTree(get("/fasilitator/data").body()).get("prompts").get(0).get("count").asInt();
        assertThat(after).isEqualTo(before + 1);
        byte[] cloudAfter = getBytes("/fasilitator/ordsky/1.png");
        assertThat(cloudAfter).startsWith(0x89, 'P', 'N', 'G');
        assertThat(cloudAfter).isNotEqualTo(cloudBefore);
        assertThat(get("/fasilitator/ordsky/7.png").statusCode()).isEqualTo(404);
        assertThat(get("/fasilitator/ordsky/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void healthz_isOk() throws Exception {
        var r = get("/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok");
    }

    @Test
    void readyz_isReady_whenTheIndexHasPassages_andTheDatabaseAnswers() throws Exception {
        var r = get("/readyz");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("status").asText()).isEqualTo("ready");
        assertThat(j.get("checks").get("index").get("passages").asInt()).isPositive();
        assertThat(j.get("checks").get("database").get("ok").asBoolean()).isTrue();
    }

    @Test
    void readyz_says503AndWhatIsWrong_whenTheDatabaseIsDown() throws Exception {
        WebAdapter down = WebAdapter.builder().bot(fx.bot).programme(() -> fx.programme).deliveryLog(fx.deliveryLog)
                .reflections(fx.reflections).summaries(fx.summaries).export(fx.export).unanswered(fx.unanswered)
                .feedback(fx.feedback).knowledgeBase(fx.knowledgeBase).lessons(fx.lessons).meterRegistry(fx.registry)
                .databaseCheck(() -> {
                    throw new IllegalStateException("Connection refused: db:5432");
                }).build();
        HttpResponse r = route(down, "GET", "/readyz").handler().handle(local("GET", "/readyz"));
        assertThat(r.status()).isEqualTo(503);
        JsonNode j = JSON.readTree(r.bodyText());
        assertThat(j.get("status").asText()).isEqualTo("not ready");
        /* Which check failed, not where the database is: the details go to the log. */
        assertThat(j.get("checks").get("database").get("error").asText()).isEqualTo("ikke tilgjengelig");
        assertThat(r.bodyText()).doesNotContain("db:5432");
        assertThat(j.get("checks").get("index").get("ok").asBoolean()).isTrue();
    }

    @Test
    void metrics_areTheRegistrysPrometheusText() throws Exception {
        /* What is counted is the app's Metered decorators' business (MeteredDecoratorsTest); this serves it. */
        io.micrometer.core.instrument.Counter.builder("folkevalgt.questions").register(fx.registry).increment(2);
        var r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(value(r.body(), "folkevalgt_questions_total")).isEqualTo(2.0);
    }

    @Test
    void builder_saysExactlyWhatIsMissing() {
        assertThatThrownBy(() -> WebAdapter.builder().bot(fx.bot).build())
                .hasMessageContaining("missing programme, deliveryLog, reflections, summaries, export, unanswered, "
                        + "feedback, knowledgeBase, lessons, databaseCheck, meterRegistry");
    }

    @Test
    void facilitatorPage_fromLoopback_isOpen_butNotWhenAProxyForwardedIt() throws Exception {
        assertThat(get("/fasilitator").statusCode()).isEqualTo(200);
        assertThat(get("/fasilitator").body()).contains("Refleksjonsoppgaver", "Planlagte meldinger");
        var proxied = http.send(java.net.http.HttpRequest.newBuilder(URI.create(fx.base() + "/fasilitator/data"))
                .header("X-Forwarded-For", "203.0.113.9").build(), bodyString());
        assertThat(proxied.statusCode()).isEqualTo(403);
        assertThat(proxied.body()).contains("Bare fra denne maskinen", "FACILITATOR_TOKEN");
    }

    static double value(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    static HttpRoute route(WebAdapter adapter, String method, String path) {
        return adapter.routes().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).findFirst()
                .orElseThrow();
    }

    static HttpRequest local(String method, String path) {
        return new HttpRequest(method, path, Map.of(), Map.of(), new byte[0], "127.0.0.1");
    }

    private java.net.http.HttpResponse<String> get(String path) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(URI.create(fx.base() + path)).build(), bodyString());
    }

    private byte[] getBytes(String path) throws Exception {
        var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(fx.base() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        return r.body();
    }

    private java.net.http.HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(URI.create(fx.base() + path)).header("Cookie", Fixture.sessionFor(fx.base()))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), bodyString());
    }

    private JsonNode postJson(String path, Map<String, String> body) throws Exception {
        var r = post(path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static java.net.http.HttpResponse.BodyHandler<String> bodyString() {
        return java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }
}
