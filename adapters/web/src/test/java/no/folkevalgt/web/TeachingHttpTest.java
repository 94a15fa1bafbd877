package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.port.Feedback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facilitator teaching the bot over the real HTTP server (Lucene on the bundled deck, H2 with the
 * JDBC stores): the gap list's data, searching the material, linking a question to a slide, "ikke i
 * materialet", undo, export and import, and the guards every write passes: the facilitator guard,
 * same origin, JSON only, body size, the lessons' own limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeachingHttpTest {

    static final String DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";
    /** Unsure on the bundled deck (it offers slide 25 among others); taught here to be answered by slide 25. */
    static final String PAY = "Hvor mye tjener en ordfører?";
    /** Declined on the bundled deck: nothing in it is close. */
    static final String DOG = "Kan jeg ta med hunden på samlingen?";
    static final String HOSTILE = "<script>alert(1)</script> & «x»";
    static final String DAY_TIME = "\\d{1,2}\\.\\d{1,2}\\. kl\\. \\d{2}\\.\\d{2}";

    private static final ObjectMapper JSON = new ObjectMapper();

    Path temp;
    Fixture fx;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        this.temp = temp;
        fx = new Fixture(temp.resolve("main"), null).start("127.0.0.1");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void aTaughtLink_makesTheQuestionAndOneLikeIt_aSureAnswerCitingThatSlide_andUndoRestoresTheUnsureAnswer() throws Exception {
        String question = "Hvor mye tjener en ordfører?";
        JsonNode before = ask(fx, question);
        assertThat(before.get("answered").asBoolean()).isFalse();
        assertThat(before.get("unsure").asBoolean()).isTrue();

        var taught = post(fx, "/fasilitator/laer", Map.of("sporsmal", question, "passasje", DECK + "#25"));
        assertThat(taught.statusCode()).as(taught.body()).isEqualTo(200);
        JsonNode t = JSON.readTree(taught.body());
        assertThat(t.get("melding").asText()).isEqualTo("Lært: «Hvor mye tjener en ordfører?» besvares nå med lysbilde 25 "
                + "«Ordfører for alle», og det samme gjør spørsmål som ligner.");
        assertThat(t.get("laert").get("kind").asText()).isEqualTo("link");
        assertThat(t.get("laert").get("slide").asInt()).isEqualTo(25);

        for (String asked : List.of(question, "Hva tjener ordføreren?")) {
            JsonNode r = ask(fx, asked);
            assertThat(r.get("answered").asBoolean()).as(asked).isTrue();
            assertThat(r.get("unsure").asBoolean()).as(asked).isFalse();
            JsonNode cite = r.get("reply").get("citations").get(0);
            assertThat(cite.get("slide").asInt()).as(asked).isEqualTo(25);
            assertThat(cite.get("title").asText()).as(asked).isEqualTo("Ordfører for alle");
            assertThat(cite.get("source").asText()).as(asked).isEqualTo(DECK);
            assertThat(r.get("reply").get("actions")).extracting(a -> a.get("id").asText())
                    .containsExactly("feedback.up", "feedback.down");
        }
        JsonNode gap = gap(question);
        assertThat(gap.get("taught").get("kind").asText()).isEqualTo("link");
        assertThat(gap.get("taught").get("question").asText()).isEqualTo(question);
        assertThat(gap.get("taught").get("slide").asInt()).isEqualTo(25);
        assertThat(gap.get("taught").get("title").asText()).isEqualTo("Ordfører for alle");
        assertThat(gap.get("taught").get("source").asText()).isEqualTo(DECK);
        assertThat(gap.get("taught").get("reply").isNull()).isTrue();

        var undone = post(fx, "/fasilitator/angre", Map.of("sporsmal", question));
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(JSON.readTree(undone.body()).get("melding").asText())
                .isEqualTo("Angret: boten har glemt det den lærte om «Hvor mye tjener en ordfører?» og svarer som før.");
        JsonNode after = ask(fx, question);
        assertThat(after.get("answered").asBoolean()).isFalse();
        assertThat(after.get("unsure").asBoolean()).isTrue();
        assertThat(after.get("reply").get("blocks").get(0).asText()).isEqualTo(UnsureWebChatTest.UNSURE);
        assertThat(gap(question).get("taught").isNull()).isTrue();

        var again = post(fx, "/fasilitator/angre", Map.of("sporsmal", question));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(again.body()).get("melding").asText())
                .isEqualTo("Boten hadde ikke lært noe om «Hvor mye tjener en ordfører?», så det var ingenting å angre.");
    }

    @Test
    void ikkeIMaterialet_withAHostileReply_isGivenAsPlainText_andThePageNeverInjectsIt() throws Exception {
        JsonNode before = ask(fx, DOG);
        assertThat(before.get("reply").get("blocks").get(0).asText()).isEqualTo("Det finner jeg ikke i programmaterialet.");

        var saved = post(fx, "/fasilitator/ikke-i-materialet", Map.of("sporsmal", DOG, "svar", HOSTILE));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).get("melding").asText()).isEqualTo("Lagret: boten sier nå at "
                + "«Kan jeg ta med hunden på samlingen?» ikke står i programmaterialet, og svarer med teksten din.");

        var raw = postRaw(fx.base(), "/api/melding", Map.of("tekst", DOG), null);
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/json"));
        JsonNode reply = JSON.readTree(raw.body()).get("reply");
        assertThat(reply.get("blocks")).extracting(JsonNode::asText)
                .containsExactly("Det står ikke i programmaterialet.", HOSTILE);
        assertThat(reply.get("ephemeral").asBoolean()).isTrue();
        assertThat(reply.get("citations").size()).isZero();
        JsonNode taught = gap(DOG).get("taught");
        assertThat(taught.get("kind").asText()).isEqualTo("reply");
        assertThat(taught.get("reply").asText()).isEqualTo(HOSTILE);
        assertThat(taught.get("slide").isNull()).isTrue();

        /* The page writes every text with textContent, never as markup. */
        String script = get(fx, "/static/fasilitator.js").body();
        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        var page = get(fx, "/fasilitator");
        assertThat(page.body()).doesNotContain("<script>alert");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c ->
                assertThat(c).contains("script-src 'self'"));

        /* A reply without text: the bot points to what it can answer. */
        post(fx, "/fasilitator/ikke-i-materialet", Map.of("sporsmal", DOG, "svar", ""));
        JsonNode blocks = ask(fx, DOG).get("reply").get("blocks");
        assertThat(blocks.get(0).asText()).isEqualTo("Det står ikke i programmaterialet.");
        assertThat(blocks.toString()).doesNotContain("script");
        assertThat(post(fx, "/fasilitator/angre", Map.of("sporsmal", DOG)).statusCode()).isEqualTo(200);
        assertThat(ask(fx, DOG).get("reply").get("blocks").get(0).asText()).isEqualTo("Det finner jeg ikke i programmaterialet.");
    }

    @Test
    void export_thenImportIntoAFreshStore_givesTheSameAnswers() throws Exception {
        String linked = "Hvem betaler kaffen på kurset?";
        String declined = "Hva betyr habil?";
        assertThat(post(fx, "/fasilitator/laer", Map.of("sporsmal", linked, "passasje", DECK + "#71")).statusCode()).isEqualTo(200);
        assertThat(post(fx, "/fasilitator/ikke-i-materialet", Map.of("sporsmal", declined,
                "svar", "Spør sekretariatet om habilitet.")).statusCode()).isEqualTo(200);

        var export = get(fx, "/fasilitator/laert.txt");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(c ->
                assertThat(c.replace(" ", "")).isEqualToIgnoringCase("text/plain;charset=utf-8"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"laert.sporsmal.txt\"");
        assertThat(export.body()).contains("[71] ", linked, "[ikke i materialet] Spør sekretariatet om habilitet.", declined);

        try (Fixture fresh = new Fixture(temp.resolve("fresh"), null).start("127.0.0.1")) {
            assertThat(ask(fresh, linked).get("answered").asBoolean()).isFalse();
            var imported = post(fresh, "/fasilitator/laert", Map.of("tekst", export.body()));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            JsonNode j = JSON.readTree(imported.body());
            assertThat(j.get("antall").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(j.get("melding").asText()).isEqualTo("Lest inn " + j.get("antall").asInt() + " spørsmål.");
            for (String q : List.of(linked, declined)) {
                JsonNode here = ask(fx, q).get("reply");
                JsonNode there = ask(fresh, q).get("reply");
                assertThat(there.get("blocks")).as(q).isEqualTo(here.get("blocks"));
                assertThat(there.get("citations")).as(q).isEqualTo(here.get("citations"));
            }
            assertThat(ask(fresh, linked).get("reply").get("citations").get(0).get("slide").asInt()).isEqualTo(71);

            var broken = post(fresh, "/fasilitator/laert", Map.of("tekst", "[9999] Finnes ikke\nHva er dette?\n"));
            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(broken.body()).get("melding").asText()).startsWith("Filen ble ikke lest inn");
        }
        post(fx, "/fasilitator/angre", Map.of("sporsmal", linked));
        post(fx, "/fasilitator/angre", Map.of("sporsmal", declined));
    }

    @Test
    void theGapList_groupsWhatTheBotDidNotManage_withKindsCountsTimesAndPlatforms_neverWhoAsked() throws Exception {
        String question = "Hvordan lager man sushi med laks?";
        postRaw(fx.base(), "/api/melding", Map.of("tekst", question, "navn", "Per Hansen"), null);
        postRaw(fx.base(), "/api/melding", Map.of("tekst", question), null);
        postRaw(fx.base(), "/api/melding", Map.of("tekst", PAY), null);
        postRaw(fx.base(), "/api/tilbakemelding", Map.of("handling", "feedback.down", "verdi", DECK + "#40",
                "sporsmal", "Hvem fastsetter lønna til varaordføreren?", "navn", "Per Hansen"), null);

        JsonNode data = JSON.readTree(get(fx, "/fasilitator/data").body());
        JsonNode gap = gap(question);
        assertThat(gap.get("kinds")).hasSize(1);
        assertThat(gap.get("kinds").get(0).get("code").asText()).isEqualTo("not-found");
        assertThat(gap.get("kinds").get(0).get("text").asText()).isEqualTo("ikke funnet");
        assertThat(gap.get("count").asInt()).isEqualTo(2);
        assertThat(gap.get("first").asText()).matches(DAY_TIME);
        assertThat(gap.get("last").asText()).matches(DAY_TIME);
        assertThat(gap.get("platforms")).extracting(JsonNode::asText).containsExactly("web");
        assertThat(gap.get("suggested").size()).isZero();
        assertThat(gap.get("taught").isNull()).isTrue();
        JsonNode unhelpful = gap("Hvem fastsetter lønna til varaordføreren?");
        assertThat(unhelpful.get("kinds").get(0).get("code").asText()).isEqualTo("unhelpful");
        assertThat(unhelpful.get("unhelpful")).extracting(JsonNode::asText).containsExactly("lysbilde 40 i " + DECK);
        JsonNode unsure = gap(PAY);
        assertThat(unsure.get("kinds")).extracting(k -> k.get("code").asText()).contains("unsure");
        assertThat(unsure.get("suggested").get(0).get("slide").asInt()).isPositive();
        assertThat(data.toString()).doesNotContain("Per Hansen");
        /* The old lists stay in the data for other readers. */
        assertThat(data.has("unanswered")).isTrue();
        assertThat(data.has("unhelpful")).isTrue();
        assertThat(get(fx, "/fasilitator").body()).contains("Spørsmål boten ikke klarte", "Last ned det boten har lært",
                "for=\"laert-fil\"");
    }

    @Test
    void search_findsSlidesByWordsOrNumber_leavingOutSlidesThatCannotAnswer_andIsNotCountedAsAQuestion() throws Exception {
        int questions = fx.questionsSearched();
        JsonNode words = search("inntekter kommunen");
        assertThat(words.get("passages").size()).isBetween(1, 5);
        assertThat(words.get("passages")).extracting(p -> p.get("slide").asInt()).contains(71);
        JsonNode first = words.get("passages").get(0);
        assertThat(first.get("id").asText()).isEqualTo(first.get("source").asText() + "#" + first.get("slide").asInt());
        assertThat(first.has("title")).isTrue();
        assertThat(first.has("section")).isTrue();
        assertThat(first.get("excerpt").asText()).isNotBlank().hasSizeLessThanOrEqualTo(Teaching.MAX_EXCERPT);

        JsonNode number = search("25");
        assertThat(number.get("passages")).hasSize(1);
        assertThat(number.get("passages").get(0).get("title").asText()).isEqualTo("Ordfører for alle");
        assertThat(number.get("melding").asText()).isEqualTo("Fant 1 lysbilde.");
        assertThat(search("lysbilde 25").get("passages").get(0).get("slide").asInt()).isEqualTo(25);

        JsonNode pause = search("12");
        assertThat(pause.get("passages").size()).as("slide 12 is only the title «Pause»").isZero();
        assertThat(pause.get("melding").asText())
                .isEqualTo("Fant ingen lysbilder for «12». Prøv andre ord eller et lysbildenummer.");
        var link = post(fx, "/fasilitator/laer", Map.of("sporsmal", "Når har vi pause?", "passasje", DECK + "#12"));
        assertThat(link.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(link.body()).get("melding").asText()).isEqualTo("Lysbilde 12 («Pause») er bare en overskrift "
                + "og kan ikke være et svar. Velg et lysbilde med innhold.");

        var empty = get(fx, "/fasilitator/sok?q=");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("melding").asText()).isEqualTo("Skriv hva du leter etter, eller et lysbildenummer.");
        assertThat(fx.questionsSearched()).as("the facilitator's searches are not members' questions").isEqualTo(questions);
    }

    @Test
    void aQuestionOver300_orAReplyOver500Characters_isRefusedInNorwegian_andNothingChanges() throws Exception {
        int before = fx.lessons.all().size();
        String longQuestion = "Hva " + "x".repeat(297);
        var q = post(fx, "/fasilitator/laer", Map.of("sporsmal", longQuestion, "passasje", DECK + "#25"));
        assertThat(q.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(q.body()).get("melding").asText())
                .isEqualTo("Spørsmålet er for langt (301 tegn). Skriv det kortere, med høyst 300 tegn.");
        var r = post(fx, "/fasilitator/ikke-i-materialet", Map.of("sporsmal", DOG, "svar", "y".repeat(501)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("melding").asText())
                .isEqualTo("Svaret er for langt (501 tegn). Skriv det kortere, med høyst 500 tegn.");
        var unknown = post(fx, "/fasilitator/laer", Map.of("sporsmal", DOG, "passasje", "deck.txt#7"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("melding").asText()).isEqualTo("Fant ikke lysbildet «deck.txt#7» i materialet.");
        var notJson = postRaw(fx.base(), "/fasilitator/laer", null, null, "application/json", "[1, 2]");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("melding").asText()).isEqualTo("Send forespørselen som et JSON-objekt.");
        assertThat(fx.lessons.all()).hasSize(before);
    }

    @Test
    void anotherSitesRequest_aFormPost_orATooLargeBody_isRefused_andNothingChanges() throws Exception {
        int before = fx.lessons.all().size();
        Map<String, String> body = Map.of("sporsmal", PAY, "passasje", DECK + "#25");
        String json = JSON.writeValueAsString(body);

        var otherSite = postRaw(fx.base(), "/fasilitator/laer", null, Map.of("Origin", "http://evil.example"), "application/json", json);
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(otherSite.body()).get("melding").asText()).isEqualTo("Forespørselen kom fra en annen side og ble avvist.");
        var otherPort = postRaw(fx.base(), "/fasilitator/laer", null, Map.of("Origin", "http://127.0.0.1:1"), "application/json", json);
        assertThat(otherPort.statusCode()).isEqualTo(403);
        var crossSite = postRaw(fx.base(), "/fasilitator/laer", null, Map.of("Sec-Fetch-Site", "cross-site"), "application/json", json);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(crossSite.body()).get("melding").asText()).isEqualTo("Forespørselen kom fra en annen side og ble avvist.");
        var sameSite = postRaw(fx.base(), "/fasilitator/laer", null, Map.of("Sec-Fetch-Site", "same-site"), "application/json", json);
        assertThat(sameSite.statusCode()).isEqualTo(403);

        var form = postRaw(fx.base(), "/fasilitator/laer", null, null, "application/x-www-form-urlencoded",
                "sporsmal=" + URLEncoder.encode(PAY, StandardCharsets.UTF_8) + "&passasje=" + DECK + "%2325");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(form.body()).get("melding").asText())
                .isEqualTo("Send forespørselen som JSON (Content-Type: application/json).");
        var plain = postRaw(fx.base(), "/fasilitator/laer", null, null, "text/plain", json);
        assertThat(plain.statusCode()).isEqualTo(415);

        Map<String, String> big = new LinkedHashMap<>(body);
        big.put("fyll", "x".repeat(Teaching.SMALL));
        var tooBig = post(fx, "/fasilitator/laer", big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooBig.body()).get("melding").asText()).isEqualTo("Forespørselen er for stor: den kan være høyst 8 kB.");
        var bigFile = post(fx, "/fasilitator/laert", Map.of("tekst", "[25] Ordfører for alle\n" + "Hva gjør ordføreren?\n".repeat(13_000)));
        assertThat(bigFile.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(bigFile.body()).get("melding").asText()).isEqualTo("Filen er for stor: den kan være høyst 256 kB.");
        assertThat(fx.lessons.all()).hasSize(before);

        /* The page's own origin is let through. */
        var own = postRaw(fx.base(), "/fasilitator/angre", null, Map.of("Origin", fx.base(), "Sec-Fetch-Site", "same-origin"),
                "application/json", JSON.writeValueAsString(Map.of("sporsmal", "Et spørsmål som aldri ble lært")));
        assertThat(own.statusCode()).isEqualTo(404);
    }

    @Test
    void sameOrigin_acceptsHttpsBehindAProxyThatSaysSo_andNothingElse() {
        assertThat(SameOrigin.refusal(write(Map.of("Host", "bot.example", "Origin", "http://bot.example")))).isEmpty();
        assertThat(SameOrigin.refusal(write(Map.of("Host", "bot.example", "Origin", "https://bot.example")))).isPresent();
        assertThat(SameOrigin.refusal(write(Map.of("Host", "bot.example", "Origin", "https://bot.example",
                "X-Forwarded-Proto", "https")))).isEmpty();
        assertThat(SameOrigin.refusal(write(Map.of("Host", "bot.example", "Origin", "null")))).isPresent();
        assertThat(SameOrigin.refusal(write(Map.of("Origin", "http://bot.example")))).isPresent();
        assertThat(SameOrigin.refusal(write(Map.of("Host", "bot.example", "Sec-Fetch-Site", "none")))).isEmpty();
        assertThat(SameOrigin.refusal(write(Map.of("Host", "bot.example")))).isEmpty();
    }

    @Test
    void fromAnotherAddressWithoutTheToken_orThroughAProxy_everyNewRouteIsRefused_andNothingChanges() throws Exception {
        try (Fixture guarded = new Fixture(temp.resolve("guarded"), Fixture.TOKEN);
             Fixture open = new Fixture(temp.resolve("open"), null)) {
            String body = JSON.writeValueAsString(Map.of("sporsmal", PAY, "passasje", DECK + "#25", "svar", "x",
                    "tekst", "[25] Ordfører for alle\n" + PAY + "\n"));
            List<String[]> routes = List.of(new String[]{"GET", "/fasilitator/sok"}, new String[]{"GET", "/fasilitator/laert.txt"},
                    new String[]{"POST", "/fasilitator/laer"}, new String[]{"POST", "/fasilitator/ikke-i-materialet"},
                    new String[]{"POST", "/fasilitator/angre"}, new String[]{"POST", "/fasilitator/laert"});
            for (String[] route : routes) {
                Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"), "Host", List.of("127.0.0.1:8080"));
                Map<String, List<String>> proxied = Map.of("Content-Type", List.of("application/json"),
                        "X-Forwarded-For", List.of("203.0.113.9"), "Host", List.of("127.0.0.1:8080"));
                HttpResponse remote = handle(guarded.web, route, json, "10.1.2.3", body);
                HttpResponse viaProxy = handle(guarded.web, route, proxied, "127.0.0.1", body);
                HttpResponse wrongToken = handle(guarded.web, route, Map.of("Content-Type", List.of("application/json"),
                        "X-Fasilitator-Token", List.of("feil-kode-12345")), "10.1.2.3", body);
                HttpResponse noToken = handle(open.web, route, json, "10.1.2.3", body);
                HttpResponse noTokenProxy = handle(open.web, route, proxied, "127.0.0.1", body);
                assertThat(remote.status()).as(route[1]).isEqualTo(401);
                assertThat(remote.bodyText()).as(route[1]).contains("Tilgangskode kreves");
                assertThat(viaProxy.status()).as(route[1]).isEqualTo(401);
                assertThat(wrongToken.status()).as(route[1]).isEqualTo(401);
                assertThat(noToken.status()).as(route[1]).isEqualTo(403);
                assertThat(noToken.bodyText()).as(route[1]).contains("Bare fra denne maskinen");
                assertThat(noTokenProxy.status()).as(route[1]).isEqualTo(403);
            }
            assertThat(guarded.lessons.all()).isEmpty();
            assertThat(open.lessons.all()).isEmpty();
            /* With the token, from elsewhere, the same write goes through. */
            HttpResponse withToken = handle(guarded.web, new String[]{"POST", "/fasilitator/laer"},
                    Map.of("Content-Type", List.of("application/json"), "X-Fasilitator-Token", List.of(Fixture.TOKEN)),
                    "10.1.2.3", body);
            assertThat(withToken.status()).as(withToken.bodyText()).isEqualTo(200);
            assertThat(guarded.lessons.all()).hasSize(1);
        }
    }

    @Test
    void aMembersChatMessage_neverChangesWhatTheBotWasTaught() throws Exception {
        List<String> before = fx.lessons.all().stream().map(Object::toString).toList();
        for (String text : List.of("lær: " + PAY + " = lysbilde 25", "lær " + PAY + " lysbilde 25",
                "/laer " + PAY, "ikke i materialet: " + PAY, "angre " + PAY, "/fasilitator/laer", "teach --import",
                "glem alt du har lært")) {
            assertThat(postRaw(fx.base(), "/api/melding", Map.of("tekst", text), null).statusCode()).isEqualTo(200);
        }
        assertThat(fx.lessons.all().stream().map(Object::toString).toList()).isEqualTo(before);
        assertThat(ask(fx, PAY).get("answered").asBoolean()).isFalse();
    }

    @Test
    void the31stWriteInAMinute_isRefusedWith429_inNorwegian_andNotKept() throws Exception {
        try (Fixture busy = new Fixture(temp.resolve("busy"), null).start("127.0.0.1")) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                statuses.add(post(busy, "/fasilitator/ikke-i-materialet", Map.of("sporsmal", "Spørsmål nummer " + i + "?",
                        "svar", "")).statusCode());
            }
            assertThat(statuses).containsOnly(200);
            var refused = post(busy, "/fasilitator/laer", Map.of("sporsmal", PAY, "passasje", DECK + "#25"));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(refused.body()).get("melding").asText())
                    .isEqualTo("Mange endringer på kort tid: vent et minutt og prøv igjen.");
            assertThat(busy.lessons.all()).hasSize(30).noneMatch(l -> l.question().equals(PAY));
            assertThat(ask(busy, PAY).get("answered").asBoolean()).isFalse();
        }
    }

    /* ---- helpers ---- */

    private JsonNode gap(String question) throws Exception {
        JsonNode gaps = JSON.readTree(get(fx, "/fasilitator/data").body()).get("gaps");
        for (JsonNode gap : gaps) {
            if (gap.get("question").asText().equals(question)) {
                return gap;
            }
        }
        throw new AssertionError(question + " is not on the gap list: " + gaps);
    }

    private JsonNode search(String q) throws Exception {
        var r = get(fx, "/fasilitator/sok?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static HttpRequest write(Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        h.put("Content-Type", List.of("application/json"));
        return new HttpRequest("POST", "/fasilitator/laer", h, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static HttpResponse handle(WebAdapter web, String[] route, Map<String, List<String>> headers, String remote,
                                       String body) throws Exception {
        HttpRoute r = WebAdapterHttpTest.route(web, route[0], route[1]);
        return r.handler().handle(new HttpRequest(route[0], route[1], headers, Map.of("q", List.of("inntekter")),
                route[0].equals("POST") ? body.getBytes(StandardCharsets.UTF_8) : new byte[0], remote));
    }

    private JsonNode ask(Fixture f, String question) throws Exception {
        var r = postRaw(f.base(), "/api/melding", Map.of("tekst", question), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private java.net.http.HttpResponse<String> post(Fixture f, String path, Map<String, String> body) throws Exception {
        return postRaw(f.base(), path, body, null);
    }

    private java.net.http.HttpResponse<String> postRaw(String base, String path, Map<String, String> body,
                                                       Map<String, String> headers) throws Exception {
        return postRaw(base, path, body, headers, "application/json", JSON.writeValueAsString(body));
    }

    private java.net.http.HttpResponse<String> postRaw(String base, String path, Map<String, String> ignored,
                                                       Map<String, String> headers, String contentType, String body)
            throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (path.startsWith("/api/")) {
            b.header("Cookie", Fixture.sessionFor(base));
        }
        if (headers != null) {
            headers.forEach(b::header);
        }
        return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private java.net.http.HttpResponse<String> get(Fixture f, String path) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(URI.create(f.base() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
