package org.byline.essay.admin;

import org.byline.support.Browser;
import org.byline.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's live preview in a real browser (Debian's headless Chromium), under the real CSP. */
class EssayAdminBrowserTest {
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static void signInAsAdmin(TestApp.Running app) {
        Admins.admin(app, "ada");
        driver.get(app.baseUrl() + "/login?next=/admin/essays/new");
        driver.findElement(By.id("handle")).sendKeys("ada");
        driver.findElement(By.id("password")).sendKeys("correct horse battery");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/admin/essays/new"));
    }

    @Test
    void typingUpdatesTheSanitisedPreviewWithoutSaving() {
        TestApp.run(app -> {
            signInAsAdmin(app);
            Browser.consoleErrors(driver);
            WebElement text = driver.findElement(By.id("markdown"));
            text.sendKeys("Live **preview**\n\n<script>document.title='owned'</script>");
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector("#preview strong")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("#preview strong")).getText()).isEqualTo("preview");
            assertThat(driver.findElement(By.id("preview")).getText()).contains("<script>");
            assertThat(driver.findElements(By.cssSelector("#preview script"))).isEmpty();
            assertThat(driver.getTitle()).doesNotContain("owned");
            assertThat(driver.findElement(By.id("preview-status")).getText()).startsWith("Live preview");
            assertThat(Browser.consoleErrors(driver)).isEmpty();
            assertThat(org.byline.support.Db.count(app.config(), "essays")).isEqualTo(2);
        });
    }
}
