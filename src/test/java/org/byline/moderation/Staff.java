package org.byline.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.byline.support.Admin;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;

import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared setup for the moderation tests: admins made by the real create-admin command, moderators
 * made by an admin through the UI, and small wrappers for the action forms and the public log.
 */
final class Staff {
    static final String ESSAY = "loss-of-attribution";
    static final String OTHER = "f1-score-rises-while-loss-keeps-increasing";
    static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Staff() {
    }

    /** Runs {@code create-admin --handle handle} with the password on stdin, then signs a client in as them. */
    static WebClient admin(TestApp.Running app, String handle) {
        return Admin.signedIn(app, handle);
    }

    /** Registers {@code handle} and has {@code admin} grant them the moderator role; the client is signed in as them. */
    static WebClient moderator(TestApp.Running app, WebClient admin, String handle) {
        return Admin.moderator(app, admin, handle);
    }

    static WebClient signedIn(TestApp.Running app, String handle, String password) {
        WebClient client = app.client();
        Page login = client.login(handle, password);
        if (login.status() != 303) {
            throw new IllegalStateException("sign-in of " + handle + " failed: " + login.status() + "\n" + login.body());
        }
        return client;
    }

    /** POSTs one action form with its reason, as the review pages do. */
    static Page act(WebClient client, String path, String reason) {
        return client.post(path, Map.of("reason", reason));
    }

    static Page onStatement(WebClient client, long id, String action, String reason) {
        return act(client, "/moderation/statements/" + id + "/" + action, reason);
    }

    static Page onEssay(WebClient client, String slug, String action, String reason) {
        return act(client, "/moderation/essays/" + slug + "/" + action, reason);
    }

    static Page suspend(WebClient client, String handle, String duration, String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("duration", duration);
        fields.put("reason", reason);
        return client.post("/moderation/people/" + handle + "/suspend", fields);
    }

    /** Fails unless the action was taken (303 back to the review page). */
    static void done(Page page) {
        if (page.status() != 303) {
            throw new IllegalStateException("action not taken: " + page.status() + "\n" + page.body());
        }
    }

    static Page report(WebClient client, long statementId, String reason, String details) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reason", reason);
        fields.put("details", details);
        return client.post("/statements/" + statementId + "/reports", fields);
    }

    static JsonNode json(Page page) {
        try {
            return JSON.readTree(page.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + page.body(), e);
        }
    }

    /** Every entry of the public JSON log matching {@code query} (e.g. "?action=hide"), following the next links. */
    static List<JsonNode> logEntries(TestApp.Running app, String query) {
        List<JsonNode> entries = new ArrayList<>();
        String next = "/api/moderation/log" + query;
        WebClient reader = app.client();
        while (next != null) {
            JsonNode page = json(reader.get(next));
            page.get("entries").forEach(entries::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        return entries;
    }

    /** Entries of the public JSON log for one action on one target. */
    static List<JsonNode> logEntries(TestApp.Running app, String action, String targetKind, long targetId) {
        return logEntries(app, "?action=" + action).stream()
                .filter(e -> e.get("target").get("kind").asText().equals(targetKind)
                        && e.get("target").get("id").asLong() == targetId)
                .toList();
    }

    /** Rows of the public HTML log /moderation/log?action=... whose target links to {@code targetPath}. */
    static List<Element> htmlLogRows(TestApp.Running app, String action, String targetPath) {
        return app.client().get("/moderation/log?action=" + action).html().select("table.log tbody tr").stream()
                .filter(row -> row.select("td").get(4).selectFirst("a").attr("href").equals(targetPath))
                .toList();
    }

    /** Asserts {@code action} on the target appears exactly once in the HTML and the JSON log, by {@code moderator}. */
    static JsonNode loggedOnce(TestApp.Running app, String action, String kind, long targetId, String targetPath,
                               String moderator, String reason) {
        List<Element> rows = htmlLogRows(app, action, targetPath);
        assertThat(rows).as("HTML log rows for " + action + " on " + targetPath).hasSize(1);
        assertThat(rows.get(0).select("td").get(2).text()).isEqualTo("@" + moderator);
        assertThat(rows.get(0).select("td").get(2).selectFirst("a").attr("href")).isEqualTo("/people/" + moderator);
        assertThat(rows.get(0).select("td").get(5).text()).isEqualTo(reason);
        List<JsonNode> entries = logEntries(app, action, kind, targetId);
        assertThat(entries).as("JSON log entries for " + action + " on " + targetPath).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("moderator").asText()).isEqualTo(moderator);
        assertThat(entry.get("rule").isNull()).isTrue();
        assertThat(entry.get("reason").asText()).isEqualTo(reason);
        assertThat(entry.get("target").get("url").asText()).isEqualTo(targetPath);
        return entry;
    }

    static long logRows(TestApp.Running app) {
        return Db.count(app.config(), "moderation_log");
    }

    static String status(TestApp.Running app, long statementId) {
        return Db.of(app.config()).withHandle(h -> h.createQuery("SELECT status FROM statements WHERE id = :id")
                .bind("id", statementId).mapTo(String.class).one());
    }

    static String body(TestApp.Running app, long statementId) {
        return Db.of(app.config()).withHandle(h -> h.createQuery("SELECT r.body FROM statements s JOIN statement_revisions r "
                        + "ON r.statement_id = s.id AND r.revision = s.revision WHERE s.id = :id")
                .bind("id", statementId).mapTo(String.class).one());
    }

    static long openReports(TestApp.Running app) {
        return Db.of(app.config()).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports WHERE open_key IS NOT NULL")
                .mapTo(Long.class).one());
    }

    static long essayId(TestApp.Running app, String slug) {
        return Db.of(app.config()).withHandle(h -> h.createQuery("SELECT id FROM essays WHERE slug = :s")
                .bind("s", slug).mapTo(Long.class).one());
    }

    static long accountId(TestApp.Running app, String handle) {
        return Db.of(app.config()).withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE handle = :h")
                .bind("h", handle).mapTo(Long.class).one());
    }

    static String role(TestApp.Running app, String handle) {
        return Db.of(app.config()).withHandle(h -> h.createQuery("SELECT role FROM accounts WHERE handle = :h")
                .bind("h", handle).mapTo(String.class).one());
    }
}
