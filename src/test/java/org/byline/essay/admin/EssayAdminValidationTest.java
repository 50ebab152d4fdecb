package org.byline.essay.admin;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.byline.essay.admin.Admins.ATTRIBUTION;

class EssayAdminValidationTest {
    static final String TEXT = "Typed *text* that must come back.\n";

    /** Posts a new essay that is wrong in one field and checks it is refused, re-shown and not written. */
    static Document refused(TestApp.Running app, Map<String, String> fields, String field) {
        WebClient ada = Admins.admin(app, "ada");
        Page page = ada.post("/admin/essays", fields);
        assertThat(page.status()).isEqualTo(422);
        Document doc = page.html();
        assertThat(doc.select(".error-summary a[href=#" + field + "]")).hasSize(1);
        assertThat(doc.getElementById(field + "-error")).isNotNull();
        assertThat(doc.getElementById(field).attr("aria-describedby")).contains(field + "-error");
        assertThat(Db.count(app.config(), "essays")).isEqualTo(2);
        assertThat(Db.count(app.config(), "essay_revisions")).isEqualTo(2);
        return doc;
    }

    @ParameterizedTest(name = "slug \"{0}\"")
    @CsvSource({"Upper-Case", "two--dashes", "'with space'", "trailing-", "ünïcode", "''"})
    void aBadSlugIsRefusedAndTheFormKeepsWhatWasTyped(String slug) {
        TestApp.run(app -> {
            Document doc = refused(app, Admins.essay(slug, "A title", "2024-05-01", TEXT), "slug");
            assertThat(doc.selectFirst("input[name=slug]").val()).isEqualTo(slug);
            assertThat(doc.selectFirst("input[name=title]").val()).isEqualTo("A title");
            assertThat(doc.selectFirst("textarea[name=markdown]").wholeText()).isEqualTo(TEXT);
        });
    }

    @Test
    void aSlugThatIsTakenIsRefused() {
        TestApp.run(app -> {
            Document doc = refused(app, Admins.essay(ATTRIBUTION, "A title", "2024-05-01", TEXT), "slug");
            assertThat(doc.getElementById("slug-error").text()).contains("already an essay");
        });
    }

    @ParameterizedTest(name = "title of {0} characters")
    @CsvSource({"0", "301"})
    void aTitleMustBeOneTo300Characters(int length) {
        TestApp.run(app -> refused(app, Admins.essay("fine-slug", "t".repeat(length), "2024-05-01", TEXT), "title"));
    }

    @Test
    void aTitleOf300CharactersIsAccepted() {
        TestApp.run(app -> {
            Page page = Admins.admin(app, "ada").post("/admin/essays", Admins.essay("fine-slug", "t".repeat(300), "2024-05-01", TEXT));
            assertThat(page.status()).isEqualTo(303);
        });
    }

    @ParameterizedTest(name = "date \"{0}\"")
    @CsvSource({"2024-02-30", "1 May 2024", "2024-5-1", "''"})
    void aDateMustBeYyyyMmDd(String date) {
        TestApp.run(app -> {
            Document doc = refused(app, Admins.essay("fine-slug", "A title", date, TEXT), "date");
            assertThat(doc.selectFirst("textarea[name=markdown]").wholeText()).isEqualTo(TEXT);
        });
    }

    @Test
    void emptyTextIsRefused() {
        TestApp.run(app -> refused(app, Admins.essay("fine-slug", "A title", "2024-05-01", "  \n\n "), "markdown"));
    }

    @Test
    void controlCharactersInTheTextAreRefused() {
        TestApp.run(app -> {
            Document doc = refused(app, Admins.essay("fine-slug", "A title", "2024-05-01", "Bad\u0000byte\n"), "markdown");
            assertThat(doc.getElementById("markdown-error").text()).contains("U+0000");
        });
    }

    @Test
    void textOverAMillionCharactersIsRefused() {
        // (over HTTP the 1 MB request limit answers 413 first; the check still guards every other caller)
        assertThat(EssayForm.markdownProblem("a".repeat(1_000_001))).contains("1,000,000");
        assertThat(EssayForm.markdownProblem("a".repeat(1_000_000))).isNull();
    }

    @Test
    void anInvalidRevisionIsReshownWithTheTextAndWritesNothing() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Map<String, String> fields = Admins.editForm(ada, ATTRIBUTION);
            fields.put("title", "");
            fields.put("markdown", "My new text.\n");
            Page page = ada.post("/admin/essays/" + ATTRIBUTION, fields);
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst("textarea[name=markdown]").wholeText()).isEqualTo("My new text.\n");
            assertThat(page.html().select(".error-summary a[href=#title]")).hasSize(1);
            assertThat(Admins.revisions(app, ATTRIBUTION)).isEqualTo(1);
        });
    }

    @Test
    void revisingAnUnknownEssayIs404() {
        TestApp.run(app -> {
            Page page = Admins.admin(app, "ada").post("/admin/essays/no-such-essay", Admins.essay("", "T", "2024-05-01", TEXT));
            assertThat(page.status()).isEqualTo(404);
            assertThat(Db.count(app.config(), "essays")).isEqualTo(2);
        });
    }
}
