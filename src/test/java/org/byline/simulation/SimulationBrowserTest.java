package org.byline.simulation;

import org.byline.support.Browser;
import org.byline.support.SharedBrowser;
import org.byline.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The simulation in a real browser (Debian's headless Chromium) against the real server. */
class SimulationBrowserTest {
    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
    }

    private static void open(String url) {
        browser.driver().get(url);
        waiting().until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-sim-ready")));
    }

    private static String point(String attribute) {
        return browser.driver().findElement(By.id("sim-point")).getDomAttribute(attribute);
    }

    private static void waitForReady() {
        waiting().until(d -> "ready".equals(d.findElement(By.id("sim-app")).getDomAttribute("data-state")));
    }

    @Test
    void simulationPageDrawsBothPlotsAndReactsToControls() {
        TestApp.run(app -> {
            Browser.consoleErrors(browser.driver());
            open(app.baseUrl() + "/simulation");
            waitForReady();
            assertThat(browser.driver().findElements(By.cssSelector("#sim-chart-miss-ranges .uplot canvas"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#sim-chart-confidence .uplot canvas"))).isNotEmpty();
            double f1 = Double.parseDouble(point("data-f1"));
            double sklearnLoss = Double.parseDouble(point("data-loss"));
            assertThat(f1).isCloseTo(0.92, within(1e-9));

            new Select(browser.driver().findElement(By.id("sim-rule"))).selectByValue("keras");
            waiting().until(d -> !String.valueOf(sklearnLoss).equals(point("data-loss")));
            waitForReady();
            double kerasLoss = Double.parseDouble(point("data-loss"));
            assertThat(kerasLoss).isLessThan(sklearnLoss);
            assertThat(browser.driver().getCurrentUrl()).contains("rule=keras");

            // A shared link reproduces the same numbers in a fresh page.
            String shared = browser.driver().getCurrentUrl();
            open(shared);
            waitForReady();
            assertThat(Double.parseDouble(point("data-loss"))).isEqualTo(kerasLoss);
            assertThat(new Select(browser.driver().findElement(By.id("sim-rule"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("keras");
            assertThat(Browser.consoleErrors(browser.driver())).isEmpty();
        });
    }

    @Test
    void pastedPredictionsAreScoredInTheBrowserWithoutSendingThem() {
        TestApp.run(app -> {
            Browser.consoleErrors(browser.driver());
            open(app.baseUrl() + "/simulation");
            waitForReady();
            List<String> rows = List.of("label,probability", "1,0.9", "1,0.8", "1,0.3", "0,0.2", "0,0.6", "0,0.01", "1,0.99", "0,0.4");
            browser.driver().findElement(By.id("csv-input")).sendKeys(String.join("\n", rows));
            Number before = (Number) browser.driver().executeScript("return performance.getEntriesByType('resource').length");
            browser.driver().findElement(By.id("csv-analyse")).click();
            waiting().until(d -> "1".equals(d.findElement(By.id("sim-app")).getDomAttribute("data-csv-ready")));

            int tp = 0, fp = 0, fn = 0;
            for (String row : rows.subList(1, rows.size())) {
                boolean positive = row.startsWith("1");
                boolean predicted = Double.parseDouble(row.split(",")[1]) >= 0.5;
                tp += positive && predicted ? 1 : 0;
                fp += !positive && predicted ? 1 : 0;
                fn += positive && !predicted ? 1 : 0;
            }
            assertThat(value("csv-tp")).isEqualTo(tp);
            assertThat(value("csv-fp")).isEqualTo(fp);
            assertThat(value("csv-fn")).isEqualTo(fn);
            assertThat(value("csv-f1")).isCloseTo(2.0 * tp / (2 * tp + fp + fn), within(1e-12));
            assertThat(value("csv-logloss-sklearn")).isGreaterThan(0);
            @SuppressWarnings("unchecked")
            List<String> requested = (List<String>) browser.driver().executeScript(
                    "return performance.getEntriesByType('resource').slice(arguments[0]).map(e => e.name)", before.intValue());
            // Loading the worker's own modules is fine; anything else (or any query string) could carry the data.
            assertThat(requested).as("requests made by the analysis")
                    .allMatch(url -> url.startsWith(app.baseUrl() + "/static/js/sim/") && !url.contains("?"));
            assertThat(Browser.consoleErrors(browser.driver())).isEmpty();
        });
    }

    @Test
    void uploadedCsvFileIsScoredAndBadRowsAreReportedByLine() throws Exception {
        Path csv = Files.createTempFile("predictions-", ".csv");
        Files.writeString(csv, "1,0.9\n0,0.1\nnot,a,row\n1,1.5\n0,0.7\n");
        TestApp.run(app -> {
            open(app.baseUrl() + "/simulation");
            waitForReady();
            browser.driver().findElement(By.id("csv-file")).sendKeys(csv.toString());
            waiting().until(d -> "1".equals(d.findElement(By.id("sim-app")).getDomAttribute("data-csv-ready")));
            List<String> badLines = browser.driver().findElements(By.cssSelector("#csv-errors-list li[data-line]")).stream()
                    .map(li -> li.getDomAttribute("data-line")).toList();
            assertThat(badLines).containsExactly("3", "4");
            assertThat(value("csv-rows")).isEqualTo(3);
            assertThat(value("csv-fp")).isEqualTo(1);
        });
    }

    @Test
    void theFirstEssayShowsBothPlotsLive() {
        TestApp.run(app -> {
            Browser.consoleErrors(browser.driver());
            open(app.baseUrl() + "/essays/f1-score-rises-while-loss-keeps-increasing");
            List<WebElement> live = browser.driver().findElements(By.cssSelector("figure.sim-embed[data-live='1'] .uplot canvas"));
            assertThat(live).hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.driver().findElements(By.cssSelector("figure.sim-embed img"))).isEmpty();
            assertThat(browser.driver().findElement(By.cssSelector("a.sim-open-link")).getDomAttribute("href")).startsWith("/simulation?");
            assertThat(Browser.consoleErrors(browser.driver())).isEmpty();
        });
    }

    private static double value(String id) {
        return Double.parseDouble(browser.driver().findElement(By.id(id)).getDomAttribute("data-value"));
    }
}
