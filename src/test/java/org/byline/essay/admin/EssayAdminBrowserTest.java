package org.byline.essay.admin;

import org.byline.support.Browser;
import org.byline.support.SharedBrowser;
import org.byline.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's live preview in a real browser (Debian's headless Chromium), under the real CSP. */
class EssayAdminBrowserTest {
    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    private static void signInAsAdmin(TestApp.Running app) {
        Admins.admin(app, "ada");
        Browser.signIn(browser.driver(), app.baseUrl(), "ada", "correct horse battery", "/admin/essays/new");
    }

    @Test
    void typingUpdatesTheSanitisedPreviewWithoutSaving() {
        TestApp.run(app -> {
            signInAsAdmin(app);
            Browser.consoleErrors(browser.driver());
            WebElement text = browser.driver().findElement(By.id("markdown"));
            text.sendKeys("Live **preview**\n\n<script>document.title='owned'</script>");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector("#preview strong")).isEmpty());
            assertThat(browser.driver().findElement(By.cssSelector("#preview strong")).getText()).isEqualTo("preview");
            assertThat(browser.driver().findElement(By.id("preview")).getText()).contains("<script>");
            assertThat(browser.driver().findElements(By.cssSelector("#preview script"))).isEmpty();
            assertThat(browser.driver().getTitle()).doesNotContain("owned");
            assertThat(browser.driver().findElement(By.id("preview-status")).getText()).startsWith("Live preview");
            assertThat(Browser.consoleErrors(browser.driver())).isEmpty();
            assertThat(org.byline.support.Db.count(app.config(), "essays")).isEqualTo(2);
        });
    }
}
