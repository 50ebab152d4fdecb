package org.byline.essay.admin;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers for the essay desk: admins (made the only way there is yet: in the database) and forms. */
final class Admins {
    static final String F1 = "f1-score-rises-while-loss-keeps-increasing";
    static final String ATTRIBUTION = "loss-of-attribution";

    private Admins() {
    }

    /** Registers {@code handle}, makes them an admin and leaves the client signed in as them. */
    static WebClient admin(TestApp.Running app, String handle) {
        WebClient client = app.client().signedUp(handle);
        setRole(app, handle, "admin");
        return client;
    }

    static void setRole(TestApp.Running app, String handle, String role) {
        Db.of(app.config()).useHandle(h -> h.createUpdate("UPDATE accounts SET role = :role WHERE handle = :handle")
                .bind("role", role).bind("handle", handle).execute());
    }

    static Map<String, String> essay(String slug, String title, String date, String markdown) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("slug", slug);
        fields.put("title", title);
        fields.put("date", date);
        fields.put("markdown", markdown);
        return fields;
    }

    /** Creates a draft and fails the test unless it was saved. */
    static void createDraft(WebClient admin, String slug, String title, String markdown) {
        Page page = admin.post("/admin/essays", essay(slug, title, "2024-05-01", markdown));
        if (page.status() != 303) {
            throw new IllegalStateException("draft " + slug + " not created: " + page.status() + "\n" + page.body());
        }
    }

    /** The fields of the edit form as the page filled them in (title, date, markdown, base revision). */
    static Map<String, String> editForm(WebClient admin, String slug) {
        var doc = admin.get("/admin/essays/" + slug + "/edit").html();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", doc.selectFirst("input[name=title]").val());
        fields.put("date", doc.selectFirst("input[name=date]").val());
        fields.put("markdown", doc.selectFirst("textarea[name=markdown]").wholeText());
        fields.put("baseRevision", doc.selectFirst("input[name=baseRevision]").val());
        return fields;
    }

    /** Revises an essay through its edit form, changing only the Markdown. */
    static Page revise(WebClient admin, String slug, String markdown) {
        Map<String, String> fields = editForm(admin, slug);
        fields.put("markdown", markdown);
        return admin.post("/admin/essays/" + slug, fields);
    }

    static long revisions(TestApp.Running app, String slug) {
        return Db.of(app.config()).withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM essay_revisions r JOIN essays e ON e.id = r.essay_id WHERE e.slug = :slug")
                .bind("slug", slug).mapTo(Long.class).one());
    }
}
