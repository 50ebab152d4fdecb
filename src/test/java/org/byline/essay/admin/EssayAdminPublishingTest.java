package org.byline.essay.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.byline.support.HtmlSafety;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.byline.essay.admin.Admins.ATTRIBUTION;

class EssayAdminPublishingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SLUG = "on-drafts";
    static final String TEXT = "The first paragraph of a *draft*.\n\nThe second paragraph.\n";

    static java.util.List<String> indexSlugs(WebClient client) {
        return client.get("/").html().select(".essay-card h2 a").eachAttr("href");
    }

    static java.util.List<String> apiSlugs(WebClient client) throws Exception {
        return JSON.readTree(client.get("/api/essays").body()).findValuesAsText("slug");
    }

    @Test
    void aNewEssayStartsAsADraftThatReadersCannotFind() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Page created = ada.post("/admin/essays", Admins.essay(SLUG, "On drafts", "2024-05-01", TEXT));
            assertThat(created.status()).isEqualTo(303);
            assertThat(created.location()).isEqualTo("/admin/essays/" + SLUG + "/edit?done=created");
            assertThat(indexSlugs(app.client())).doesNotContain("/essays/" + SLUG);
            assertThat(apiSlugs(app.client())).doesNotContain(SLUG);
            assertThat(app.client().get("/essays/" + SLUG).status()).isEqualTo(404);
            WebClient member = app.client().signedUp("bob");
            assertThat(member.get("/essays/" + SLUG).status()).isEqualTo(404);
            assertThat(member.get("/api/essays/" + SLUG + "/comments").status()).isEqualTo(404);
        });
    }

    @Test
    void nobodyCanCommentOnADraft() {
        TestApp.run(app -> {
            Admins.createDraft(Admins.admin(app, "ada"), SLUG, "On drafts", TEXT);
            Page page = app.client().signedUp("bob").comment(SLUG, "First!");
            assertThat(page.status()).isEqualTo(404);
            assertThat(org.byline.support.Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void adminsSeeADraftAtItsAddressUnderAnUnpublishedBanner() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Admins.createDraft(ada, SLUG, "On drafts", TEXT);
            Page page = ada.get("/essays/" + SLUG);
            assertThat(page.status()).isEqualTo(200);
            Document doc = page.html();
            assertThat(doc.selectFirst(".unpublished-banner").text()).contains("Unpublished");
            assertThat(doc.selectFirst("h1").text()).isEqualTo("On drafts");
            assertThat(doc.select(".essay-body p[id^=p-]").eachText())
                    .containsExactly("The first paragraph of a draft.", "The second paragraph.");
            assertThat(doc.selectFirst(".essay-header .meta a").text()).isEqualTo("Person ada @ada");
        });
    }

    @Test
    void publishingPutsTheEssayOnTheIndexAndTheApi() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Admins.createDraft(ada, SLUG, "On drafts", TEXT);
            Page published = ada.post("/admin/essays/" + SLUG + "/publish", Map.of());
            assertThat(published.status()).isEqualTo(303);
            assertThat(indexSlugs(app.client())).contains("/essays/" + SLUG);
            assertThat(apiSlugs(app.client())).contains(SLUG);
            Page read = app.client().get("/essays/" + SLUG);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.html().select(".unpublished-banner")).isEmpty();
            assertThat(read.html().selectFirst("#p-2").text()).isEqualTo("The second paragraph.");
        });
    }

    @Test
    void revisingAddsARevisionAttributedToTheRevisingAdminAndKeepsTheOld() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Admins.createDraft(ada, SLUG, "On drafts", TEXT);
            ada.post("/admin/essays/" + SLUG + "/publish", Map.of());
            WebClient grace = Admins.admin(app, "grace");
            Page revised = Admins.revise(grace, SLUG, "A rewritten first paragraph.\n\nThe second paragraph.\n");
            assertThat(revised.status()).isEqualTo(303);
            assertThat(revised.location()).endsWith("?done=revised");
            assertThat(Admins.revisions(app, SLUG)).isEqualTo(2);

            Document list = grace.get("/admin/essays/" + SLUG + "/revisions").html();
            assertThat(list.select("tr.revision").eachAttr("data-revision")).containsExactly("2", "1");
            assertThat(list.selectFirst("tr.revision[data-revision=2] .made-by").text()).isEqualTo("Person grace @grace");
            assertThat(list.selectFirst("tr.revision[data-revision=1] .made-by").text()).isEqualTo("Person ada @ada");
            assertThat(list.selectFirst("tr.revision[data-revision=2] .source").text()).isEqualTo("written in the browser");

            Document first = grace.get("/admin/essays/" + SLUG + "/revisions/1").html();
            assertThat(first.selectFirst("#markdown-source").text()).contains("The first paragraph of a *draft*.");
            assertThat(first.selectFirst(".revision-meta").text()).contains("Person ada @ada");

            Document reader = app.client().get("/essays/" + SLUG).html();
            assertThat(reader.selectFirst("#p-1").text()).isEqualTo("A rewritten first paragraph.");
            // the byline stays the essay's author; the revision names its own
            assertThat(reader.selectFirst(".essay-header .meta a").text()).isEqualTo("Person ada @ada");
        });
    }

    @Test
    void savingUnchangedTextMakesNoRevisionAndSaysSo() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Map<String, String> unchanged = Admins.editForm(ada, ATTRIBUTION);
            Page page = ada.post("/admin/essays/" + ATTRIBUTION, unchanged);
            assertThat(page.status()).isEqualTo(303);
            assertThat(Admins.revisions(app, ATTRIBUTION)).isEqualTo(1);
            Document edit = ada.get(page.location()).html();
            assertThat(edit.selectFirst(".notice").text()).contains("Nothing changed").contains("no new revision");
        });
    }

    @Test
    void unpublishingTakesTheEssayOffTheIndexApiAndReadersPages() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Page page = ada.post("/admin/essays/" + ATTRIBUTION + "/unpublish", Map.of());
            assertThat(page.status()).isEqualTo(303);
            assertThat(indexSlugs(app.client())).doesNotContain("/essays/" + ATTRIBUTION).hasSize(1);
            assertThat(apiSlugs(app.client())).doesNotContain(ATTRIBUTION);
            assertThat(app.client().get("/essays/" + ATTRIBUTION).status()).isEqualTo(404);
            assertThat(app.client().signedUp("bob").get("/essays/" + ATTRIBUTION).status()).isEqualTo(404);
            assertThat(ada.get("/essays/" + ATTRIBUTION).html().select(".unpublished-banner")).hasSize(1);
        });
    }

    @Test
    void theAdminListShowsEveryEssayWithStatusRevisionCountAndLatestEditor() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Admins.createDraft(ada, SLUG, "On drafts", TEXT);
            Admins.revise(Admins.admin(app, "grace"), SLUG, "Revised.\n");
            Document list = ada.get("/admin/essays").html();
            assertThat(list.select("tr.admin-essay")).hasSize(3);
            var draft = list.selectFirst("tr.admin-essay[data-slug=" + SLUG + "]");
            assertThat(draft.selectFirst(".status-badge").text()).isEqualTo("Draft");
            assertThat(draft.selectFirst(".revision-count").text()).isEqualTo("2 revisions");
            assertThat(draft.selectFirst(".latest-editor").text()).contains("Person grace @grace");
            var seed = list.selectFirst("tr.admin-essay[data-slug=" + ATTRIBUTION + "]");
            assertThat(seed.selectFirst(".status-badge").text()).isEqualTo("Published");
            assertThat(seed.selectFirst(".revision-count").text()).isEqualTo("1 revision");
        });
    }

    @Test
    void thePreviewButtonRendersTheTextSanitisedWithoutSaving() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Map<String, String> fields = Admins.essay(SLUG, "On drafts", "2024-05-01",
                    "Some *emphasis*.\n\n<script>alert(1)</script> [x](javascript:alert(1))\n");
            fields.put("intent", "preview");
            Page page = ada.post("/admin/essays", fields);
            assertThat(page.status()).isEqualTo(200);
            Document doc = page.html();
            assertThat(doc.selectFirst("#preview em").text()).isEqualTo("emphasis");
            assertThat(doc.selectFirst("#preview").text()).contains("<script>alert(1)</script>");
            assertThat(doc.selectFirst("textarea[name=markdown]").wholeText()).contains("Some *emphasis*.");
            assertThat(HtmlSafety.problems(page.body())).isEmpty();
            assertThat(org.byline.support.Db.count(app.config(), "essays")).isEqualTo(2);
        });
    }

    @Test
    void theLivePreviewAnswersWithSanitisedHtmlOnly() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            Page page = ada.post("/admin/preview", Map.of("markdown",
                    "Hello **world**\n\n<img src=x onerror=alert(1)>\n\n[[figure:confidence|Caption]]\n"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.html().selectFirst("strong").text()).isEqualTo("world");
            assertThat(page.html().select("figure img[src=/static/img/sim/confidence.svg]")).hasSize(1);
            assertThat(page.body()).doesNotContain("<img src=\"x\"").doesNotContain("<html");
            assertThat(HtmlSafety.problems(page.body())).isEmpty();
        });
    }

    @Test
    void aRevisionSavedMeanwhileIsNotOverwritten() {
        TestApp.run(app -> {
            WebClient ada = Admins.admin(app, "ada");
            WebClient grace = Admins.admin(app, "grace");
            Map<String, String> stale = Admins.editForm(ada, ATTRIBUTION);
            assertThat(Admins.revise(grace, ATTRIBUTION, "Grace's version.\n").status()).isEqualTo(303);
            stale.put("markdown", "Ada's version.\n");
            Page page = ada.post("/admin/essays/" + ATTRIBUTION, stale);
            assertThat(page.status()).isEqualTo(409);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("Person grace").contains("revision 2");
            assertThat(page.html().selectFirst("textarea[name=markdown]").wholeText()).isEqualTo("Ada's version.\n");
            assertThat(page.html().selectFirst("input[name=baseRevision]").val()).isEqualTo("2");
            assertThat(Admins.revisions(app, ATTRIBUTION)).isEqualTo(2);
        });
    }

    @Test
    void theEditorIsLabelledAndLoadsItsScriptAsAModule() {
        TestApp.run(app -> {
            Document doc = Admins.admin(app, "ada").get("/admin/essays/new").html();
            for (String field : new String[]{"slug", "title", "date", "markdown"}) {
                assertThat(doc.select("label[for=" + field + "]")).as(field).hasSize(1);
                assertThat(doc.getElementById(field)).as(field).isNotNull();
            }
            assertThat(doc.select("form[action=/admin/essays] input[name=_csrf]")).hasSize(1);
            assertThat(doc.select("script[type=module][src=/static/js/essay-admin.js]")).hasSize(1);
            assertThat(doc.select("script:not([src])")).isEmpty();
            assertThat(doc.select("[style]")).isEmpty();
            assertThat(doc.select("button[name=intent][value=preview]")).hasSize(1);
        });
    }
}
