package no.folkevalgt.web;

import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.ProgrammePosts;
import no.folkevalgt.knowledge.UnsureKnowledgeBase;
import no.folkevalgt.testsupport.MovableClock;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real headless Chromium ({@link Chromium}; without it these tests are skipped, saying
 * how to install it). Screenshots are written to {@code adapters/web/target/screenshots/} (chat.png, chat-refleksjon.png,
 * fasilitator.png, fasilitator-mobil.png); the ones in {@code docs/screenshots/} are copied from there by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserEndToEndTest {

    /** The viewport of a phone (an iPhone 12 to 15's CSS pixels). */
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1440, 1900);
    /** A laptop's screen, for the accessibility checks. */
    static final Dimension LAPTOP = new Dimension(1280, 800);

    Fixture fx;
    Chromium chromium;
    WebDriver driver;
    Chromium.Wait wait;
    Path screenshots;
    String missingBrowser;
    /** The height of the emulated phone screen, 0 when not emulating one. */
    int emulatedHeight;
    /** The width of the emulated screen, and whether it is a mobile device's (the viewport meta tag applies). */
    int emulatedWidth = PHONE.getWidth();
    boolean emulatedMobile = true;

    @org.junit.jupiter.api.BeforeEach
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
        /* On every address, so that a client in the test run's own network namespace can come in from outside. */
        fx = new Fixture(temp, Fixture.TOKEN).start("0.0.0.0");
        seed();
        chromium = Chromium.start(temp);
        driver = chromium.driver;
        wait = chromium.wait;
        screenshots = chromium.screenshots;
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    @Order(1)
    void askingAQuestion_showsTheAnswerWithItsSource_onAPhone() throws Exception {
        openOnAPhone(fx.base() + "/");
        WebElement input = driver.findElement(By.id("sporsmal"));
        assertThat(driver.findElement(By.cssSelector("label[for=sporsmal]")).getText()).isEqualTo("Spørsmål eller kommando");
        /* What reaches the conversation's live region, and its busy state, while the question is answered. */
        js("window.heard = []; window.busy = []; const log = document.getElementById('samtale');"
                + "new MutationObserver(rs => rs.forEach(r => { if (r.type === 'attributes') { window.busy.push(log.getAttribute('aria-busy')); }"
                + "  r.addedNodes.forEach(n => window.heard.push(n.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40))); }))"
                + ".observe(log, {childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy']});");
        input.sendKeys("Hvordan kan jeg reise en sak i kommunestyret?");
        input.sendKeys(Keys.ENTER);
        WebElement source = wait.visible(By.cssSelector("#meldinger .message.bot .source"));
        wait.until(d -> js("return document.getElementById('samtale').getAttribute('aria-busy')") == null);
        /* The log is a wrapper holding a real list; "Boten tenker …" is never added to it, the log is busy instead. */
        WebElement log = driver.findElement(By.id("samtale"));
        assertThat(log.getAttribute("role")).isEqualTo("log");
        assertThat(log.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(log.getAttribute("aria-label")).isEqualTo("Samtalen med boten");
        assertThat(driver.findElement(By.id("meldinger")).getTagName()).isEqualTo("ol");
        assertThat(driver.findElement(By.id("meldinger")).getAttribute("role")).isNull();
        @SuppressWarnings("unchecked")
        List<String> heard = (List<String>) js("return window.heard");
        assertThat(heard).hasSize(2).noneMatch(h -> h.contains("tenker"));
        assertThat(heard.get(0)).startsWith("Du skrev:Hvordan kan jeg reise en sak");
        assertThat(heard.get(1)).startsWith("Boten svarte:");
        assertThat(js("return window.busy")).isEqualTo(java.util.Arrays.asList("true", null));
        WebElement pending = driver.findElement(By.id("venter"));
        assertThat(pending.getAttribute("textContent")).isEqualTo("Boten tenker …");
        assertThat(pending.isDisplayed()).isFalse();
        assertThat(js("return document.getElementById('samtale').contains(arguments[0])", pending)).isEqualTo(false);
        assertThat(source.getText())
                .isEqualTo("Kilde: «Hvordan utøve folkevalgt lederskap i praksis?», lysbilde 17 (KS Folkevalgtprogram, Rakkestad 2019)");
        WebElement answer = source.findElement(By.xpath("./ancestor::li"));
        assertThat(answer.findElements(By.cssSelector(".block"))).isNotEmpty();

        /* 👎 with the keyboard alone: tab to the button and press space. */
        WebElement down = answer.findElement(By.cssSelector("button[data-action='feedback.down']"));
        assertThat(down.getAttribute("aria-label")).isEqualTo("Svaret var ikke nyttig");
        down.sendKeys(Keys.SPACE);
        wait.until(d -> answer.findElement(By.cssSelector(".action-status")).getText().contains("Takk for tilbakemeldingen!"));
        assertThat(down.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(fx.feedback.all()).anySatisfy(f -> assertThat(f.helpful()).isFalse());

        /* The thumbs are drawn (SVG), not emoji, which show as empty boxes where no emoji font is installed. */
        WebElement up = answer.findElement(By.cssSelector("button[data-action='feedback.up']"));
        assertThat(up.getText()).isEqualTo("Nyttig");
        assertThat(down.getText()).isEqualTo("Ikke nyttig");
        assertThat(up.getAttribute("aria-label")).isEqualTo("Svaret var nyttig");
        for (WebElement button : List.of(up, down)) {
            WebElement svg = button.findElement(By.cssSelector("svg"));
            assertThat(svg.getAttribute("aria-hidden")).isEqualTo("true");
            assertThat(svg.isDisplayed()).isTrue();
            assertThat(hasEmoji(button)).as("emoji in %s", button.getAttribute("outerHTML")).isFalse();
        }

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
        desktop();
        driver.get(fx.base() + "/fasilitator");
        WebElement count = wait.visible(By.id("antall-1"));
        wait.until(d -> imageLoaded(d.findElement(By.id("ordsky-1"))));
        int before = fx.reflections.count(1);
        assertThat(count.getText()).isEqualTo(before + " svar");
        String cloudBefore = driver.findElement(By.id("ordsky-1")).getAttribute("src");
        js("window.countChanges = []; document.querySelectorAll('.prompt .count').forEach(c => new MutationObserver("
                + "() => window.countChanges.push(c.id)).observe(c, {childList: true, characterData: true, subtree: true}));");
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
        /* The server's text alternative, with the top words and their counts. */
        assertThat(driver.findElement(By.id("ordsky-1")).getAttribute("alt"))
                .isEqualTo(no.folkevalgt.core.reflection.ReflectionSummaries.altText(
                        "Hva er viktigst i samspillet med administrasjonen?", fx.summaries.summary(1)))
                .startsWith("Ordsky for «Hva er viktigst i samspillet med administrasjonen?»: mest brukte ord ")
                .contains("tillit (4)", "forutsigbarhet (2)");
        /* The counts (live regions) are written only when their number changes: prompt 2's never, over several polls. */
        js("window.polls = 0; const f = window.fetch; window.fetch = function (u, o) {"
                + " return f(u, o).then(r => { if (String(u).indexOf('/fasilitator/data') >= 0) { window.polls++; } return r; }); };");
        wait.until(d -> ((Number) js("return window.polls")).intValue() >= 3);
        assertThat(js("return window.countChanges")).as("changes to the answer counts").isEqualTo(List.of("antall-1"));
        /* The anonymous prompt shows the answer but nobody's name. */
        String promptOne = driver.findElement(By.id("oppgave-1")).getText();
        assertThat(promptOne).contains("forutsigbarhet respekt dialog").doesNotContain("Kari", "web-");
        assertThat(driver.findElement(By.id("oppgave-2")).getText()).contains("Ola Nordmann");
        assertThat(driver.findElement(By.id("poster")).getText()).contains("Sendt", "Feilet", "Planlagt");
        assertThat(driver.findElement(By.id("naa")).getText()).contains("Hva innebærer det å være folkevalgt?");
        /* One gap list: the declined question and the answer given 👎 (drawn, not an emoji), each with its label. */
        WebElement gaps = driver.findElement(By.id("hull-liste"));
        assertThat(gaps.getText()).contains("«Hvordan lager man sushi?»", "ikke funnet", "1 gang",
                "«Hvem fastsetter lønna til ordføreren?»", "Svaret som fikk tommel ned: lysbilde 40 i ");
        WebElement unhelpful = gaps.findElement(By.cssSelector(".badge.unhelpful"));
        assertThat(unhelpful.getText()).isEqualTo("lite nyttig");
        assertThat(unhelpful.findElements(By.cssSelector("svg[aria-hidden=true]"))).hasSize(1);
        assertThat(driver.findElement(By.id("hull-heading")).getText()).isEqualTo("Spørsmål boten ikke klarte");
        assertThat(hasEmoji(driver.findElement(By.tagName("body")))).isFalse();
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
    void aBrowserWithoutItsCookie_isToldToReload_andOverTheAddressLimit_showsTheFriendlyMessage() throws Exception {
        /* One question per address, and the clock stands still: the second cookie-less question is refused (429). */
        WebAdapter strict = fx.webBuilder().addressLimiter(no.folkevalgt.core.RateLimiter.builder()
                .questions(1, Duration.ofHours(1), 1).clock(MovableClock.at("2025-06-02T08:00:00Z")).build()).build();
        try (no.folkevalgt.http.WebServer server = no.folkevalgt.http.WebServer.start("127.0.0.1", 0, strict.routes())) {
            driver.get("http://127.0.0.1:" + server.port() + "/");
            driver.manage().deleteAllCookies();
            WebElement input = driver.findElement(By.id("sporsmal"));
            input.sendKeys("Hvordan kan jeg reise en sak i kommunestyret?");
            input.sendKeys(Keys.ENTER);
            /* Without its session the chat is told to reload, with a button that does. */
            wait.visible(By.cssSelector("#meldinger .message.bot button.reload"));
            List<WebElement> told = driver.findElements(By.cssSelector("#meldinger .message.bot"));
            assertThat(told.get(told.size() - 1).getText()).contains("Økten din er ukjent eller utløpt. Last siden på nytt.");
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
        WebAdapter unsure = fx.webBuilder().bot(no.folkevalgt.core.Bot.builder()
                .knowledgeBase(UnsureKnowledgeBase.offering(UnsureWebChatTest.HOSTILE)).build()).build();
        try (no.folkevalgt.http.WebServer server = no.folkevalgt.http.WebServer.start("127.0.0.1", 0, unsure.routes())) {
            openOnAPhone("http://127.0.0.1:" + server.port() + "/");
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
            assertThat(items.get(1).getText()).contains("*fet* <!channel> <@U123>", "&amp; &lt;b&gt;",
                    "lysbilde 8 (<b>Program</b> & <a href=x>)");
            assertThat(reply.findElement(By.cssSelector(".closing")).getText()).isEqualTo(UnsureWebChatTest.REPHRASE);
            assertThat(reply.findElements(By.cssSelector("img, script, b, a"))).as("no markup from the slides").isEmpty();
            assertThat(reply.findElements(By.cssSelector("button.feedback"))).isEmpty();
        }
    }

    @Test
    @Order(6)
    void aReflectionPromptPostedInTheChannel_isShownByTheInput_onAPhone() throws Exception {
        openOnAPhone(fx.base() + "/");
        js("localStorage.removeItem('folkevalgt.refleksjon.sett')");
        driver.navigate().refresh();
        /* A conversation long enough that #programmet, below the chat, is out of sight. */
        driver.findElement(By.cssSelector("button[data-text=program]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#meldinger .message.bot:not(.pending)")).size() >= 2);
        driver.findElement(By.cssSelector("button[data-text=hjelp]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#meldinger .message.bot:not(.pending)")).size() >= 3
                && d.findElement(By.id("send")).isEnabled());
        WebElement status = driver.findElement(By.id("oppgavevarsel-tekst"));
        assertThat(status.getAttribute("role")).isEqualTo("status");
        assertThat(status.getText()).isEmpty();

        postPrompt(1);
        wait.until(d -> d.findElement(By.id("kanal")).getText().contains("Refleksjonsoppgave 1: "));
        String expected = "Ny refleksjonsoppgave: «Hva er viktigst i samspillet med administrasjonen?» — svar med "
                + "/refleksjon <svaret ditt>";
        wait.until(d -> status.getText().equals(expected));
        WebElement banner = driver.findElement(By.id("oppgavevarsel"));
        WebElement answer = driver.findElement(By.id("oppgavevarsel-svar"));
        WebElement close = driver.findElement(By.id("oppgavevarsel-lukk"));
        assertThat(answer.getText()).isEqualTo("Svar nå");
        assertThat(close.getText()).isEqualTo("Lukk");
        assertThat(banner.getText()).isEqualTo(expected + "\nSvar nå\nLukk");
        /* In sight without scrolling, just above the text box; the post itself is further down, out of sight. */
        double innerHeight = ((Number) js("return window.innerHeight")).doubleValue();
        double bannerTop = top(banner);
        double bannerBottom = bottom(banner);
        assertThat(bannerTop).isGreaterThanOrEqualTo(0);
        assertThat(bannerBottom).isLessThanOrEqualTo(innerHeight);
        assertThat(bannerBottom).isLessThanOrEqualTo(top(driver.findElement(By.id("sporsmal"))));
        WebElement post = driver.findElements(By.cssSelector("#kanal .message.post")).stream()
                .filter(e -> e.getText().contains("Refleksjonsoppgave 1: ")).findFirst().orElseThrow();
        assertThat(top(post)).as("the prompt in #programmet is out of sight").isGreaterThan(innerHeight);
        chromium.assertNoSidewaysScroll();
        screenshot("chat-refleksjon.png", false);

        /* "Svar nå" starts the answer in the text box. */
        answer.click();
        assertThat(driver.findElement(By.id("sporsmal")).getAttribute("value")).isEqualTo("/refleksjon ");
        assertThat(js("return document.activeElement.id")).isEqualTo("sporsmal");

        /* The post's own "Svar" does the same for its prompt, and is no feedback button. */
        WebElement input = driver.findElement(By.id("sporsmal"));
        js("arguments[0].value = ''", input);
        WebElement svar = post.findElement(By.cssSelector("button.answer-prompt"));
        assertThat(svar.getText()).isEqualTo("Svar");
        assertThat(svar.getAttribute("aria-label")).isEqualTo("Svar på refleksjonsoppgave 1");
        assertThat(post.findElements(By.cssSelector("button.feedback"))).isEmpty();
        js("arguments[0].scrollIntoView({block: 'center'})", svar);
        svar.click();
        assertThat(input.getAttribute("value")).isEqualTo("/refleksjon 1 ");
        assertThat(js("return document.activeElement.id")).isEqualTo("sporsmal");
        /* Never over what the member has begun to write. */
        js("arguments[0].value = 'Mitt halve svar'", input);
        svar.click();
        assertThat(input.getAttribute("value")).isEqualTo("Mitt halve svar");
        js("arguments[0].value = ''", input);

        /* Not acted on, it is shown again after a reload; once closed, it is not. */
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("oppgavevarsel-tekst")).getText().equals(expected));
        driver.findElement(By.id("oppgavevarsel-lukk")).click();
        assertThat(driver.findElement(By.id("oppgavevarsel-tekst")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("oppgavevarsel-svar")).isDisplayed()).isFalse();
        assertThat(js("return document.activeElement.id")).isEqualTo("sporsmal");
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("kanal")).getText().contains("Refleksjonsoppgave 1: "));
        assertThat(driver.findElement(By.id("oppgavevarsel-tekst")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("oppgavevarsel-svar")).isDisplayed()).isFalse();

        /* A newer prompt is shown until its summary is posted. */
        String second = "Ny refleksjonsoppgave: «Hvorfor engasjerte du deg?» — svar med /refleksjon <svaret ditt>";
        postPrompt(2);
        wait.until(d -> d.findElement(By.id("oppgavevarsel-tekst")).getText().equals(second));
        post(PostKind.SUMMARY, 2);
        wait.until(d -> d.findElement(By.id("kanal")).getText().contains("Oppsummering: «Hvorfor engasjerte du deg?»"));
        assertThat(driver.findElement(By.id("oppgavevarsel-tekst")).getText()).isEmpty();

        /* Posted again (as after a restart), it is shown again; answering it with /refleksjon puts it away. */
        postPrompt(2);
        wait.until(d -> d.findElement(By.id("oppgavevarsel-tekst")).getText().equals(second));
        WebElement box = driver.findElement(By.id("sporsmal"));
        box.sendKeys("/refleksjon 2 for skolen i bygda");
        box.sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.id("oppgavevarsel-tekst")).getText()).isEmpty();
        wait.until(d -> d.findElement(By.id("send")).isEnabled());
    }

    @Test
    @Order(7)
    void theFacilitatorPage_onAPhone_scrollsItsTableSideways_notThePage() throws Exception {
        /* Long unbroken words, as Norwegian compounds and web addresses are, wrap instead of widening the page. */
        String compound = "kommunestyrerepresentantopplæringsprogramevalueringsrapportutkast";
        fx.reflections.add(1, "web", "Kari Nordmann 10", compound, fx.clock.instant(), null);
        fx.unanswered.record(new no.folkevalgt.core.port.UnansweredStore.Unanswered(
                "Hva står på https://www.ks.no/fagomrader/demokrati-og-styring/folkevalgtprogrammet/?", "web",
                fx.clock.instant()));
        openOnAPhone(fx.base() + "/fasilitator");
        wait.until(d -> !d.findElements(By.cssSelector("#poster tr")).isEmpty());
        wait.until(d -> imageLoaded(d.findElement(By.id("ordsky-1"))));
        assertThat(driver.findElement(By.id("poster")).getText()).contains("Sendt", "Feilet", "Planlagt");
        wait.until(d -> d.findElement(By.id("oppgave-1")).getText().contains(compound));
        wait.until(d -> d.findElement(By.id("hull-liste")).getText().contains("https://www.ks.no/"));
        chromium.assertNoSidewaysScroll();

        WebElement wrap = driver.findElement(By.cssSelector("#meldinger-seksjon .table-wrap"));
        assertThat(wrap.getAttribute("role")).isEqualTo("region");
        assertThat(wrap.getAttribute("aria-label")).isEqualTo("Tabell over planlagte meldinger");
        assertThat(wrap.getAttribute("tabindex")).isEqualTo("0");
        assertThat(((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth", wrap)).intValue())
                .as("the table is wider than its box, which scrolls").isPositive();
        assertThat(driver.findElement(By.cssSelector("#meldinger-seksjon .narrow-only")).getText())
                .isEqualTo("Tabellen kan rulles sidelengs.");
        /* With the keyboard: tab to the table's box and press the right arrow. */
        js("arguments[0].scrollIntoView({block: 'center'})", wrap);
        wrap.sendKeys(Keys.ARROW_RIGHT);
        assertThat(js("return document.activeElement === arguments[0]", wrap)).isEqualTo(true);
        wait.until(d -> ((Number) js("return arguments[0].scrollLeft", wrap)).doubleValue() > 0);
        chromium.assertNoSidewaysScroll();
        js("arguments[0].scrollLeft = 0; arguments[0].blur()", wrap);
        screenshot("fasilitator-mobil.png");
    }

    /** Posts prompt {@code number} to #programmet as the programme's scheduler does when it opens. */
    /*
     * A conversation typed into the web chat on a phone, as a member would: questions, follow-ups read
     * in context ("(om: …)"), "si mer" in Nynorsk, the answers' language, a new subject, an opinion
     * declined and a follow-up to it, the programme and a reflection answer. The same turns as the
     * terminal conversation in README.md (ScriptedConversationTest), each checked by its first lines.
     */
    @Test
    @Order(8)
    void aConversation_withFollowUps_programmeAndAReflection_onAPhone() throws Exception {
        driver.manage().deleteAllCookies();
        openOnAPhone(fx.base() + "/");
        assertThat(chromium.say("Hvem er arbeidsgiver for kommunedirektøren?")).startsWith(
                "• Kommunestyret / fylkestinget er arbeidsgiver for kommunedirektøren\n")
                .contains("Kilde: «Arbeidsgiveransvaret for kommunedirektøren», lysbilde 49");
        assertThat(chromium.say("hvor ofte skal vi ha samtale med henne?")).startsWith(
                "(om: «Hvem er arbeidsgiver for kommunedirektøren?»)\n• Utviklingssamtale med kommunedirektøren minst en gang i året\n"
                        + "Kilde: «Arbeidsgiveransvaret for kommunedirektøren», lysbilde 49");
        assertThat(chromium.say("Kva er deltakelsestrappa?")).startsWith("Deltakelsestrappa\n• Informere\n• Spørre\n• Snakke med\n")
                .contains("Kilde: «Samspillet med innbyggerne» › «INFORMERE», lysbilde 90");
        assertThat(chromium.say("kan du fortelje meir?")).startsWith("(om: «Kva er deltakelsestrappa?»)\n")
                .doesNotContain("lysbilde 90");
        assertThat(chromium.say("og på nynorsk?")).startsWith("(om: «Kva er deltakelsestrappa?»)\nSvarene er lysbildenes egen tekst");
        assertThat(chromium.say("Hvor kommer kommunens inntekter fra?")).startsWith("– Skatteinntekter\n– Rammetilskudd\n");
        assertThat(chromium.say("hva med frie inntekter?")).startsWith("Frie inntekter\nKommunesektorens inntekter\n"
                + "Skatteinntekter 40 %\nRammetilskudd 32 %\n");
        assertThat(chromium.say("Hva mener du om bompenger?")).startsWith("Det finner jeg ikke i programmaterialet.\n"
                + "Jeg kan svare på spørsmål om:\n• KS – Kommunesektorens organisasjon\n");
        assertThat(chromium.say("hvem avgjør det?")).isEqualTo("(om: «Hva mener du om bompenger?»)\n"
                + "Det finner jeg ikke i programmaterialet.\nSkriv «hjelp» for å se hva jeg kan svare på.");
        assertThat(chromium.say("program")).contains("Program dag");
        assertThat(chromium.say("/refleksjon Jeg vil ha bedre skoler i bygda"))
                .startsWith("Takk! Svaret ditt på «").contains("er lagret.").doesNotContain("skoler");
        assertThat(chromium.say("si mer")).as("a reflection answer is never remembered as a question")
                .startsWith("(om: «Hva mener du om bompenger?»)");
        chromium.assertNoSidewaysScroll();
    }

    /* For docs/screenshots: a follow-up read in context and an unsure answer's suggestions, on a phone. */
    @Test
    @Order(9)
    void aFollowUpAndASuggestion_onAPhone_forTheScreenshot() throws Exception {
        driver.manage().deleteAllCookies();
        openOnAPhone(fx.base() + "/");
        chromium.say("Hvem er arbeidsgiver for kommunedirektøren?");
        assertThat(chromium.say("hvor ofte skal vi ha samtale med henne?")).startsWith("(om: «Hvem er arbeidsgiver for kommunedirektøren?»)");
        assertThat(chromium.say("Hvem bestemmer over eiendomsskatten?"))
                .startsWith("Jeg er ikke helt sikker, men dette kan være det du lurer på:");
        assertThat(driver.findElements(By.cssSelector("#meldinger .suggestions li"))).isNotEmpty();
        screenshot("chat-oppfolging.png");
    }

    /*
     * axe-core (Chromium.axe: WCAG 2.0/2.1 A and AA and axe's best practices, no rule left out) on every
     * page and state a member or facilitator meets, on a phone and a laptop: the chat on load, after a
     * question, after /refleksjon, after "program", with a reflection prompt shown by the input; the
     * facilitator page with data, and with a gap's "Koble til lysbilde…" search open. Every violation of
     * every state is listed before the test fails. Results: target/axe/, screenshots: target/screenshots/axe-*.
     */
    @Test
    @Order(10)
    void everyPageAndState_onAPhoneAndALaptop_hasNoAxeViolations() throws Exception {
        List<String> found = new ArrayList<>();
        /* Enough in #programmet that it scrolls in its own box on a laptop. */
        postPrompt(1);
        postPrompt(2);
        post(PostKind.SUMMARY, 2);
        for (boolean phone : List.of(true, false)) {
            String size = phone ? "mobil" : "desktop";
            emulate(phone ? PHONE : LAPTOP, phone);
            driver.manage().deleteAllCookies();
            driver.get(fx.base() + "/");
            js("localStorage.clear()");
            driver.navigate().refresh();
            wait.until(d -> !d.findElement(By.id("kanal")).getText().isBlank());
            check(found, "chat-" + size);

            assertThat(chromium.say("Hvordan kan jeg reise en sak i kommunestyret?"))
                    .contains("Kilde: «Hvordan utøve folkevalgt lederskap i praksis?», lysbilde 17");
            check(found, "chat-sporsmal-" + size);
            assertThat(chromium.say("/refleksjon tillit og åpen dialog")).startsWith("Takk! Svaret ditt på «");
            check(found, "chat-refleksjon-" + size);
            assertThat(chromium.say("program")).contains("Program dag");
            check(found, "chat-program-" + size);
            /* Prompt 1 is open and not yet seen in this browser: it is shown by the input. */
            js("localStorage.removeItem('folkevalgt.refleksjon.sett')");
            driver.navigate().refresh();
            wait.until(d -> d.findElement(By.id("oppgavevarsel-tekst")).getText().startsWith("Ny refleksjonsoppgave: «"));
            check(found, "chat-oppgavevarsel-" + size);

            driver.get(fx.base() + "/fasilitator");
            wait.until(d -> !d.findElements(By.cssSelector("#poster tr")).isEmpty()
                    && !d.findElements(By.cssSelector("#hull-liste .gap-item")).isEmpty());
            wait.until(d -> imageLoaded(d.findElement(By.id("ordsky-1"))));
            check(found, "fasilitator-" + size);
            WebElement gap = driver.findElements(By.cssSelector("#hull-liste .gap-item")).stream()
                    .filter(g -> g.getText().contains("«Hvem fastsetter lønna til ordføreren?»")).findFirst().orElseThrow();
            gap.findElement(By.xpath(".//button[normalize-space()='Koble til lysbilde…']")).click();
            wait.until(d -> !gap.findElements(By.cssSelector(".search-result")).isEmpty());
            assertThat(js("return document.activeElement.type")).isEqualTo("search");
            check(found, "fasilitator-sok-" + size);

            /* The server's notice page (Pages.error), here for a word cloud that does not exist. */
            driver.get(fx.base() + "/fasilitator/ordsky/99.png");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Fant ikke ordskyen");
            check(found, "feilside-" + size);
        }
        desktop();
        assertThat(found).as("axe-core violations (rule, impact, elements) per page, state and size").isEmpty();
    }

    /*
     * Text at 200 % (the browser's text size, as a member with low vision sets it) on a phone, and a
     * phone's page zoomed to 200 % (195 CSS px wide): neither page scrolls sideways, the question box
     * holds at least 12 characters, and the feedback buttons' words are not broken in the middle.
     */
    @Test
    @Order(11)
    void atTwiceTheTextSize_onAPhone_nothingScrollsSideways_andTheQuestionBoxHoldsTwelveCharacters() throws Exception {
        record Setting(String name, int width, int fontSize) { }
        try {
            for (Setting setting : List.of(new Setting("tekst200", PHONE.getWidth(), 32), new Setting("zoom200", PHONE.getWidth() / 2, 16))) {
                emulate(new Dimension(setting.width(), PHONE.getHeight()), true);
                driver.manage().deleteAllCookies();
                driver.get(fx.base() + "/");
                /* The browser's text size (set on the page's own renderer, so once it shows the site). */
                ((ChromeDriver) driver).executeCdpCommand("Page.setFontSizes",
                        Map.of("fontSizes", Map.of("standard", setting.fontSize(), "fixed", setting.fontSize() * 13 / 16)));
                driver.navigate().refresh();
                assertThat(js("return [window.innerWidth, parseFloat(getComputedStyle(document.documentElement).fontSize)]"))
                        .isEqualTo(List.of((long) setting.width(), (long) setting.fontSize()));
                chromium.say("Hvordan kan jeg reise en sak i kommunestyret?");
                chromium.assertNoSidewaysScroll();
                double characters = ((Number) js("const t = arguments[0], s = getComputedStyle(t);"
                        + "const c = document.createElement('canvas').getContext('2d'); c.font = s.font;"
                        + "return (t.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)) / c.measureText('0').width;",
                        driver.findElement(By.id("sporsmal")))).doubleValue();
                assertThat(characters).as("characters the question box holds (%s)", setting.name()).isGreaterThanOrEqualTo(12);
                WebElement answer = driver.findElements(By.cssSelector("#meldinger .message.bot")).stream()
                        .filter(m -> !m.findElements(By.cssSelector("button.feedback")).isEmpty()).reduce((a, b) -> b).orElseThrow();
                for (WebElement words : answer.findElements(By.cssSelector("button.feedback .words"))) {
                    assertThat(brokenWords(words)).as("words broken over two lines in %s (%s)", words.getText(), setting.name())
                            .isEmpty();
                }
                screenshot("chat-" + setting.name() + ".png");

                driver.get(fx.base() + "/fasilitator");
                wait.until(d -> !d.findElements(By.cssSelector("#poster tr")).isEmpty());
                wait.until(d -> imageLoaded(d.findElement(By.id("ordsky-1"))));
                chromium.assertNoSidewaysScroll();
                screenshot("fasilitator-" + setting.name() + ".png");
            }
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 16, "fixed", 13)));
            desktop();
        }
    }

    /*
     * The keyboard alone, from the top of each page: Tab goes through the page in reading order, every
     * stop shows a focus ring, and the skip link takes the focus to where the work is.
     */
    @Test
    @Order(12)
    void withTheKeyboardAlone_tabGoesInReadingOrder_withAVisibleFocus() throws Exception {
        emulate(LAPTOP, false);
        driver.get(fx.base() + "/");
        js("localStorage.setItem('folkevalgt.refleksjon.sett', JSON.stringify(['1:Hva er viktigst i samspillet med administrasjonen?',"
                + " '2:Hvorfor engasjerte du deg?']))");
        fx.web.poster().post(Fixture.PROGRAMMET, Reply.text("Om 10 minutter: Pause, kl. 14.30"));
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("kanal")).getText().contains("Om 10 minutter: Pause"));
        /* The channel's prompt posts (from the tests before) each have their "Svar" button, in the order posted. */
        List<String> answerButtons = driver.findElements(By.cssSelector("#kanal button.answer-prompt")).stream()
                .map(b -> "button: " + b.getAttribute("aria-label")).toList();
        List<String> expected = new ArrayList<>(List.of("a: Hopp til spørsmålsfeltet", "textarea: Spørsmål eller kommando",
                "button: Send", "button: Program", "button: Neste økt", "button: Hjelp", "summary: Navn (valgfritt)",
                "div: Kanalen #programmet"));
        expected.addAll(answerButtons);
        expected.add("a: Fasilitatorsiden");
        assertThat(tabStops(expected.size())).containsExactlyElementsOf(expected);
        /* The skip link, followed with Enter, puts the focus in the question box. */
        driver.navigate().refresh();
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Hopp til spørsmålsfeltet");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ENTER).perform();
        assertThat(js("return document.activeElement.id")).isEqualTo("sporsmal");

        driver.get(fx.base() + "/fasilitator");
        wait.until(d -> !d.findElements(By.cssSelector("#poster tr")).isEmpty());
        assertThat(tabStops(6)).containsExactly("a: Hopp til refleksjonsoppgavene", "a: Last ned alle svar (CSV)",
                "button: Vis ordskyen i fullskjerm", "a: Last ned svarene (CSV)", "button: Vis ordskyen i fullskjerm",
                "a: Last ned svarene (CSV)");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", false));
        desktop();
    }

    /* Presses Tab this many times on a page just loaded: each stop's tag and name; fails on a stop with no focus ring. */
    private List<String> tabStops(int count) {
        /* As a window the user is in: a headless browser's page otherwise has no focus for Tab to move. */
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
        assertThat(js("return document.activeElement === document.body")).isEqualTo(true);
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement at = driver.switchTo().activeElement();
            String outline = (String) js("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth", at);
            String name = (String) js("const e = arguments[0]; const l = e.labels && e.labels[0];"
                    + "return (e.getAttribute('aria-label') || (l && l.textContent) || e.textContent).replace(/\\s+/g, ' ').trim().slice(0, 40);", at);
            String stop = at.getTagName() + ": " + name;
            assertThat(outline).as("the focus ring on %s", stop).startsWith("solid 3px");
            stops.add(stop);
        }
        return stops;
    }

    /* Runs axe on the page as it is now, adds what it finds to found, and takes a screenshot of what is in sight. */
    private void check(List<String> found, String name) throws Exception {
        chromium.axe(name).forEach(v -> found.add(name + ": " + v));
        screenshot("axe-" + name + ".png");
    }

    /* The words of an element's text that are split over two lines. */
    @SuppressWarnings("unchecked")
    private List<String> brokenWords(WebElement e) {
        return (List<String>) js("const out = []; const node = arguments[0].firstChild; if (!node) { return out; }"
                + "const text = node.textContent; const re = /\\S+/g; let m;"
                + "while ((m = re.exec(text))) { const r = document.createRange(); r.setStart(node, m.index);"
                + "r.setEnd(node, m.index + m[0].length);"
                + "const tops = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));"
                + "if (tops.size > 1) { out.push(m[0]); } }"
                + "return out;", e);
    }

    private void postPrompt(int number) throws Exception {
        post(PostKind.PROMPT, number);
    }

    /** Posts the programme's post of this kind for prompt {@code number} to #programmet, as composed when due. */
    private void post(PostKind kind, int number) throws Exception {
        PlannedPost post = PostPlanner.plan(fx.programme).stream()
                .filter(p -> p.kind() == kind && p.prompt() == number && p.channel().equals(Fixture.PROGRAMMET))
                .findFirst().orElseThrow();
        fx.web.poster().post(post.channel(), new ProgrammePosts(fx.programme, fx.summaries, fx.clock).compose(post, false));
    }

    /*
     * A phone's screen, emulated: a window cannot be made narrower than 500 px, so the page is laid
     * out as on a mobile device of PHONE's size (its viewport meta tag applies).
     */
    private void openOnAPhone(String url) {
        emulate(PHONE, true);
        driver.get(url);
        assertThat(js("return [window.innerWidth, window.innerHeight]"))
                .isEqualTo(List.of((long) PHONE.getWidth(), (long) PHONE.getHeight()));
    }

    private void emulate(int height) {
        emulatedHeight = height;
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", emulatedWidth, "height", height, "deviceScaleFactor", 1, "mobile", emulatedMobile));
    }

    /* A screen of this size: a phone's (mobile, so the viewport meta tag applies) or a desktop's. */
    private void emulate(Dimension size, boolean mobile) {
        emulatedWidth = size.getWidth();
        emulatedMobile = mobile;
        emulate(size.getHeight());
    }

    private void desktop() {
        if (emulatedHeight > 0) {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            emulatedHeight = 0;
            emulatedWidth = PHONE.getWidth();
            emulatedMobile = true;
        }
        driver.manage().window().setSize(DESKTOP);
    }

    private double top(WebElement e) {
        return ((Number) js("return arguments[0].getBoundingClientRect().top", e)).doubleValue();
    }

    private double bottom(WebElement e) {
        return ((Number) js("return arguments[0].getBoundingClientRect().bottom", e)).doubleValue();
    }

    /* Whether the element's text, labels or titles hold an emoji (a pictographic character). */
    private boolean hasEmoji(WebElement e) {
        return Boolean.TRUE.equals(js("const n = arguments[0];"
                + "const all = [n].concat(Array.from(n.querySelectorAll('*')));"
                + "const text = n.textContent + all.map(x => (x.getAttribute('aria-label') || '') + (x.getAttribute('title') || '')).join('');"
                + "return /\\p{Extended_Pictographic}/u.test(text);", e));
    }

    /* Returns once the browser has painted two more frames, so that a resize has been laid out and drawn. */
    private void painted() {
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    private Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    private void seed() {
        var now = fx.clock.instant();
        String[] answers = {"tillit åpenhet", "tillit respekt", "respekt for roller", "åpenhet og dialog",
                "tydelige roller", "tillit", "dialog tidlig", "forutsigbarhet", "gjensidig respekt", "tillit og ærlighet"};
        for (int i = 0; i < answers.length; i++) {
            fx.reflections.add(1, "web", "Kari Nordmann " + i, answers[i], now, null);
        }
        fx.reflections.add(2, "web", "Ola Nordmann", "Ville gjøre noe for skolen i bygda", now, null);
        fx.unanswered.record(new no.folkevalgt.core.port.UnansweredStore.Unanswered("Hvordan lager man sushi?", "web", now));
        fx.feedback.record(new no.folkevalgt.core.port.Feedback("web", "web-1", "Hvem fastsetter lønna til ordføreren?",
                "ks-folkevalgtprogram-rakkestad-2019.txt#40", false, now));
    }

    private static boolean imageLoaded(WebElement img) {
        return Boolean.TRUE.equals(((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) img).getWrappedDriver())
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }

    private void screenshot(String name) throws Exception {
        screenshot(name, true);
    }

    /*
     * The whole page (the window is made as tall as the page, at most 4000 px, or the emulated phone's
     * screen, at most 8000 px, at the current width), or what is in sight as the page is scrolled now.
     */
    private void screenshot(String name, boolean wholePage) throws Exception {
        if (!wholePage) {
            Files.write(screenshots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return;
        }
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        if (emulatedHeight > 0) {
            int phoneHeight = emulatedHeight;
            emulate((int) Math.min(8000, height));
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            painted();
            Files.write(screenshots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            emulate(phoneHeight);
            return;
        }
        Dimension size = driver.manage().window().getSize();
        long chrome = (Long) ((JavascriptExecutor) driver).executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, height + chrome)));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        painted();
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name), png);
        driver.manage().window().setSize(size);
    }
}
