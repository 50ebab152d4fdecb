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
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every payload of ../shared/cases/xss/, put into the real forms of Debian's headless Chromium as a
 * comment body, a display name and a quote, then read on the essay page, the statement pages, the
 * person pages and the moderation queue; and pasted into the simulation's CSV tool. Nothing runs, and
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
 *
 * <p>Runtime: page loads and WebDriver round trips are the cost. The payloads are spread over
 * essays of {@value #PER_ESSAY}, so the page a post lands on stays short; the writer waits only until
 * that page is parsed (the tripwire still reports what ran), registers with the Quote link's target
 * as its next page, and one statement carries three roles: a payload's quote is posted, as a reply to
 * the statement holding that payload, by the person whose display name is that payload. The reader
 * reads each page once, with one script that returns everything the checks need; a body's statement
 * page shows its quote and the quoter's byline too.
 */
class XssBrowserTest {
    private static final List<String> PAYLOADS = XssPayloads.all();
    /** The moderation queue lists this many reported statements at most, so reports are filed in batches. */
    private static final int QUEUE_BATCH = 200;
    /** The CSV tool lists the first 100 bad rows. */
    private static final int CSV_BATCH = 100;
    /**
     * Payload bodies per essay: the writer lands on the essay page after every post, so its size is
     * the cost of a post; every essay page is read once, in full, by the reader.
     */
    private static final int PER_ESSAY = 20;
    private static final String PASSWORD = "correct horse battery";

    /**
     * Types the hostile input, signed in as its author. It only fills in forms, so a navigation returns
     * once the page is parsed (EAGER): the reader checks every page after its load event.
     */
    @RegisterExtension
    static final SharedBrowser writer = new SharedBrowser(PageLoadStrategy.EAGER);
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

    /** Everything on the page that inert text could not have caused, as a list {@code findings}. */
    private static final String FINDINGS = """
            const findings = (window.__xssCalls || ['no tripwire on this page']).slice();
            const statementTags = new Set(['P', 'BR', 'EM', 'STRONG', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'HR', 'DEL']);
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) if (/^on/i.test(a.name)) findings.push(el.tagName + ' with ' + a.name);
            }
            for (const el of document.querySelectorAll('.statement-body *')) {
              if (!statementTags.has(el.tagName)) findings.push(el.tagName + ' inside a statement');
            }
            for (const el of document.querySelectorAll('script, iframe, frame, object, embed, base, meta[http-equiv], svg script')) {
              if (el.tagName !== 'SCRIPT' || new URL(el.src || 'about:blank').origin !== location.origin) findings.push(el.outerHTML.slice(0, 200));
            }
            for (const a of document.querySelectorAll('a[href], area[href]')) {
              if (!['http:', 'https:', 'mailto:'].includes(new URL(a.href, location.href).protocol)) findings.push('link to ' + a.getAttribute('href'));
            }
            """;

    /**
     * One read of a page: the findings, the title and first heading, and per statement (thread
     * articles, person-page articles, queue items) the byline's name, the body's text and the text of
     * its quote.
     */
    private static final String READ_PAGE = FINDINGS + """
            const statements = {};
            for (const el of document.querySelectorAll('article.statement, li.queue-item')) {
              const id = el.id ? el.id.replace(/^(s|queue)-/, '') : el.getAttribute('aria-label').replace('Statement #', '');
              const body = el.querySelector('.statement-body');
              const quote = body && body.querySelector(':scope > blockquote > p');
              // a thread's byline has the name in its own span; a queue item's link starts with it
              const named = el.querySelector('.byline .name');
              const queueName = el.matches('li.queue-item') ? el.querySelector('.byline a').firstChild.textContent.replace(/ $/, '') : null;
              const quoteLink = el.querySelector(":scope > footer.statement-tools a[href$='?quote=1#reply']");
              statements[id] = { body: body ? body.textContent : null, quote: quote ? quote.textContent : null,
                                 name: named ? named.textContent : queueName, quoteLink: quoteLink ? quoteLink.getAttribute('href') : null };
            }
            const h1 = document.querySelector('h1');
            const older = Array.from(document.querySelectorAll('a')).find(a => a.textContent === 'Older statements');
            return { findings, statements, title: document.title, h1: h1 ? h1.textContent : null, older: older ? older.href : null };
            """;

    @BeforeAll
    static void armTripwires() {
        for (ChromeDriver driver : List.of(writer.driver(), reader.driver())) {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRIPWIRE));
        }
    }

    /**
     * What a statement must show: on which essay, its byline name, its text (as CommonMark shows its
     * Markdown) and its quote, if any.
     */
    private record Expected(String essay, String name, String payload, String text, String quote) {
    }

    @Test
    void payloadsTypedAsBodiesDisplayNamesAndQuotesStayTextOnEveryPage() {
        Timings timings = new Timings();
        TestApp.run(app -> {
            ChromeDriver author = writer.driver();
            Map<Long, Expected> expected = new LinkedHashMap<>();

            // 0. essays to post on, so that no page the writer lands on (and re-parses) grows long
            long start = System.nanoTime();
            List<String> essays = publishedEssays(Admin.signedIn(app, "ada"), (PAYLOADS.size() + PER_ESSAY - 1) / PER_ESSAY);
            timings.add("create and publish an essay over HTTP, as the admin", essays.size(), start);

            // 1. every payload as a comment body, by alice
            start = System.nanoTime();
            register(author, app, "alice", "Alice Author", "/essays/" + essays.get(0));
            timings.add("register alice, open the first essay", 1, start);
            Map<Integer, Long> bodyOf = new LinkedHashMap<>();
            // the Quote link of each body, as the essay page the post landed on serves it
            Map<Long, String> quoteLinkOf = new LinkedHashMap<>();
            start = System.nanoTime();
            String on = essays.get(0);
            for (int i = 0; i < PAYLOADS.size(); i++) {
                String payload = PAYLOADS.get(i);
                String essay = essays.get(i / PER_ESSAY);
                if (!essay.equals(on)) {
                    author.navigate().to(app.baseUrl() + "/essays/" + essay);
                    on = essay;
                }
                Map<String, Object> after = submitComment(author, payload);
                Long id = postedId(after);
                if (id == null) {
                    // refused (e.g. nested too deeply): the form is shown again with the text as it was sent
                    assertInert(author, "the comment form re-shown for " + payload);
                    assertThat((String) after.get("error")).as("why %s was refused", payload).isNotBlank();
                    assertThat(after.get("value")).isEqualTo(after.get("typed"));
                } else {
                    bodyOf.put(i, id);
                    quoteLinkOf.put(id, (String) after.get("quoteLink"));
                    assertThat(quoteLinkOf.get(id)).as("Quote link of statement %d", id).isNotNull();
                    String typed = (String) after.get("typed");
                    expected.put(id, new Expected(essay, "Alice Author", payload, markdownText(typed), null));
                }
            }
            timings.add("post a body through the comment form", PAYLOADS.size(), start);
            assertThat(bodyOf).hasSizeGreaterThan(PAYLOADS.size() * 9 / 10);

            // 2. every payload as a display name; an accepted person lands on (and posts) the quote of the
            // statement holding the same payload, registering with the Quote link's target as next
            Map<Integer, String> refusedNames = new LinkedHashMap<>();
            Map<String, String> personNames = new LinkedHashMap<>();
            start = System.nanoTime();
            long quoteNanos = 0;
            for (int i = 0; i < PAYLOADS.size(); i++) {
                String payload = PAYLOADS.get(i);
                String essay = essays.get(i / PER_ESSAY);
                Long source = bodyOf.get(i);
                String handle = "person" + i;
                String next = source == null ? "/essays/" + essay : quoteLinkOf.get(source);
                Map<String, Object> after = submitRegistration(author, app, handle, payload, next);
                String typed = (String) after.get("typed");
                String name = typed.strip().replaceAll("\\s+", " "); // the app's normalisation
                if (after.get("problem") != null) {
                    assertInert(author, "the registration form re-shown for " + payload);
                    assertThat((String) after.get("problem")).as("why %s was refused", payload).isNotBlank();
                    assertThat(after.get("value")).as("the display name shown again").isEqualTo(name);
                    refusedNames.put(i, typed);
                    continue;
                }
                assertThat((String) after.get("url")).as("where registering led").isEqualTo(app.baseUrl() + next);
                personNames.put(handle, name);
                long quoteStart = System.nanoTime();
                if (source == null) {
                    long id = postedId(submitComment(author, "A statement by " + handle));
                    expected.put(id, new Expected(essay, name, payload, "A statement by " + handle, null));
                } else {
                    long id = postQuote(author, source, after);
                    expected.put(id, new Expected(essay, name, payload, expected.get(source).text(), expected.get(source).text()));
                }
                quoteNanos += System.nanoTime() - quoteStart;
            }
            timings.add("register with a display name (incl. quotes below)", PAYLOADS.size(), start);
            timings.addNanos("  of which: post the quote (or a statement), as the new person", personNames.size(), quoteNanos);
            assertThat(personNames).as("accepted display names").hasSizeGreaterThan(PAYLOADS.size() / 4);

            // the quotes of payloads whose display name was refused, by one more person
            start = System.nanoTime();
            register(author, app, "quoter", "Quinn Quoter", "/essays/" + essays.get(0));
            int quotedByQuinn = 0;
            for (int i : refusedNames.keySet()) {
                Long source = bodyOf.get(i);
                if (source != null) {
                    author.navigate().to(app.baseUrl() + quoteLinkOf.get(source));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> form = (Map<String, Object>) author.executeScript(QUOTE_FORM);
                    long id = postQuote(author, source, form);
                    expected.put(id, new Expected(expected.get(source).essay(), "Quinn Quoter", PAYLOADS.get(i),
                            expected.get(source).text(), expected.get(source).text()));
                    quotedByQuinn++;
                }
            }
            timings.add("open the Quote link's target and post the quote, as one person", quotedByQuinn, start);

            // 3. the pages, read as a moderator after their load event
            start = System.nanoTime();
            ChromeDriver moderator = signedInModerator(app);
            timings.add("sign the admin in through the form", 1, start);
            start = System.nanoTime();
            // a body's page shows its replies too, so one read covers the body, its quote and the quoter's byline
            Set<Long> onStatementPages = new HashSet<>();
            List<Long> pagesToRead = new ArrayList<>(bodyOf.values());
            for (int p = 0; p < pagesToRead.size(); p++) {
                long id = pagesToRead.get(p);
                Expected want = expected.get(id);
                Map<String, Object> page = read(moderator, app.baseUrl() + "/statements/" + id, "statement page of " + want.payload());
                Map<String, Map<String, String>> shown = statements(page);
                assertThat(shown).as("statement %d on its page", id).containsKey(String.valueOf(id));
                assertShown(page, filtered(expected, shown.keySet()));
                String title = "Statement #" + id + " by " + want.name();
                assertThat((String) page.get("title")).as("title of statement %d", id).startsWith(title + " · ");
                assertThat((String) page.get("h1")).as("heading of statement %d", id).startsWith(title + " @");
                if (quoteLinkOf.containsKey(id)) {
                    assertThat(shown.get(String.valueOf(id)).get("quoteLink")).as("Quote link of statement %d", id).isEqualTo(quoteLinkOf.get(id));
                }
                shown.keySet().forEach(shownId -> onStatementPages.add(Long.parseLong(shownId)));
                if (p == pagesToRead.size() - 1) {
                    // statements no body's page showed (those of people whose payload body was refused)
                    expected.keySet().stream().filter(e -> !onStatementPages.contains(e)).forEach(pagesToRead::add);
                }
            }
            assertThat(onStatementPages).as("statements shown on a statement page").containsAll(expected.keySet());
            timings.add("read a statement page", pagesToRead.size(), start);

            start = System.nanoTime();
            for (String essay : essays) {
                Map<String, Object> essayPage = read(moderator, app.baseUrl() + "/essays/" + essay, "the essay page " + essay);
                Map<Long, Expected> onEssay = new LinkedHashMap<>();
                expected.forEach((id, want) -> {
                    if (want.essay().equals(essay)) {
                        onEssay.put(id, want);
                    }
                });
                assertThat(statements(essayPage).keySet()).as("statements on %s", essay)
                        .containsExactlyInAnyOrderElementsOf(onEssay.keySet().stream().map(String::valueOf).toList());
                assertShown(essayPage, onEssay);
            }
            timings.add("read an essay page (up to " + PER_ESSAY + " payload bodies + replies)", essays.size(), start);

            start = System.nanoTime();
            for (var person : personNames.entrySet()) {
                Map<String, Object> page = read(moderator, app.baseUrl() + "/people/" + person.getKey(), "person page of " + person.getValue());
                assertThat(page.get("h1")).as("heading of @%s", person.getKey()).isEqualTo(person.getValue() + " @" + person.getKey());
                assertThat((String) page.get("title")).as("title of @%s", person.getKey()).startsWith(person.getValue() + " (@" + person.getKey() + ")");
                assertThat(statements(page)).as("statements of @%s", person.getKey()).hasSize(1);
                assertShown(page, filtered(expected, statements(page).keySet()));
            }
            timings.add("read a person page", personNames.size(), start);

            start = System.nanoTime();
            assertShown(personPages(moderator, app, "alice"), filtered(expected, bodyOf.values()));
            Map<String, Object> quinn = personPages(moderator, app, "quoter");
            assertThat(statements(quinn)).hasSize(quotedByQuinn);
            assertShown(quinn, filtered(expected, statements(quinn).keySet()));
            timings.add("read all pages of @alice and @quoter", 2, start);

            start = System.nanoTime();
            queuePages(moderator, app, expected);
            timings.add("report " + QUEUE_BATCH + " over HTTP, read the queue, dismiss them", (expected.size() + QUEUE_BATCH - 1) / QUEUE_BATCH, start);
            assertThat(consoleCspErrors(author)).isEmpty();
            timings.heading("XssBrowserTest: " + PAYLOADS.size() + " payloads, " + bodyOf.size() + " bodies, "
                    + personNames.size() + " names accepted, " + refusedNames.size() + " refused, "
                    + (expected.size() - bodyOf.size()) + " statements by the named people and @quoter");
        });
        // printed outside the app's run, which captures what is printed during it
        timings.print();
    }

    /** Creates {@code count} essays through the essay desk's form and publishes them; returns their slugs. */
    private static List<String> publishedEssays(WebClient admin, int count) {
        List<String> slugs = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String slug = "hostile-text-" + n;
            WebClient.Page created = admin.post("/admin/essays", Map.of("slug", slug, "title", "Hostile text, part " + n,
                    "date", "2024-05-01", "markdown", "A paragraph to comment on."));
            assertThat(created.status()).as("essay %s created", slug).isEqualTo(303);
            assertThat(admin.post("/admin/essays/" + slug + "/publish", Map.of()).status()).as("essay %s published", slug).isEqualTo(303);
            slugs.add(slug);
        }
        return slugs;
    }

    /**
     * The CSV tool parses pasted rows in the page and lists bad rows by line number, quoting the bad
     * field. Every payload line is a bad row: each must be listed, by its line, as a plain text item
     * whose quoted field is a piece of that line; nothing is analysed, nothing runs.
     */
    @Test
    void payloadsPastedIntoTheCsvToolAreListedByLineAsText() {
        Timings timings = new Timings();
        TestApp.run(app -> {
            ChromeDriver driver = reader.driver();
            long start = System.nanoTime();
            driver.navigate().to(app.baseUrl() + "/simulation");
            new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20)).until(d ->
                    Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return document.body.dataset.simReady === '1'")));
            List<List<String>> batches = csvBatches();
            for (List<String> batch : batches) {
                WebElement analyse = (WebElement) driver.executeScript(PASTE + """
                        paste(document.getElementById('csv-input'), arguments[0]);
                        return document.getElementById('csv-analyse');""", "label,probability\n" + String.join("\n", batch));
                analyse.click();
                @SuppressWarnings("unchecked")
                Map<String, Object> result = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(10)).until(d ->
                        (Map<String, Object>) ((ChromeDriver) d).executeScript(CSV_RESULT));
                String what = "CSV batch from " + batch.get(0);
                assertThat((List<?>) result.get("findings")).as("what ran or turned into markup, %s", what).isEmpty();
                assertThat((List<?>) result.get("problems")).as("error items not shown as text by line, %s", what).isEmpty();
                assertThat(String.valueOf(result.get("listed"))).as("bad rows listed, %s", what).isEqualTo(String.valueOf(result.get("badLines")));
                assertThat(result.get("status")).as("status, %s", what).isEqualTo("Nothing to analyse in the pasted rows: no valid rows.");
                assertThat(result.get("resultsHidden")).as("results hidden, %s", what).isEqualTo(true);
            }
            timings.add("paste up to " + CSV_BATCH + " payload rows into the CSV tool, analyse, read", batches.size(), start);
        });
        timings.print();
    }

    /** The payloads in batches of at most {@link #CSV_BATCH} lines in the textarea, where a CR inside a payload starts a line. */
    private static List<List<String>> csvBatches() {
        List<List<String>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int lines = 0;
        for (String payload : PAYLOADS) {
            int payloadLines = payload.split("\r\n|\r|\n", -1).length;
            if (lines + payloadLines > CSV_BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
                lines = 0;
            }
            batch.add(payload);
            lines += payloadLines;
        }
        batches.add(batch);
        return batches;
    }

    /**
     * After an analysis: each bad line of the textarea (after the header, not blank) against the
     * listed errors. An item must be exactly "line N: message", text only, for a line that is bad,
     * and a field it quotes must be (the start of) a field of that line.
     */
    private static final String CSV_RESULT = FINDINGS + """
            if (document.getElementById('sim-app').dataset.csvReady !== '1') return null;
            const lines = document.getElementById('csv-input').value.split('\\n');
            const badLines = [];
            lines.forEach((line, i) => { if (i > 0 && line.trim() !== '') badLines.push(i + 1); });
            const problems = [];
            const listed = [];
            const message = /^line (\\d+): (expected 2 columns \\(label, probability\\), found \\d+|(label must be 0 or 1|probability must be a number from 0 to 1), found (".*"))$/s;
            for (const li of document.querySelectorAll('#csv-errors-list > li')) {
              const m = message.exec(li.textContent);
              if (li.children.length > 0 || !m || li.dataset.line !== m[1]) { problems.push(li.innerHTML.slice(0, 200)); continue; }
              listed.push(Number(m[1]));
              if (m[4] !== undefined) {
                const field = JSON.parse(m[4]).replace(/…$/, '');
                if (!lines[Number(m[1]) - 1].includes(field)) problems.push('line ' + m[1] + ' has no field ' + m[4]);
              }
            }
            return { findings, problems, listed, badLines,
                     status: document.getElementById('csv-status').textContent,
                     resultsHidden: document.getElementById('csv-results').hidden };
            """;

    // ---- the browser at work ----

    /** Registers through the form and lands on {@code next}; the browser stays signed in as them. */
    private static void register(ChromeDriver driver, TestApp.Running app, String handle, String displayName, String next) {
        Map<String, Object> after = submitRegistration(driver, app, handle, displayName, next);
        assertThat(after.get("problem")).as("registration of %s", handle).isNull();
    }

    /**
     * Opens the registration form (signed in as the last person or not: registering signs the new
     * person in), fills it (the display name as a paste: cut at the field's maxlength) and submits it. Returns the page it led to, with "typed" (what the field held), when
     * it was refused "problem" and "value" (the display name the form shows again), and when it led to
     * a filled-in quote form, what {@link #QUOTE_FORM} returns.
     */
    private static Map<String, Object> submitRegistration(ChromeDriver driver, TestApp.Running app, String handle, String displayName, String next) {
        driver.get(app.baseUrl() + "/register?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        Object typed = driver.executeScript(PASTE + """
                document.getElementById('handle').value = arguments[0];
                document.getElementById('password').value = arguments[2];
                const typed = paste(document.getElementById('displayName'), arguments[1]);
                window.__leaving = true;
                document.querySelector("form[action='/register'] button[type=submit]").click();
                return typed;""", handle, displayName, PASSWORD);
        Map<String, Object> after = whereItLed(driver, """
                const problem = document.querySelector('#displayName-error, #handle-error, #password-error');
                const field = document.getElementById('displayName');
                return Object.assign({ problem: problem ? problem.textContent : null, value: field ? field.value : null },
                                     document.getElementById('comment-quote') ? (() => {
                """ + QUOTE_FORM + """
                })() : {});""");
        after.put("typed", typed);
        return after;
    }

    /** Pastes {@code body} into the comment form of the page the browser is on and posts it. */
    private static Map<String, Object> submitComment(ChromeDriver driver, String body) {
        Object typed = driver.executeScript(PASTE + """
                const typed = paste(document.getElementById('comment-body'), arguments[0]);
                window.__leaving = true;
                document.querySelector('#comment-form button[type=submit]').click();
                return typed;""", body);
        Map<String, Object> after = whereItLed(driver, POSTED);
        after.put("typed", typed);
        return after;
    }

    /**
     * Posts the reply form that a Quote link's target shows filled in ({@code form}: what
     * {@link #QUOTE_FORM} read there) as it is, and returns the statement it made.
     */
    private static long postQuote(ChromeDriver driver, long source, Map<String, Object> form) {
        assertThat((String) form.get("quote")).as("source named by the Quote link of %d", source).startsWith(source + "@");
        driver.executeScript("arguments[0].click();", form.get("submit"));
        Map<String, Object> after = whereItLed(driver, POSTED);
        assertThat(after.get("error")).as("the quote of statement %d refused", source).isNull();
        return postedId(after);
    }

    /** On a Quote link's target: the source the reply form names, and its submit button (which leaves the page). */
    private static final String QUOTE_FORM = """
            window.__leaving = true;
            return { quote: document.getElementById('comment-quote').value,
                     submit: document.querySelector('#comment-form button[type=submit]') };""";

    private static final String PASTE = """
            const paste = (f, text) => {
              f.value = f.maxLength >= 0 ? text.slice(0, f.maxLength) : text;
              f.dispatchEvent(new Event('input', { bubbles: true }));
              return f.value;
            };
            """;

    /** After a comment form was sent: its error and text if shown again, else the Quote link of the statement posted. */
    private static final String POSTED = """
            const error = document.getElementById('comment-error');
            const field = document.getElementById('comment-body');
            const posted = /#s-(\\d+)$/.exec(location.href);
            const quote = posted && document.querySelector('#s-' + posted[1] + " .statement-tools a[href$='?quote=1#reply']");
            return { error: error ? error.textContent : null, value: field ? field.value : null,
                     quoteLink: quote ? quote.getAttribute('href') : null };""";

    /**
     * After a script clicked a submit button in the page (having set {@code window.__leaving} there),
     * waits until the page it leads to is parsed (not for its load event: the reader checks the pages
     * after theirs); then runs {@code state} there and returns its result with "url" and "calls" (what
     * the tripwire caught on the way, which fails the test). The button is clicked by the page's own
     * script rather than through WebDriver: the same form submission, one round trip fewer.
     */
    private static Map<String, Object> whereItLed(ChromeDriver driver, String state) {
        @SuppressWarnings("unchecked")
        Map<String, Object> after = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(10)).until(d -> (Map<String, Object>)
                ((ChromeDriver) d).executeScript("if (window.__leaving === true || document.readyState === 'loading') return null;"
                        + "const state = (() => {" + state + "})();"
                        + "return Object.assign({}, state, { url: location.href, calls: (window.__xssCalls || ['no tripwire']).slice() });"));
        assertThat((List<?>) after.get("calls")).as("what ran on %s", after.get("url")).isEmpty();
        return new LinkedHashMap<>(after);
    }

    /** The admin (made by the create-admin command), signed in through the login form of the reading browser. */
    private static ChromeDriver signedInModerator(TestApp.Running app) {
        ChromeDriver driver = reader.driver();
        driver.manage().deleteAllCookies();
        Browser.signIn(driver, app.baseUrl(), "ada", Admin.PASSWORD, "/moderation");
        return driver;
    }

    /** The statement a post led to ("…#s-12"), or null when the form was shown again. */
    private static Long postedId(Map<String, Object> after) {
        String url = (String) after.get("url");
        int at = url.indexOf("#s-");
        return at < 0 ? null : Long.parseLong(url.substring(at + 3));
    }

    private static void assertInert(ChromeDriver driver, String page) {
        @SuppressWarnings("unchecked")
        List<String> findings = (List<String>) driver.executeScript(FINDINGS + "return findings;");
        assertThat(findings).as("what ran or turned into markup on %s", page).isEmpty();
    }

    /** CSP refusals the console saw (the tripwire should have caught them first, page by page). */
    private static List<String> consoleCspErrors(ChromeDriver driver) {
        return Browser.consoleErrors(driver).stream().filter(m -> m.contains("Content Security Policy")).toList();
    }

    // ---- reading pages ----

    /** Opens {@code url} and reads it in one script: fails on anything that ran or became markup. */
    private static Map<String, Object> read(ChromeDriver driver, String url, String what) {
        driver.navigate().to(url);
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) driver.executeScript(READ_PAGE);
        assertThat((List<?>) page.get("findings")).as("what ran or turned into markup on %s (%s)", what, url).isEmpty();
        return page;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> statements(Map<String, Object> page) {
        return (Map<String, Map<String, String>>) page.get("statements");
    }

    /** Every statement on a person's pages, following "Older statements" to the end, as one page. */
    private static Map<String, Object> personPages(ChromeDriver driver, TestApp.Running app, String handle) {
        Map<String, Map<String, String>> shown = new LinkedHashMap<>();
        String url = app.baseUrl() + "/people/" + handle;
        while (url != null) {
            Map<String, Object> page = read(driver, url, "a page of @" + handle);
            shown.putAll(statements(page));
            url = (String) page.get("older");
        }
        return Map.of("statements", shown);
    }

    /** Files a report on each statement (setup, over HTTP), reads the queue in the browser, dismisses the reports. */
    private static void queuePages(ChromeDriver driver, TestApp.Running app, Map<Long, Expected> expected) {
        WebClient reporter = app.client().signedUp("reporter");
        WebClient moderator = app.client();
        moderator.login("ada", Admin.PASSWORD);
        List<Long> all = new ArrayList<>(expected.keySet());
        for (int from = 0; from < all.size(); from += QUEUE_BATCH) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + QUEUE_BATCH));
            for (long id : batch) {
                WebClient.Page report = reporter.post("/statements/" + id + "/reports", Map.of("reason", "spam", "details", ""));
                assertThat(report.status()).as("report on %d", id).isEqualTo(303);
            }
            Map<String, Object> queue = read(driver, app.baseUrl() + "/moderation", "the moderation queue");
            assertThat(statements(queue).keySet()).as("the queue").containsExactlyInAnyOrderElementsOf(batch.stream().map(String::valueOf).toList());
            assertShown(queue, filtered(expected, batch));
            for (long id : batch) {
                WebClient.Page dismissed = moderator.post("/moderation/statements/" + id + "/dismiss-reports", Map.of("reason", "Read in a test"));
                assertThat(dismissed.status()).as("dismissing reports on %d", id).isEqualTo(303);
            }
        }
    }

    private static Map<Long, Expected> filtered(Map<Long, Expected> expected, Iterable<?> ids) {
        Map<Long, Expected> some = new LinkedHashMap<>();
        for (Object id : ids) {
            long key = Long.parseLong(String.valueOf(id));
            some.put(key, expected.get(key));
        }
        return some;
    }

    // ---- text as text ----

    /**
     * Each expected statement is on the page, with its byline's name exactly (where the page shows
     * one), its quote's text exactly, and its body's text as CommonMark shows it.
     */
    private static void assertShown(Map<String, Object> page, Map<Long, Expected> expected) {
        Map<String, Map<String, String>> shown = statements(page);
        expected.forEach((id, want) -> {
            Map<String, String> got = shown.get(String.valueOf(id));
            assertThat(got).as("statement %d (%s) on the page", id, want.payload()).isNotNull();
            if (got.get("name") != null) {
                assertThat(got.get("name")).as("byline of statement %d, display name %s", id, want.payload()).isEqualTo(want.name());
            }
            assertThat(withoutWhiteSpace(got.get("body"))).as("text of statement %d, from %s", id, want.payload())
                    .isEqualTo(withoutWhiteSpace(want.text()));
            if (want.quote() != null) {
                assertThat(got.get("quote")).as("quote in statement %d of %s", id, want.payload()).isEqualTo(want.quote());
            }
        });
    }

    private static final Parser COMMONMARK = Parser.builder().build();
    private static final HtmlRenderer ESCAPING_RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    /**
     * Bodies are Markdown, so "shown as text" cannot mean "equal to the payload": `*x*` shows as x. The
     * rule: what the browser shows is the text of CommonMark's own rendering with raw HTML escaped
     * (made here, without the app's code), compared without white space, because where one block
     * ends and the next begins is a space to one text extractor and nothing or a newline to another.
     * Every character a reader should see is there, and no tag, attribute or script became markup.
     * A quote is one paragraph of that text, so it is compared exactly.
     */
    static String markdownText(String markdown) {
        return Jsoup.parseBodyFragment(ESCAPING_RENDERER.render(COMMONMARK.parse(markdown))).body().text();
    }

    private static String withoutWhiteSpace(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", "");
    }

    /** Time per step, printed with the test's output so the cost of each phase stays visible. */
    private static final class Timings {
        private final StringBuilder lines = new StringBuilder();

        void add(String step, int count, long startNanos) {
            addNanos(step, count, System.nanoTime() - startNanos);
        }

        void addNanos(String step, int count, long nanos) {
            lines.append(String.format("  %-62s %5d × %6.1f ms = %6.1f s%n", step, count,
                    nanos / 1e6 / Math.max(1, count), nanos / 1e9));
        }

        void heading(String heading) {
            lines.insert(0, heading + "\n");
        }

        void print() {
            System.out.println(lines);
        }
    }
}
