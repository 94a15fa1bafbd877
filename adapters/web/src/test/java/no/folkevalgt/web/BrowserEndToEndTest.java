package no.folkevalgt.web;

import no.folkevalgt.core.Reply;
import no.folkevalgt.knowledge.UnsureKnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromium-driver, found at
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or where {@code CHROMIUM_BIN} and
 * {@code CHROMEDRIVER_BIN} point). Without them these tests are skipped, saying how to install them.
 * The screenshots in {@code docs/screenshots/} are taken here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserEndToEndTest {

    static final Dimension PHONE = new Dimension(412, 1300);
    static final Dimension DESKTOP = new Dimension(1440, 1900);

    Fixture fx;
    WebDriver driver;
    Wait wait;
    Path screenshots;
    String missingBrowser;

    @org.junit.jupiter.api.BeforeEach
    void needsABrowser() {
        Assumptions.assumeTrue(missingBrowser == null, missingBrowser);
    }

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        String chromium = setting("CHROMIUM_BIN", "/usr/bin/chromium");
        String chromedriver = setting("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
            missingBrowser = "Browser tests skipped: no Chromium at " + chromium + " or no chromedriver at " + chromedriver
                    + ". Install them with: apt-get install -y chromium chromium-driver "
                    + "(or set CHROMIUM_BIN and CHROMEDRIVER_BIN).";
            System.err.println(missingBrowser);
            return;
        }
        /* On every address, so that a client in the test run's own network namespace can come in from outside. */
        fx = new Fixture(temp, Fixture.TOKEN).start("0.0.0.0");
        seed();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-proxy-server", "--lang=nb-NO", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + Files.createDirectories(temp.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new Wait(driver, Duration.ofSeconds(20));
        screenshots = Files.createDirectories(repositoryRoot().resolve("docs/screenshots"));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    @Order(1)
    void askingAQuestion_showsTheAnswerWithItsSource_onAPhone() throws Exception {
        driver.manage().window().setSize(PHONE);
        driver.get(fx.base() + "/");
        WebElement input = driver.findElement(By.id("sporsmal"));
        assertThat(driver.findElement(By.cssSelector("label[for=sporsmal]")).getText()).isEqualTo("Spørsmål eller kommando");
        input.sendKeys("Hvordan kan jeg reise en sak i kommunestyret?");
        input.sendKeys(Keys.ENTER);
        WebElement source = wait.visible(By.cssSelector("#meldinger .message.bot .source"));
        assertThat(source.getText()).isEqualTo("Kilde: «Hvordan utøve folkevalgt lederskap i praksis?», lysbilde 17");
        WebElement answer = source.findElement(By.xpath("./ancestor::li"));
        assertThat(answer.findElements(By.cssSelector(".block"))).isNotEmpty();
        assertThat(driver.findElement(By.id("meldinger")).getAttribute("aria-live")).isEqualTo("polite");

        /* 👎 with the keyboard alone: tab to the button and press space. */
        WebElement down = answer.findElement(By.cssSelector("button[data-action='feedback.down']"));
        assertThat(down.getAttribute("aria-label")).isEqualTo("Svaret var ikke nyttig");
        down.sendKeys(Keys.SPACE);
        wait.until(d -> answer.findElement(By.cssSelector(".action-status")).getText().contains("Takk for tilbakemeldingen!"));
        assertThat(down.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(fx.feedback.all()).anySatisfy(f -> assertThat(f.helpful()).isFalse());

        /* A scheduled post shows up in #programmet without reloading. */
        fx.web.poster().post(Fixture.PROGRAMMET, Reply.text("Om 10 minutter: Samspillet med administrasjonen, kl. 13.00"));
        wait.until(d -> d.findElement(By.id("kanal")).getText().contains("Om 10 minutter: Samspillet"));

        driver.findElement(By.cssSelector("button[data-text=neste]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#meldinger .message.bot")).size() >= 3);
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("chat.png");
    }

    @Test
    @Order(2)
    void aReflectionPostedInTheChat_changesTheCountAndTheWordCloud_onTheFacilitatorPage() throws Exception {
        driver.manage().window().setSize(DESKTOP);
        driver.get(fx.base() + "/fasilitator");
        WebElement count = wait.visible(By.id("antall-1"));
        wait.until(d -> imageLoaded(d.findElement(By.id("ordsky-1"))));
        int before = fx.reflections.count(1);
        assertThat(count.getText()).isEqualTo(before + " svar");
        String cloudBefore = driver.findElement(By.id("ordsky-1")).getAttribute("src");
        String facilitatorTab = driver.getWindowHandle();

        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(fx.base() + "/");
        WebElement input = driver.findElement(By.id("sporsmal"));
        input.sendKeys("/refleksjon forutsigbarhet respekt dialog");
        input.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#meldinger .message.bot:not(.pending)")).size() >= 2);
        driver.close();
        driver.switchTo().window(facilitatorTab);

        wait.until(d -> d.findElement(By.id("antall-1")).getText().equals((before + 1) + " svar"));
        wait.until(d -> !d.findElement(By.id("ordsky-1")).getAttribute("src").equals(cloudBefore)
                && imageLoaded(d.findElement(By.id("ordsky-1"))));
        assertThat(driver.findElement(By.id("ordsky-1")).getAttribute("src")).endsWith("svar=" + (before + 1));
        assertThat(driver.findElement(By.id("ordsky-1")).getAttribute("alt")).contains((before + 1) + " svar");
        /* The anonymous prompt shows the answer but nobody's name. */
        String promptOne = driver.findElement(By.id("oppgave-1")).getText();
        assertThat(promptOne).contains("forutsigbarhet respekt dialog").doesNotContain("Kari", "web-");
        assertThat(driver.findElement(By.id("oppgave-2")).getText()).contains("Ola Nordmann");
        assertThat(driver.findElement(By.id("poster")).getText()).contains("Sendt", "Feilet", "Planlagt");
        assertThat(driver.findElement(By.id("naa")).getText()).contains("Hva innebærer det å være folkevalgt?");
        assertThat(driver.findElement(By.id("ubesvart")).getText()).contains("sushi");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("fasilitator.png");
    }

    @Test
    @Order(3)
    void theFacilitatorPage_refusesARequestFromAnotherAddressWithoutTheToken() throws Exception {
        Optional<NetnsClient> made = NetnsClient.create();
        Assumptions.assumeTrue(made.isPresent(), "Skipped: no network namespace could be made here (needs root and "
                + "iproute2) to come in from another address; the rule is tested in FacilitatorGuardTest");
        /*
         * The client is a host of this test run's own: a network namespace joined by a veth pair. Its
         * requests reach the server from a non-loopback address; no test-only header or switch is involved.
         */
        try (NetnsClient remote = made.get()) {
            String base = "http://" + remote.hostAddress + ":" + fx.server.port();

            NetnsClient.Response data = remote.get(base + "/fasilitator/data");
            NetnsClient.Response page = remote.get(base + "/fasilitator");
            NetnsClient.Response wrong = remote.get(base + "/fasilitator/data", "X-Fasilitator-Token: feil-kode-1234");
            NetnsClient.Response right = remote.get(base + "/fasilitator/data", "X-Fasilitator-Token: " + Fixture.TOKEN);
            NetnsClient.Response chat = remote.get(base + "/");

            assertThat(data.status()).isEqualTo(401);
            assertThat(data.body()).doesNotContain("forutsigbarhet");
            assertThat(page.status()).isEqualTo(401);
            assertThat(page.body()).contains("Tilgangskode kreves");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(right.status()).isEqualTo(200);
            assertThat(right.body()).contains("forutsigbarhet");
            assertThat(chat.status()).as("the chat itself is open to everyone").isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void aBrowserWithoutItsCookie_overTheAddressLimit_showsTheFriendlyMessage() throws Exception {
        /* One question per address, and the clock stands still: the second cookie-less question is refused (429). */
        WebAdapter strict = fx.webBuilder().addressLimiter(no.folkevalgt.core.RateLimiter.builder()
                .questions(1, Duration.ofHours(1), 1).clock(new AddressLimitTest.TestClock()).build()).build();
        try (no.folkevalgt.http.WebServer server = no.folkevalgt.http.WebServer.start("127.0.0.1", 0, strict.routes())) {
            driver.get("http://127.0.0.1:" + server.port() + "/");
            driver.manage().deleteAllCookies();
            WebElement input = driver.findElement(By.id("sporsmal"));
            input.sendKeys("Hvordan kan jeg reise en sak i kommunestyret?");
            input.sendKeys(Keys.ENTER);
            wait.visible(By.cssSelector("#meldinger .message.bot .source"));
            wait.until(d -> d.findElement(By.id("send")).isEnabled());
            By bot = By.cssSelector("#meldinger .message.bot:not(.pending)");
            int before = driver.findElements(bot).size();
            input.sendKeys("Hva er en interpellasjon?");
            input.sendKeys(Keys.ENTER);
            wait.until(d -> d.findElements(bot).size() > before);
            List<WebElement> replies = driver.findElements(bot);
            assertThat(replies.get(replies.size() - 1).getText()).contains(no.folkevalgt.core.RateLimiter.MESSAGE);
            assertThat(driver.findElements(By.cssSelector("#meldinger .message.error"))).isEmpty();
            assertThat(driver.manage().getCookies()).as("the page sent no session cookie").isEmpty();
        }
    }

    @Test
    @Order(5)
    void anUnsureAnswer_showsTheSuggestedSlidesAsAList_withMarkupInSlidesShownAsText() throws Exception {
        WebAdapter unsure = fx.webBuilder().bot(new no.folkevalgt.core.Bot(UnsureKnowledgeBase.offering(UnsureWebChatTest.HOSTILE)))
                .build();
        try (no.folkevalgt.http.WebServer server = no.folkevalgt.http.WebServer.start("127.0.0.1", 0, unsure.routes())) {
            driver.manage().window().setSize(PHONE);
            driver.get("http://127.0.0.1:" + server.port() + "/");
            WebElement input = driver.findElement(By.id("sporsmal"));
            input.sendKeys("Hvordan spør jeg ordføreren om noe?");
            input.sendKeys(Keys.ENTER);
            wait.until(d -> d.findElements(By.cssSelector("#meldinger .message.bot .suggestions li")).size() == 2);
            WebElement reply = driver.findElement(By.cssSelector("#meldinger .message.bot .suggestions"))
                    .findElement(By.xpath("./ancestor::li[contains(@class, 'message')]"));
            assertThat(reply.findElements(By.cssSelector(".block")).get(0).getText()).isEqualTo(UnsureWebChatTest.UNSURE);
            List<WebElement> items = reply.findElements(By.cssSelector(".suggestions li"));
            assertThat(items.get(0).findElement(By.cssSelector(".suggestion-title")).getText())
                    .isEqualTo("<img src=x onerror=alert(1)>");
            assertThat(items.get(0).findElement(By.cssSelector(".excerpt")).getText())
                    .isEqualTo("<script>alert(1)</script>\n[klikk](javascript:alert(1))");
            assertThat(items.get(0).findElement(By.cssSelector(".suggestion-source")).getText())
                    .isEqualTo("Kilde: «<img src=x onerror=alert(1)>», lysbilde 7 (\"><b>deck.txt)");
            assertThat(items.get(1).getText()).contains("*fet* <!channel> <@U123>", "&amp; &lt;b&gt;");
            assertThat(reply.findElement(By.cssSelector(".closing")).getText()).isEqualTo(UnsureWebChatTest.REPHRASE);
            assertThat(reply.findElements(By.cssSelector("img, script, b, a"))).as("no markup from the slides").isEmpty();
            assertThat(reply.findElements(By.cssSelector("button.feedback"))).isEmpty();
        }
    }

    private void seed() {
        var now = fx.clock.instant();
        String[] answers = {"tillit åpenhet", "tillit respekt", "respekt for roller", "åpenhet og dialog",
                "tydelige roller", "tillit", "dialog tidlig", "forutsigbarhet", "gjensidig respekt", "tillit og ærlighet"};
        for (int i = 0; i < answers.length; i++) {
            fx.reflections.add(1, "web", "Kari Nordmann " + i, answers[i], now, null);
        }
        fx.reflections.add(2, "web", "Ola Nordmann", "Ville gjøre noe for skolen i bygda", now, null);
        fx.unanswered.record(new no.folkevalgt.core.UnansweredStore.Unanswered("Hvordan lager man sushi?", "web", now));
        fx.feedback.record(new no.folkevalgt.core.Feedback("web", "web-1", "Hvem fastsetter lønna til ordføreren?",
                "ks-folkevalgtprogram-rakkestad-2019.txt#40", false, now));
    }

    private static boolean imageLoaded(WebElement img) {
        return Boolean.TRUE.equals(((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) img).getWrappedDriver())
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }

    /* The whole page: the window is made as tall as the page (at most 4000 px) at the current width. */
    private void screenshot(String name) throws Exception {
        Dimension size = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        long chrome = (Long) ((JavascriptExecutor) driver).executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, height + chrome)));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Thread.sleep(300);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name), png);
        driver.manage().window().setSize(size);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("adapters")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return dir;
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }


    /** Polls until a condition holds, failing with the page's text after the timeout. */
    static final class Wait {
        private final WebDriver driver;
        private final Duration timeout;

        Wait(WebDriver driver, Duration timeout) {
            this.driver = driver;
            this.timeout = timeout;
        }

        void until(java.util.function.Predicate<WebDriver> condition) {
            long end = System.nanoTime() + timeout.toNanos();
            RuntimeException last = null;
            while (System.nanoTime() < end) {
                try {
                    if (condition.test(driver)) {
                        return;
                    }
                } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                    last = e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            throw new AssertionError("condition not met within " + timeout + " on " + driver.getCurrentUrl()
                    + "; the page says:\n" + driver.findElement(By.tagName("body")).getText(), last);
        }

        WebElement visible(By by) {
            until(d -> d.findElements(by).stream().anyMatch(WebElement::isDisplayed));
            return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
        }
    }
}
