package org.byline.support;

import org.openqa.selenium.By;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Debian's headless Chromium, driven through its own chromedriver (nothing is downloaded). */
public final class Browser {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browser() {
    }

    /** Skips the test on a developer machine without Chromium; fails it under CI, which must have it. */
    public static void requireChromium() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI must run the browser tests: install chromium and chromium-driver (.ci/run does)");
        }
        assumeTrue(present, "chromium and chromium-driver are not installed");
    }

    public static ChromeDriver start() {
        return start(PageLoadStrategy.NORMAL);
    }

    /**
     * A browser whose navigations return at {@code strategy}: NORMAL after the load event, EAGER once
     * the document is parsed (DOMContentLoaded), for a browser that only fills in forms.
     */
    public static ChromeDriver start(PageLoadStrategy strategy) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("byline-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.setPageLoadStrategy(strategy);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,2000",
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Signs in through the login form, as a person would, and waits for the page {@code next} (a path) it leads to. */
    public static void signIn(ChromeDriver driver, String baseUrl, String handle, String password, String next) {
        driver.get(baseUrl + "/login?next=" + next);
        driver.findElement(By.id("handle")).sendKeys(handle);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        // the whole address: the sign-in page's own "/login?next=/moderation" ends with "/moderation" too,
        // and a navigation started before the form's answer arrives is overtaken by it
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(baseUrl + next));
    }

    /** Console messages at SEVERE level (errors, uncaught exceptions, CSP violations) since the last call. */
    public static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }
}
