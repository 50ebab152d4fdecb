package org.byline.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium for all the tests of a class (starting one takes seconds), quit after the last:
 * {@code @RegisterExtension static final SharedBrowser browser = new SharedBrowser();}. Without
 * Chromium the class is skipped, or fails under CI (see {@link Browser#requireChromium()}).
 */
public final class SharedBrowser implements BeforeAllCallback, AfterAllCallback {
    private final PageLoadStrategy strategy;
    private ChromeDriver driver;

    public SharedBrowser() {
        this(PageLoadStrategy.NORMAL);
    }

    /** See {@link Browser#start(PageLoadStrategy)}. */
    public SharedBrowser(PageLoadStrategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = Browser.start(strategy);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser is started before the first test of the class");
        }
        return driver;
    }
}
