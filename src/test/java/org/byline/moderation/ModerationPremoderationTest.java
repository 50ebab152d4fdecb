package org.byline.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.byline.moderation.Staff.ESSAY;

/** A new account's first statement waits for review: from registration to approval and to rejection. */
class ModerationPremoderationTest {
    private static final String RULE = "pre-moderation (the first 1 statement of a new account)";

    private static void withPremoderation(TestApp.Body body) {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_PREMODERATION", "1")), body);
    }

    @Test
    void aNewAccountsFirstStatementIsHeldAndOnlyItsAuthorSeesItAwaitingReview() {
        withPremoderation(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "My very first words"));
            assertThat(Staff.status(app, id)).isEqualTo("pending");

            Element own = alice.get("/essays/" + ESSAY).html().getElementById("s-" + id);
            assertThat(own.selectFirst(".status-note").text()).startsWith("Awaiting review: held by " + RULE);
            assertThat(own.selectFirst(".statement-body").text()).isEqualTo("My very first words");
            assertThat(alice.get("/people/alice").html().selectFirst(".person-statements .status-note").text())
                    .isEqualTo("Awaiting review");

            for (WebClient reader : List.of(app.client(), app.client().signedUp("bob"))) {
                Document essay = reader.get("/essays/" + ESSAY).html();
                assertThat(essay.getElementById("s-" + id)).isNull();
                assertThat(essay.text()).doesNotContain("My very first words");
                assertThat(reader.get("/statements/" + id).status()).isEqualTo(404);
                assertThat(reader.get("/people/alice").body()).doesNotContain("My very first words");
                assertThat(Staff.json(reader.get("/api/essays/" + ESSAY + "/comments")).get("comments")).isEmpty();
            }
            assertThat(Staff.json(app.client().get("/api/essays")).findValues("commentCount"))
                    .allMatch(count -> count.asInt() == 0);
        });
    }

    @Test
    void theHoldIsLoggedUnderTheRuleNotAPerson() {
        withPremoderation(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "first"));

            List<JsonNode> holds = Staff.logEntries(app, "hold", "statement", id);
            assertThat(holds).hasSize(1);
            assertThat(holds.get(0).get("moderator").isNull()).isTrue();
            assertThat(holds.get(0).get("rule").asText()).isEqualTo(RULE);
            assertThat(holds.get(0).toString().toLowerCase()).doesNotContain("staff", "the team", "system");

            List<Element> rows = Staff.htmlLogRows(app, "hold", "/statements/" + id);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).select("td").get(2).text()).isEqualTo("rule: " + RULE);
            assertThat(rows.get(0).text().toLowerCase()).doesNotContain("staff", "the team", "system");
        });
    }

    @Test
    void aHeldStatementWaitsInTheQueueForModerators() {
        withPremoderation(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "first"));

            Element item = mod.get("/moderation").html().selectFirst("ol.queue #queue-" + id);
            assertThat(item.text()).contains("@alice", "first");
            JsonNode pending = Staff.json(mod.get("/api/moderation/queue")).get("pending");
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).get("statement").asLong()).isEqualTo(id);
            assertThat(pending.get(0).get("status").asText()).isEqualTo("pending");
            Document review = mod.get("/moderation/statements/" + id).html();
            assertThat(review.select("#action-approve, #action-reject")).hasSize(2);
        });
    }

    @Test
    void approvalPublishesTheStatementToEveryoneAndLaterPostsGoUpAtOnce() {
        withPremoderation(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "first"));

            Staff.done(Staff.onStatement(mod, id, "approve", "On topic and civil"));

            Element seen = app.client().get("/essays/" + ESSAY).html().getElementById("s-" + id);
            assertThat(seen.selectFirst(".statement-body").text()).isEqualTo("first");
            assertThat(seen.select(".status-note")).isEmpty();
            assertThat(Staff.json(app.client().get("/api/essays/" + ESSAY + "/comments")).get("comments").get(0)
                    .get("id").asLong()).isEqualTo(id);
            assertThat(alice.get("/essays/" + ESSAY).html().getElementById("s-" + id).select(".status-note")).isEmpty();
            assertThat(Staff.json(mod.get("/api/moderation/queue")).get("pending")).isEmpty();
            Staff.loggedOnce(app, "approve", "statement", id, "/statements/" + id, "moe", "On topic and civil");

            long second = WebClient.postedId(alice.comment(ESSAY, "second"));
            assertThat(Staff.status(app, second)).isEqualTo("visible");
        });
    }

    @Test
    void rejectionTellsTheAuthorWhoAndWhyWhileOthersStillDoNotSeeIt() {
        withPremoderation(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "Visit my shop"));

            Staff.done(Staff.onStatement(mod, id, "reject", "Advertising"));
            JsonNode entry = Staff.loggedOnce(app, "reject", "statement", id, "/statements/" + id, "moe", "Advertising");
            long logId = entry.get("id").asLong();

            Element own = alice.get("/statements/" + id).html().getElementById("s-" + id);
            assertThat(own.selectFirst(".status-note").text())
                    .matches("Not approved by @moe on .+: Advertising \\(log #" + logId + "\\)\\. Only you and the moderators can see it\\.");
            assertThat(alice.get("/people/alice").html().selectFirst(".person-statements .status-note").text())
                    .isEqualTo("Not approved by @moe: Advertising (log #" + logId + ")");

            WebClient bob = app.client().signedUp("bob");
            assertThat(bob.get("/statements/" + id).status()).isEqualTo(404);
            assertThat(bob.get("/essays/" + ESSAY).html().getElementById("s-" + id)).isNull();
            assertThat(app.client().get("/people/alice").body()).doesNotContain("Visit my shop");
            assertThat(Staff.json(app.client().get("/api/essays/" + ESSAY + "/comments")).get("comments")).isEmpty();
            assertThat(Staff.json(mod.get("/api/moderation/queue")).get("pending")).isEmpty();
        });
    }

    @Test
    void moderatorsPostsAreNotHeld() {
        withPremoderation(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(mod.comment(ESSAY, "moderator speaking"));
            assertThat(Staff.status(app, id)).isEqualTo("visible");
        });
    }

    @Test
    void zeroTurnsPremoderationOff() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_PREMODERATION", "0")), app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "straight up"));
            assertThat(Staff.status(app, id)).isEqualTo("visible");
            assertThat(Staff.logEntries(app, "?action=hold")).isEmpty();
        });
    }
}
