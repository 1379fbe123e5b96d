package eu.creditbridge.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for a test class: Debian's headless Chromium driven through its chromedriver, started once per class
 * with a fresh profile under {@code target/browser/profiles/}, its cookies deleted after every test so each test signs
 * in afresh. Register it with {@code @RegisterExtension static final Browser browser = new Browser();}. A class drives
 * one service only: cookies ignore ports, and the consoles share 127.0.0.1.
 *
 * <p>Waits are explicit (an element present, a condition true), never sleeps. When a test fails, a screenshot and the
 * page source are saved under {@code target/browser/}; {@link #screenshot(String)} saves named ones under
 * {@code target/screenshots/} (the README's pictures come from there).
 *
 * <p>Without Chromium the tests are skipped with the reason — except under CI ({@code CI=true}), where {@code .ci/run}
 * installs it and a missing browser is a failure.
 */
final class Browser implements BeforeAllCallback, AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path FAILURES = Path.of("target", "browser").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    // Debian's Chromium is newer than any DevTools protocol this Selenium bundles; the tests use WebDriver only,
    // so the warning about it on every start is noise. Held here: java.util.logging keeps loggers weakly.
    private static final List<Logger> QUIET = List.of(quiet("org.openqa.selenium.devtools.CdpVersionFinder"),
            quiet("org.openqa.selenium.chromium.ChromiumDriver"));

    private ChromeDriver driver;
    private WebDriverWait wait;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        Path profile = Files.createDirectories(FAILURES.resolve("profiles").resolve(UUID.randomUUID().toString()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=en-GB"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(FAILURES.resolve(context.getRequiredTestClass().getSimpleName() + ".chromedriver.log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 900));
        // Pages that refresh parts of themselves (htmx) may replace an element between finding and using it.
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            String name = testName(context);
            try {
                Files.createDirectories(FAILURES);
                Files.writeString(FAILURES.resolve(name + ".html"),
                        "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
                saveScreenshot(FAILURES.resolve(name + ".png"));
            } catch (IOException | RuntimeException e) {
                // The test's own failure is what matters; a browser too broken to be photographed says so in the log.
                System.err.println("Could not save the browser's state for " + name + ": " + e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null && driver.getCurrentUrl().startsWith("http")) {
            // Still on the service's page, so these are its cookies: the session ends with the test.
            driver.manage().deleteAllCookies();
            driver.get("about:blank");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Logs in through the form at {@code baseUrl/login} (both consoles use the same ids) and waits to leave it. */
    void logIn(String baseUrl, String username, String password) {
        open(baseUrl + "/login");
        element(By.id("username")).sendKeys(username);
        element(By.id("password")).sendKeys(password);
        element(By.id("login")).click();
        until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Waits for the element to be visible. */
    WebElement element(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for the element to be clickable and clicks it (found afresh if a refresh replaced it meanwhile). */
    void click(By by) {
        until(browser -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(browser);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Waits for the element to be visible and its text to contain {@code text}; returns it. */
    WebElement elementContaining(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** Saves the page as it is now to {@code target/screenshots/<name>.png}, as tall as the page is. */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Dimension window = driver.manage().window().getSize();
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        int pageHeight = height instanceof Number number ? number.intValue() : window.getHeight();
        // The browser's chrome takes part of the window; a little more than the page keeps its bottom in the picture.
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(Math.max(window.getHeight(), pageHeight + 140), 2400)));
        try {
            saveScreenshot(file);
        } finally {
            driver.manage().window().setSize(window);
        }
        return file;
    }

    private void saveScreenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + file, e);
        }
    }

    private static String testName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }
}
