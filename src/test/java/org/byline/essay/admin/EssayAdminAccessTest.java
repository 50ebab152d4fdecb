package org.byline.essay.admin;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.byline.essay.admin.Admins.F1;

class EssayAdminAccessTest {
    static final List<String> GETS = List.of(
            "/admin/essays",
            "/admin/essays/new",
            "/admin/essays/" + F1 + "/edit",
            "/admin/essays/" + F1 + "/revisions",
            "/admin/essays/" + F1 + "/revisions/1",
            "/admin/essays/no-such-essay/edit");
    static final List<String> POSTS = List.of(
            "/admin/essays",
            "/admin/essays/" + F1,
            "/admin/essays/" + F1 + "/publish",
            "/admin/essays/" + F1 + "/unpublish",
            "/admin/essays/no-such-essay/publish",
            "/admin/preview");
    static final Map<String, String> FIELDS = Admins.essay("sneaky", "Sneaky", "2024-01-01", "Text *here*");

    static void assertEveryRouteAnswers(WebClient client, int status) {
        for (String path : GETS) {
            assertThat(client.get(path).status()).as("GET %s", path).isEqualTo(status);
        }
        for (String path : POSTS) {
            // with a valid CSRF token, so the refusal is about who asks, not about the form
            assertThat(client.post(path, FIELDS).status()).as("POST %s", path).isEqualTo(status);
        }
    }

    @Test
    void anonymousVisitorsGet401OnEveryAdminRoute() {
        TestApp.run(app -> assertEveryRouteAnswers(app.client(), 401));
    }

    @Test
    void membersGet403OnEveryAdminRoute() {
        TestApp.run(app -> assertEveryRouteAnswers(app.client().signedUp("mallory"), 403));
    }

    @Test
    void moderatorsGet403OnEveryAdminRoute() {
        TestApp.run(app -> {
            WebClient moderator = app.client().signedUp("moira");
            Admins.setRole(app, "moira", "moderator");
            assertEveryRouteAnswers(moderator, 403);
        });
    }

    @Test
    void refusedRequestsChangeNothing() {
        TestApp.run(app -> {
            assertEveryRouteAnswers(app.client().signedUp("mallory"), 403);
            assertThat(Db.count(app.config(), "essays")).isEqualTo(2);
            assertThat(Db.count(app.config(), "essay_revisions")).isEqualTo(2);
            assertThat(app.client().get("/essays/" + F1).status()).isEqualTo(200);
        });
    }

    @Test
    void adminPostsWithoutTheCsrfTokenAreRefused() {
        TestApp.run(app -> {
            WebClient admin = Admins.admin(app, "ada");
            Page page = admin.postRaw("/admin/essays/" + F1 + "/unpublish", Map.of());
            assertThat(page.status()).isEqualTo(403);
            assertThat(app.client().get("/essays/" + F1).status()).isEqualTo(200);
        });
    }

    @Test
    void theErrorPageNamesWhoMayDoThis() {
        TestApp.run(app -> {
            Page page = app.client().signedUp("mallory").get("/admin/essays");
            assertThat(page.html().selectFirst("main").text()).contains("Only admins");
        });
    }
}
