package org.byline.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.byline.moderation.Staff.ESSAY;
import static org.byline.moderation.Staff.JSON_TYPE;

/** Who may reach the queue, the review pages and the actions; and that no action goes without a reason. */
class ModerationAccessTest {

    private static List<String> readRoutes(long statementId) {
        return List.of("/moderation", "/moderation/statements/" + statementId, "/moderation/people/alice",
                "/moderation/essays/" + ESSAY, "/api/moderation/queue");
    }

    private static List<String> actionRoutes(long statementId) {
        List<String> routes = new ArrayList<>();
        for (String action : List.of("hide", "restore", "approve", "reject", "dismiss-reports", "lock", "unlock")) {
            routes.add("/moderation/statements/" + statementId + "/" + action);
        }
        routes.add("/moderation/essays/" + ESSAY + "/lock");
        routes.add("/moderation/essays/" + ESSAY + "/unlock");
        for (String action : List.of("suspend", "lift-suspension", "grant-moderator", "revoke-moderator")) {
            routes.add("/moderation/people/alice/" + action);
        }
        return routes;
    }

    private static Map<String, String> fullForm() {
        return Map.of("reason", "I think I may", "duration", "7d");
    }

    @Test
    void aMemberGets403OnEveryModerationPage() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "a statement"));
            WebClient bob = app.client().signedUp("bob");
            for (String path : readRoutes(id)) {
                Page page = bob.get(path);
                assertThat(page.status()).as(path).isEqualTo(403);
                assertThat(page.body()).as(path).contains("Only moderators and admins can do this.");
            }
        });
    }

    @Test
    void aMemberGets403WithAJsonErrorOnEveryModerationPageAskedForAsJson() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "a statement"));
            WebClient bob = app.client().signedUp("bob");
            for (String path : readRoutes(id)) {
                Page page = bob.get(path, JSON_TYPE);
                assertThat(page.status()).as(path).isEqualTo(403);
                assertThat(page.header("Content-Type")).as(path).startsWith("application/json");
                JsonNode error = Staff.json(page);
                assertThat(error.get("status").asInt()).as(path).isEqualTo(403);
                assertThat(error.get("error").asText()).as(path).isEqualTo("Only moderators and admins can do this.");
            }
        });
    }

    @Test
    void aMemberGets403OnEveryActionAndNothingChanges() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "a statement"));
            WebClient bob = app.client().signedUp("bob");
            long before = Staff.logRows(app);
            for (String path : actionRoutes(id)) {
                Page page = bob.post(path, fullForm());
                assertThat(page.status()).as(path).isEqualTo(403);
                assertThat(page.body()).as(path).contains("Only moderators and admins can do this.");
            }
            assertThat(Staff.logRows(app)).isEqualTo(before);
            assertThat(Staff.status(app, id)).isEqualTo("visible");
            assertThat(Staff.role(app, "alice")).isEqualTo("member");
            assertThat(app.client().get("/statements/" + id).body()).contains("a statement");
        });
    }

    @Test
    void aMemberGets403WithAJsonErrorOnEveryActionAskedForAsJson() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "a statement"));
            WebClient bob = app.client().signedUp("bob");
            long before = Staff.logRows(app);
            for (String path : actionRoutes(id)) {
                Page page = bob.post(path, fullForm(), JSON_TYPE);
                assertThat(page.status()).as(path).isEqualTo(403);
                assertThat(page.header("Content-Type")).as(path).startsWith("application/json");
                assertThat(Staff.json(page).get("status").asInt()).as(path).isEqualTo(403);
                assertThat(Staff.json(page).get("error").asText()).as(path).isNotBlank();
            }
            assertThat(Staff.logRows(app)).isEqualTo(before);
        });
    }

    @Test
    void anonymousGets401OnEveryModerationPageAndAction() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "a statement"));
            WebClient anonymous = app.client();
            for (String path : readRoutes(id)) {
                assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
                Page json = anonymous.get(path, JSON_TYPE);
                assertThat(json.status()).as(path).isEqualTo(401);
                assertThat(Staff.json(json).get("status").asInt()).as(path).isEqualTo(401);
            }
            long before = Staff.logRows(app);
            for (String path : actionRoutes(id)) {
                assertThat(anonymous.post(path, fullForm()).status()).as(path).isEqualTo(401);
                Page json = anonymous.post(path, fullForm(), JSON_TYPE);
                assertThat(json.status()).as(path).isEqualTo(401);
                assertThat(Staff.json(json).get("error").asText()).as(path).isNotBlank();
            }
            assertThat(Staff.logRows(app)).isEqualTo(before);
        });
    }

    @Test
    void aModeratorReachesTheQueueAndReviewPages() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "a statement"));
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            for (String path : readRoutes(id)) {
                assertThat(mod.get(path).status()).as(path).isEqualTo(200);
            }
        });
    }

    @Test
    void aModeratorCannotGrantOrRevokeTheModeratorRole() {
        TestApp.run(app -> {
            WebClient admin = Staff.admin(app, "ada");
            WebClient mod = Staff.moderator(app, admin, "moe");
            Staff.moderator(app, admin, "otto");
            app.client().signedUp("alice");
            long before = Staff.logRows(app);

            Page grant = Staff.act(mod, "/moderation/people/alice/grant-moderator", "she would be good at it");
            assertThat(grant.status()).isEqualTo(403);
            assertThat(grant.body()).contains("Only admins can do this.");
            Page revoke = mod.post("/moderation/people/otto/revoke-moderator", Map.of("reason", "disagree"), JSON_TYPE);
            assertThat(revoke.status()).isEqualTo(403);
            assertThat(Staff.json(revoke).get("error").asText()).isEqualTo("Only admins can do this.");

            assertThat(Staff.role(app, "alice")).isEqualTo("member");
            assertThat(Staff.role(app, "otto")).isEqualTo("moderator");
            assertThat(Staff.logRows(app)).isEqualTo(before);
            assertThat(mod.get("/moderation/people/alice").html().select("#action-grant-moderator")).isEmpty();
        });
    }

    @Test
    void anAdminGrantsAndRevokesTheModeratorRoleAsLoggedActions() {
        TestApp.run(app -> {
            WebClient admin = Staff.admin(app, "ada");
            WebClient alice = app.client().signedUp("alice");
            assertThat(alice.get("/moderation").status()).isEqualTo(403);

            Staff.done(Staff.act(admin, "/moderation/people/alice/grant-moderator", "Trusted regular"));
            assertThat(alice.get("/moderation").status()).isEqualTo(200);
            Staff.done(Staff.act(admin, "/moderation/people/alice/revoke-moderator", "Stepped down"));
            assertThat(alice.get("/moderation").status()).isEqualTo(403);

            long aliceId = Staff.accountId(app, "alice");
            List<JsonNode> grants = Staff.logEntries(app, "grant-moderator", "account", aliceId);
            List<JsonNode> revokes = Staff.logEntries(app, "revoke-moderator", "account", aliceId);
            assertThat(grants).hasSize(1);
            assertThat(grants.get(0).get("moderator").asText()).isEqualTo("ada");
            assertThat(grants.get(0).get("reason").asText()).isEqualTo("Trusted regular");
            assertThat(revokes).hasSize(1);
            assertThat(revokes.get(0).get("reason").asText()).isEqualTo("Stepped down");
        });
    }

    @Test
    void createAdminLogsTheGrantUnderTheNewAdminsOwnHandle() {
        TestApp.run(app -> {
            Staff.admin(app, "ada");
            List<JsonNode> entries = Staff.logEntries(app, "?action=grant-admin");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("moderator").asText()).isEqualTo("ada");
            assertThat(entries.get(0).get("target").get("label").asText()).isEqualTo("@ada");
        });
    }

    @Test
    void aBlankReasonIsRefusedWith422ForEveryKindOfAction() {
        TestApp.run(app -> {
            WebClient admin = Staff.admin(app, "ada");
            WebClient mod = Staff.moderator(app, admin, "moe");
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "a statement"));
            long before = Staff.logRows(app);

            for (String action : List.of("hide", "lock", "reject", "approve", "restore")) {
                Page page = Staff.onStatement(mod, id, action, "   ");
                assertThat(page.status()).as(action).isEqualTo(422);
            }
            Page hide = Staff.onStatement(mod, id, "hide", " \n ");
            assertThat(hide.html().selectFirst("#reason-hide-error").text()).startsWith("Give a reason");
            assertThat(Staff.onEssay(mod, ESSAY, "lock", "").status()).isEqualTo(422);
            assertThat(Staff.suspend(mod, "alice", "7d", "  ").status()).isEqualTo(422);
            assertThat(Staff.act(admin, "/moderation/people/alice/grant-moderator", "").status()).isEqualTo(422);
            Page json = mod.post("/moderation/statements/" + id + "/hide", Map.of("reason", ""), JSON_TYPE);
            assertThat(json.status()).isEqualTo(422);
            assertThat(Staff.json(json).get("error").asText()).startsWith("Give a reason");

            assertThat(Staff.logRows(app)).isEqualTo(before);
            assertThat(Staff.status(app, id)).isEqualTo("visible");
            assertThat(Staff.role(app, "alice")).isEqualTo("member");
            assertThat(alice.get("/statements/" + id).html().select("#comment-form")).isNotEmpty();
            assertThat(app.client().get("/essays/" + ESSAY).html().select("#comment-form")).isNotEmpty();
        });
    }

    @Test
    void aMissingReasonFieldIsRefusedLikeABlankOne() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "a statement"));
            long before = Staff.logRows(app);
            Page page = mod.post("/moderation/statements/" + id + "/hide", Map.of());
            assertThat(page.status()).isEqualTo(422);
            assertThat(Staff.logRows(app)).isEqualTo(before);
            assertThat(Staff.status(app, id)).isEqualTo("visible");
        });
    }
}
