package org.byline.web;

import org.byline.support.Admin;
import org.byline.support.Browser;
import org.byline.support.SharedBrowser;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.XssPayloads;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every payload of ../shared/cases/xss/, typed into the real forms of Debian's headless Chromium as a
 * comment body, a display name and a quote, then read on the essay page, the statement page, the
 * person page and the moderation queue (and pasted into the simulation's CSV tool): nothing runs, and
 * the text is shown as text.
 *
 * <p>How "nothing runs" is told: before any page script, a tripwire replaces alert, confirm, prompt
 * and print with recorders (nearly every payload ends in one of them) and listens for CSP violations.
 * The CSP forbids inline script, so a payload that reached the DOM as markup would not run but would be
 * refused, loudly: a violation means the text became markup, and fails the test like a call does. An
 * open dialog fails any later WebDriver call (UnhandledAlertException). Handlers that wait for a hover,
 * focus or click are not triggered one by one: the page must carry no on* attribute at all, no link
 * other than http, https or mailto, and nothing but the statement tags inside a statement. Pages are
 * read after their load event, when onload and onerror handlers have fired.
 */
class XssBrowserTest {
    private static final String ESSAY = "loss-of-attribution";
    private static final List<String> PAYLOADS = XssPayloads.all();
    /** The moderation queue lists this many reported statements at most, so reports are filed in batches. */
    private static final int QUEUE_BATCH = 200;
    /** The CSV tool lists the first 100 bad rows. */
    private static final int CSV_BATCH = 100;

    /** Types the hostile input, signed in as its author. */
    @RegisterExtension
    static final SharedBrowser writer = new SharedBrowser();
    /** Reads the pages, signed in as a moderator (who sees the queue, and everything a reader sees). */
    @RegisterExtension
    static final SharedBrowser reader = new SharedBrowser();

    private static final String TRIPWIRE = """
            (() => {
              const calls = [];
              Object.defineProperty(window, '__xssCalls', { value: calls });
              for (const name of ['alert', 'confirm', 'prompt', 'print']) {
                Object.defineProperty(window, name, { configurable: false, writable: false,
                  value: function () { calls.push(name + '(' + Array.from(arguments, String).join(', ') + ')'); } });
              }
              document.addEventListener('securitypolicyviolation',
                (e) => calls.push('CSP refused ' + e.violatedDirective + ': ' + (e.sample || e.blockedURI)), true);
            })();
            """;

    /** Everything on the page that inert text could not have caused. */
    private static final String FINDINGS = """
            const found = (window.__xssCalls || ['no tripwire on this page']).slice();
            const statementTags = new Set(['P', 'BR', 'EM', 'STRONG', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'HR', 'DEL']);
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(el.tagName + ' with ' + a.name);
            }
            for (const el of document.querySelectorAll('.statement-body *')) {
              if (!statementTags.has(el.tagName)) found.push(el.tagName + ' inside a statement');
            }
            for (const el of document.querySelectorAll('script, iframe, frame, object, embed, base, meta[http-equiv], svg script')) {
              if (el.tagName !== 'SCRIPT' || new URL(el.src || 'about:blank').origin !== location.origin) found.push(el.outerHTML.slice(0, 200));
            }
            for (const a of document.querySelectorAll('a[href], area[href]')) {
              if (!['http:', 'https:', 'mailto:'].includes(new URL(a.href, location.href).protocol)) found.push('link to ' + a.getAttribute('href'));
            }
            return found;
            """;

    @BeforeAll
    static void armTripwires() {
        for (ChromeDriver driver : List.of(writer.driver(), reader.driver())) {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRIPWIRE));
        }
    }

    @Test
    void payloadsTypedAsCommentBodiesStayTextOnEveryPage() {
        TestApp.run(app -> {
            ChromeDriver author = writer.driver();
            register(author, app, "alice", "Alice Author");
            Map<Long, String> posted = new LinkedHashMap<>();
            author.get(app.baseUrl() + "/essays/" + ESSAY);
            for (String payload : PAYLOADS) {
                String typed = fill(author, author.findElement(By.id("comment-body")), payload);
                submit(author, author.findElement(By.id("comment-form")));
                assertInert(author, "the page after posting " + payload);
                Long id = postedId(author);
                if (id == null) {
                    // refused (e.g. nested too deeply): the form is shown again with the text as it was sent
                    assertThat(author.findElement(By.id("comment-error")).getText()).as("why %s was refused", payload).isNotBlank();
                    assertThat(author.findElement(By.id("comment-body")).getDomProperty("value")).isEqualTo(typed);
                } else {
                    posted.put(id, payload);
                }
            }
            assertThat(posted).hasSizeGreaterThan(PAYLOADS.size() * 9 / 10);
            ChromeDriver moderator = signedInModerator(app);
            for (var statement : posted.entrySet()) {
                moderator.get(app.baseUrl() + "/statements/" + statement.getKey());
                assertInert(moderator, "statement page of " + statement.getValue());
                assertBodiesShowText(statementBodies(moderator, "#s-%d .statement-body", List.of(statement.getKey())),
                        Map.of(statement.getKey(), statement.getValue()));
            }
            moderator.get(app.baseUrl() + "/essays/" + ESSAY);
            assertInert(moderator, "the essay page");
            assertBodiesShowText(statementBodies(moderator, "#s-%d .statement-body", posted.keySet()), posted);
            assertBodiesShowText(personPages(moderator, app, "alice"), posted);
            assertBodiesShowText(queuePages(moderator, app, posted.keySet()), posted);
            assertThat(consoleCspErrors(author)).isEmpty();
        });
    }

    // ---- the browser at work ----

    /** Registers through the form; the browser stays signed in as them. */
    private static void register(ChromeDriver driver, TestApp.Running app, String handle, String displayName) {
        driver.manage().deleteAllCookies();
        driver.get(app.baseUrl() + "/register");
        driver.findElement(By.id("handle")).sendKeys(handle);
        driver.findElement(By.id("displayName")).sendKeys(displayName);
        driver.findElement(By.id("password")).sendKeys("correct horse battery");
        submit(driver, driver.findElement(By.cssSelector("form[action='/register']")));
        assertThat(driver.findElements(By.id("displayName"))).as("registration of %s", handle).isEmpty();
    }

    /** An admin made by the create-admin command, signed in through the login form of the reading browser. */
    private static ChromeDriver signedInModerator(TestApp.Running app) {
        Admin.signedIn(app, "ada");
        ChromeDriver driver = reader.driver();
        driver.manage().deleteAllCookies();
        Browser.signIn(driver, app.baseUrl(), "ada", Admin.PASSWORD, "/moderation");
        return driver;
    }

    /**
     * Puts {@code text} into the field as a paste does (cut at the field's maxlength) and returns what the
     * field then holds. Not typed key by key: that took over a second a payload on a loaded 2-core
     * machine, and Tab or CR cannot be typed into a field anyway (Tab moves the focus, Enter submits).
     */
    private static String fill(ChromeDriver driver, WebElement field, String text) {
        return (String) driver.executeScript("const f = arguments[0];"
                + "f.value = f.maxLength >= 0 ? arguments[1].slice(0, f.maxLength) : arguments[1];"
                + "f.dispatchEvent(new Event('input', { bubbles: true }));"
                + "return f.value;", field, text);
    }

    /** Clicks the form's submit button and waits until the page it leads to has loaded. */
    private static void submit(ChromeDriver driver, WebElement form) {
        driver.executeScript("window.__leaving = true");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d ->
                Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return window.__leaving !== true && document.readyState === 'complete'")));
    }

    /** The statement a post led to ("…#s-12"), or null when the form was shown again. */
    private static Long postedId(ChromeDriver driver) {
        String url = driver.getCurrentUrl();
        int at = url.indexOf("#s-");
        return at < 0 ? null : Long.parseLong(url.substring(at + 3));
    }

    private static void assertInert(ChromeDriver driver, String page) {
        @SuppressWarnings("unchecked")
        List<String> findings = (List<String>) driver.executeScript(FINDINGS);
        assertThat(findings).as("what ran or turned into markup on %s", page).isEmpty();
    }

    /** CSP refusals the console saw (the tripwire should have caught them first, page by page). */
    private static List<String> consoleCspErrors(ChromeDriver driver) {
        return Browser.consoleErrors(driver).stream().filter(m -> m.contains("Content Security Policy")).toList();
    }

    // ---- the pages that list statements ----

    /** The text content of each statement's element, by statement id, for the ids the page shows. */
    private static Map<Long, String> statementBodies(ChromeDriver driver, String selectorPattern, Iterable<Long> ids) {
        List<Long> idList = new ArrayList<>();
        ids.forEach(idList::add);
        List<String> selectors = idList.stream().map(id -> selectorPattern.formatted(id)).toList();
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) driver.executeScript(
                "return arguments[0].map(s => { const el = document.querySelector(s); return el ? el.textContent : null; })", selectors);
        Map<Long, String> shown = new LinkedHashMap<>();
        for (int i = 0; i < idList.size(); i++) {
            assertThat(texts.get(i)).as("%s on %s", selectors.get(i), driver.getCurrentUrl()).isNotNull();
            shown.put(idList.get(i), texts.get(i));
        }
        return shown;
    }

    /** Every statement on a person's pages, following "Older statements" to the end. */
    private static Map<Long, String> personPages(ChromeDriver driver, TestApp.Running app, String handle) {
        Map<Long, String> shown = new LinkedHashMap<>();
        driver.get(app.baseUrl() + "/people/" + handle);
        while (true) {
            assertInert(driver, driver.getCurrentUrl());
            @SuppressWarnings("unchecked")
            Map<String, String> page = (Map<String, String>) driver.executeScript("""
                    const shown = {};
                    for (const a of document.querySelectorAll('.person-statements article.statement')) {
                      shown[a.getAttribute('aria-label').replace('Statement #', '')] = a.querySelector('.statement-body').textContent;
                    }
                    return shown;""");
            page.forEach((id, text) -> shown.put(Long.parseLong(id), text));
            List<WebElement> older = driver.findElements(By.linkText("Older statements"));
            if (older.isEmpty()) {
                return shown;
            }
            driver.get(older.get(0).getDomProperty("href"));
        }
    }

    /** Files a report on each statement (setup, over HTTP), reads the queue in the browser, dismisses the reports. */
    private static Map<Long, String> queuePages(ChromeDriver driver, TestApp.Running app, Iterable<Long> ids) {
        WebClient reporter = app.client().signedUp("reporter");
        WebClient moderator = app.client();
        moderator.login("ada", Admin.PASSWORD);
        List<Long> all = new ArrayList<>();
        ids.forEach(all::add);
        Map<Long, String> shown = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += QUEUE_BATCH) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + QUEUE_BATCH));
            for (long id : batch) {
                WebClient.Page report = reporter.post("/statements/" + id + "/reports", Map.of("reason", "spam", "details", ""));
                assertThat(report.status()).as("report on %d", id).isEqualTo(303);
            }
            driver.get(app.baseUrl() + "/moderation");
            assertInert(driver, "the moderation queue");
            shown.putAll(statementBodies(driver, "#queue-%d .statement-body", batch));
            for (long id : batch) {
                WebClient.Page dismissed = moderator.post("/moderation/statements/" + id + "/dismiss-reports", Map.of("reason", "Read in a test"));
                assertThat(dismissed.status()).as("dismissing reports on %d", id).isEqualTo(303);
            }
        }
        return shown;
    }

    // ---- text as text ----

    private static final Parser COMMONMARK = Parser.builder().build();
    private static final HtmlRenderer ESCAPING_RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    /**
     * Bodies are Markdown, so "shown as text" cannot mean "equal to the payload": `*x*` shows as x. The
     * rule: what the browser shows is the text of CommonMark's own rendering with raw HTML escaped
     * (made here, without the app's code), compared without white space, because where one block
     * ends and the next begins is a space to one text extractor and nothing or a newline to another.
     * Every character a reader should see is there, and no tag, attribute or script became markup.
     */
    private static void assertBodiesShowText(Map<Long, String> shown, Map<Long, String> posted) {
        assertThat(shown.keySet()).as("statements shown").containsExactlyInAnyOrderElementsOf(posted.keySet());
        shown.forEach((id, text) -> assertThat(withoutWhiteSpace(text)).as("text of statement %d, posted as %s", id, posted.get(id))
                .isEqualTo(withoutWhiteSpace(markdownText(posted.get(id)))));
    }

    static String markdownText(String markdown) {
        return Jsoup.parseBodyFragment(ESCAPING_RENDERER.render(COMMONMARK.parse(markdown))).body().text();
    }

    private static String withoutWhiteSpace(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", "");
    }
}
