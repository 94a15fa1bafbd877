package no.folkevalgt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import no.folkevalgt.testsupport.Waits;
import org.awaitility.core.ConditionTimeoutException;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the browser tests: Debian's chromium and chromium-driver, found at
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or where {@code CHROMIUM_BIN} and
 * {@code CHROMEDRIVER_BIN} point. Without them {@link #missing()} says how to install them, and the
 * tests skip. Screenshots go to {@code adapters/web/target/screenshots/}, never into docs/.
 */
final class Chromium implements AutoCloseable {

    final ChromeDriver driver;
    final Wait wait;
    final Path screenshots;

    private Chromium(ChromeDriver driver) throws IOException {
        this.driver = driver;
        this.wait = new Wait(driver, Duration.ofSeconds(20));
        this.screenshots = Files.createDirectories(repositoryRoot().resolve("adapters/web/target/screenshots"));
    }

    /** Why the browser tests cannot run here, or null when Chromium and its driver are installed. */
    static String missing() {
        String chromium = setting("CHROMIUM_BIN", "/usr/bin/chromium");
        String chromedriver = setting("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        if (Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver))) {
            return null;
        }
        return "Browser tests skipped: no Chromium at " + chromium + " or no chromedriver at " + chromedriver
                + ". Install them with: apt-get install -y chromium chromium-driver "
                + "(or set CHROMIUM_BIN and CHROMEDRIVER_BIN).";
    }

    /** Starts a headless Chromium with its profile under {@code temp}, Norwegian, without network extras. */
    static Chromium start(Path temp) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-proxy-server", "--lang=nb-NO", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + Files.createDirectories(temp.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(setting("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options));
    }

    /* Types a message in the chat, sends it, and returns the bot's reply as the page shows it (buttons left out). */
    String say(String text) {
        By replies = By.cssSelector("#meldinger .message.bot:not(.pending)");
        int before = driver.findElements(replies).size();
        wait.until(d -> d.findElement(By.id("send")).isEnabled());
        WebElement input = driver.findElement(By.id("sporsmal"));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(replies).size() > before && d.findElement(By.id("send")).isEnabled());
        WebElement reply = driver.findElements(replies).get(before);
        String shown = (String) js("return arguments[0].innerText;", reply);
        List<String> buttons = reply.findElements(By.cssSelector("button, .action-status")).stream()
                .map(WebElement::getText).map(String::strip).toList();
        return shown.lines().map(String::strip).filter(line -> !line.isEmpty() && !buttons.contains(line))
                .map(line -> line.startsWith("Boten svarte:") ? line.substring("Boten svarte:".length()).strip() : line)
                .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** The axe-core rules run on every page and state: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    /**
     * Rules of those tags left out, each with the reason (docs/accessibility.md). None: every rule of the
     * tags above runs. A rule added here must say why it does not apply to these pages.
     */
    static final Map<String, String> AXE_LEFT_OUT = Map.of();

    /**
     * Runs axe-core on the page as it is now and returns its violations, one line each (rule, impact,
     * help, the elements). The full result is written to {@code target/axe/<name>.json} and a line to
     * {@code target/axe/summary.txt}.
     */
    List<String> axe(String name) throws IOException {
        AxeBuilder builder = new AxeBuilder().withTags(AXE_TAGS);
        if (!AXE_LEFT_OUT.isEmpty()) {
            builder.disableRules(List.copyOf(AXE_LEFT_OUT.keySet()));
        }
        Results results = builder.analyze(driver);
        assertThat(results.isErrored()).as("axe ran on %s: %s", name, results.getErrorMessage()).isFalse();
        List<String> violations = results.getViolations().stream().map(Chromium::describe).toList();
        Path dir = Files.createDirectories(screenshots.getParent().resolve("axe"));
        Files.writeString(dir.resolve(name + ".json"), new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(results.getViolations()));
        Files.writeString(dir.resolve("summary.txt"), "axe " + results.getTestEngine().getVersion() + " " + name + ": "
                        + violations.size() + " violations" + violations.stream().map(v -> "\n  " + v).collect(Collectors.joining())
                        + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return violations;
    }

    /** Fails, naming each rule and element, when axe finds anything on the page as it is now. */
    void assertAxeFindsNothing(String name) throws IOException {
        assertThat(axe(name)).as("axe-core violations on %s (%s)", name, driver.getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " – " + rule.getNodes().size() + " node(s): "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }

    void assertNoSidewaysScroll() {
        assertThat((Long) js("return document.documentElement.scrollWidth"))
                .as("the page does not scroll sideways (the window is %s px wide); widest: %s", js("return window.innerWidth"),
                        js("const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
                                + ".filter(e => e.getBoundingClientRect().right > w + 1 && e.parentElement.getBoundingClientRect().right <= w + 1).slice(0, 5)"
                                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)"
                                + " + ' «' + (e.textContent || '').trim().slice(0, 30) + '»').join('; ')"))
                .isLessThanOrEqualTo((Long) js("return document.documentElement.clientWidth"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }

    static Path repositoryRoot() {
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
            try {
                Waits.within(timeout).pollInterval(Duration.ofMillis(100))
                        .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.NoSuchElementException
                                || e instanceof org.openqa.selenium.StaleElementReferenceException)
                        .until(() -> condition.test(driver));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("condition not met within " + timeout + " on " + driver.getCurrentUrl()
                        + "; the page says:\n" + driver.findElement(By.tagName("body")).getText(), e);
            }
        }

        WebElement visible(By by) {
            until(d -> d.findElements(by).stream().anyMatch(WebElement::isDisplayed));
            return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
        }
    }
}
