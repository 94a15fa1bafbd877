package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import no.folkevalgt.storage.Database;
import no.folkevalgt.testsupport.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A facilitator teaches the bot on the facilitator page in a real headless Chromium (set up as in
 * {@link BrowserEndToEndTest}, skipped like it without Chromium), with two instances of the bot on
 * one embedded PostgreSQL: each its own web adapter, bot, lessons ({@code JdbcLessonStore}, the real
 * 2 s cache) and Lucene index of the bundled deck. What is taught on the first is answered by both.
 * The screenshot (the gap list on a phone) goes to {@code adapters/web/target/screenshots/fasilitator-laer.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeachingBrowserTest {

    static final String DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";
    /** Said in a way the slides do not: the bot is unsure, and none of its suggestions is slide 71. */
    static final String QUESTION = "Hvor får bygda pengene sine fra?";
    static final String INCOME = "Hvor får kommunen inntekter fra?";
    static final String DOG = "Kan jeg ta med hunden på samlingen?";
    static final String HOSTILE = "<script>alert(1)</script> & «x» <img src=x onerror=alert(2)>";

    private static final ObjectMapper JSON = new ObjectMapper();

    EmbeddedPostgres postgres;
    Fixture one;
    Fixture two;
    Chromium chromium;
    WebDriver driver;
    Chromium.Wait wait;
    Path screenshots;
    String missingBrowser;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void needsABrowser() {
        Assumptions.assumeTrue(missingBrowser == null, missingBrowser);
    }

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        missingBrowser = Chromium.missing();
        if (missingBrowser != null) {
            System.err.println(missingBrowser);
            return;
        }
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off").start();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        /* One after the other: the first migrates the schema, the second finds it migrated. */
        one = new Fixture(temp.resolve("one"), null, Database.open(url, "postgres", "not-a-secret"), true).start("127.0.0.1");
        two = new Fixture(temp.resolve("two"), null, Database.open(url, "postgres", "not-a-secret"), false).start("127.0.0.1");

        chromium = Chromium.start(temp);
        driver = chromium.driver;
        wait = chromium.wait;
        screenshots = chromium.screenshots;
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (one != null) {
            one.close();
        }
        if (two != null) {
            two.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aQuestionTheBotDidNotManage_isLinkedToASlideOnThePage_andBothInstancesAnswerItWithThatSlide() throws Exception {
        /* A member asks in the first instance's web chat; the bot is not sure, and no suggestion is slide 71. */
        phone();
        driver.get(one.base() + "/");
        String before = chromium.say(QUESTION);
        assertThat(before).startsWith("Jeg er ikke helt sikker, men dette kan være det du lurer på:").doesNotContain("lysbilde 71");
        /* axe-core on the unsure answer with its suggested slides (see BrowserEndToEndTest for the other states). */
        chromium.assertAxeFindsNothing("chat-usikker-mobil");
        JsonNode elsewhere = ask(two.base(), QUESTION);
        assertThat(elsewhere.get("answered").asBoolean()).isFalse();

        /* The facilitator finds it on the gap list, searches the slides and picks one. */
        driver.get(one.base() + "/fasilitator");
        WebElement gap = gapItem(QUESTION);
        /* Asked in both instances: one gap, counted twice. */
        assertThat(gap.getText()).contains("usikker", "2 ganger", "web", "Boten foreslo:");
        assertThat(gap.findElements(By.xpath(".//button[normalize-space()='Bruk dette lysbildet']"))).isNotEmpty();
        WebElement link = gap.findElement(By.xpath(".//button[normalize-space()='Koble til lysbilde…']"));
        assertThat(link.getAttribute("aria-expanded")).isEqualTo("false");
        link.click();
        WebElement search = wait.visible(By.cssSelector(".gap-panel input[type=search]"));
        assertThat(search.getAttribute("value")).isEqualTo(QUESTION);
        assertThat(js("return document.activeElement === arguments[0]", search)).isEqualTo(true);
        assertThat(driver.findElement(By.cssSelector("label[for='" + search.getAttribute("id") + "']")).getText())
                .isEqualTo("Søk i lysbildene (ord eller lysbildenummer)");
        assertThat(link.getAttribute("aria-expanded")).isEqualTo("true");
        search.clear();
        search.sendKeys("kommunens inntekter");
        search.sendKeys(Keys.ENTER);
        wait.until(d -> resultFor(INCOME) != null);
        WebElement result = resultFor(INCOME);
        assertThat(result.getText()).contains("Lysbilde 71: «" + INCOME + "»", DECK);
        chromium.assertNoSidewaysScroll();
        /* Asked once more meanwhile: the next poll shows the new count, and the open search keeps its results. */
        ask(two.base(), QUESTION);
        wait.until(d -> gapItem(QUESTION).getText().contains("3 ganger"));
        assertThat(driver.findElement(By.cssSelector(".gap-panel input[type=search]")).getAttribute("value"))
                .isEqualTo("kommunens inntekter");
        result = resultFor(INCOME);
        assertThat(result).isNotNull();
        WebElement pick = result.findElement(By.xpath(".//button[normalize-space()='Velg']"));
        assertThat(pick.getAttribute("aria-label")).isEqualTo("Velg lysbilde 71 «" + INCOME + "»");
        pick.click();

        String learned = "Lært: «" + QUESTION + "» besvares nå med lysbilde 71 «" + INCOME
                + "», og det samme gjør spørsmål som ligner.";
        wait.until(d -> d.findElement(By.id("laer-status")).getText().equals(learned));
        assertThat(driver.findElement(By.id("laer-status")).getAttribute("aria-live")).isEqualTo("polite");
        wait.until(d -> gapItem(QUESTION).getText().contains("Lært: lysbilde 71 «" + INCOME + "»"));
        assertThat(driver.findElements(By.cssSelector(".gap-panel input[type=search]"))).isEmpty();
        assertThat(gapItem(QUESTION).findElements(By.xpath(".//button[normalize-space()='Angre']"))).hasSize(1);
        chromium.assertNoSidewaysScroll();
        chromium.assertAxeFindsNothing("fasilitator-laert-mobil");
        screenshot("fasilitator-laer.png");

        /* The same question in the first instance's chat: a sure answer from that slide. */
        driver.get(one.base() + "/");
        String after = chromium.say(QUESTION);
        assertThat(after).contains("Kilde: «" + INCOME + "», lysbilde 71").doesNotContain("ikke helt sikker");
        JsonNode sure = ask(one.base(), QUESTION);
        assertThat(sure.get("answered").asBoolean()).isTrue();
        assertThat(sure.get("reply").get("citations").get(0).get("slide").asInt()).isEqualTo(71);

        /* The second instance, on the same PostgreSQL, answers it from that slide within 10 s. */
        AtomicReference<JsonNode> there = new AtomicReference<>();
        Waits.within(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            there.set(ask(two.base(), QUESTION));
            assertThat(citesSlide71(there.get())).as("the second instance's answer: %s", there.get()).isTrue();
        });
        assertThat(there.get().get("answered").asBoolean()).isTrue();
    }

    @Test
    void ikkeIMaterialet_withMarkupInTheReply_isShownAsText_andUndoTakesItAway() throws Exception {
        ask(one.base(), DOG);
        phone();
        driver.get(one.base() + "/fasilitator");
        WebElement gap = gapItem(DOG);
        assertThat(gap.getText()).contains("ikke funnet");
        WebElement open = gap.findElement(By.xpath(".//button[normalize-space()='Ikke i materialet…']"));
        open.sendKeys(Keys.ENTER);
        WebElement text = wait.visible(By.cssSelector(".gap-panel textarea"));
        assertThat(text.getAttribute("maxlength")).isEqualTo("500");
        assertThat(driver.findElement(By.cssSelector("label[for='" + text.getAttribute("id") + "']")).getText())
                .isEqualTo("Hva boten skal si i stedet (valgfritt)");
        chromium.assertAxeFindsNothing("fasilitator-ikke-i-materialet-mobil");
        text.sendKeys(HOSTILE);
        gapItem(DOG).findElement(By.xpath(".//button[normalize-space()='Lagre']")).click();

        wait.until(d -> gapItem(DOG).getText().contains("Ikke i materialet: «" + HOSTILE + "»"));
        assertThat(driver.findElement(By.id("laer-status")).getText()).isEqualTo("Lagret: boten sier nå at «" + DOG
                + "» ikke står i programmaterialet, og svarer med teksten din.");
        assertThat(driver.findElements(By.cssSelector("#hull-liste script, #hull-liste img"))).isEmpty();
        assertThat(js("return window.__xss === undefined && document.querySelectorAll('script:not([src])').length")).isEqualTo(0L);
        JsonNode reply = Waits.within(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> ask(two.base(), DOG).get("reply"), r -> r.get("blocks").toString().contains("står ikke"));
        assertThat(reply.get("blocks")).extracting(JsonNode::asText).containsExactly("Det står ikke i programmaterialet.", HOSTILE);

        /* In the chat, the reply is text too. */
        driver.get(one.base() + "/");
        assertThat(chromium.say(DOG)).isEqualTo("Det står ikke i programmaterialet.\n" + HOSTILE);
        assertThat(driver.findElements(By.cssSelector("#meldinger script, #meldinger img"))).isEmpty();

        driver.get(one.base() + "/fasilitator");
        WebElement undo = gapItem(DOG).findElement(By.xpath(".//button[normalize-space()='Angre']"));
        undo.click();
        wait.until(d -> d.findElement(By.id("laer-status")).getText().equals("Angret: boten har glemt det den lærte om «"
                + DOG + "» og svarer som før."));
        wait.until(d -> !gapItem(DOG).getText().contains("Ikke i materialet:"));
        assertThat(ask(one.base(), DOG).get("reply").get("blocks").get(0).asText()).isEqualTo("Det finner jeg ikke i programmaterialet.");
    }

    /* ---- helpers ---- */

    private static boolean citesSlide71(JsonNode answer) {
        JsonNode citations = answer.get("reply").get("citations");
        return answer.get("answered").asBoolean() && citations.size() > 0 && citations.get(0).get("slide").asInt() == 71
                && citations.get(0).get("source").asText().equals(DECK);
    }

    /* The gap list's item for a question, once the page shows it. */
    private WebElement gapItem(String question) {
        By by = By.xpath("//ul[@id='hull-liste']/li[.//p[contains(@class,'gap-question')][normalize-space()='«" + question + "»']]");
        wait.until(d -> !d.findElements(by).isEmpty());
        return driver.findElement(by);
    }

    private WebElement resultFor(String title) {
        for (WebElement li : driver.findElements(By.cssSelector(".search-results li"))) {
            if (li.findElement(By.cssSelector(".result-title")).getText().contains("«" + title + "»")) {
                return li;
            }
        }
        return null;
    }

    private JsonNode ask(String base, String question) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/melding")).header("Cookie", Fixture.sessionFor(base))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tekst", question)), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /* A phone's screen, emulated (see BrowserEndToEndTest). */
    private void phone() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", BrowserEndToEndTest.PHONE.getWidth(), "height", BrowserEndToEndTest.PHONE.getHeight(),
                "deviceScaleFactor", 1, "mobile", true));
    }

    /* The gap list's section as the phone shows it, the taught gap in it. */
    private void screenshot(String name) throws Exception {
        WebElement section = driver.findElement(By.id("hull"));
        js("arguments[0].scrollIntoView({block: 'start'})", section);
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        Files.write(screenshots.resolve(name), section.getScreenshotAs(OutputType.BYTES));
    }

    private Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

}
