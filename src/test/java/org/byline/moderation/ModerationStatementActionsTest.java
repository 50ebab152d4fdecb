package org.byline.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.byline.moderation.Staff.ESSAY;
import static org.byline.moderation.Staff.OTHER;

/** Hide, restore, dismiss, lock and unlock: what readers, the author and moderators see afterwards, and the log. */
class ModerationStatementActionsTest {

    private static long reply(WebClient client, long parent, String body) {
        return WebClient.postedId(client.comment(ESSAY, Map.of("body", body, "parentId", String.valueOf(parent))));
    }

    @Test
    void hideLeavesATombstoneNamingTheModeratorReasonAndLogEntryForReaders() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "Buy cheap watches"));
            long answer = reply(app.client().signedUp("bob"), id, "This looks like spam to me");

            Page hidden = Staff.onStatement(mod, id, "hide", "Advertising");
            assertThat(hidden.status()).isEqualTo(303);
            assertThat(hidden.location()).isEqualTo("/moderation/statements/" + id);
            JsonNode entry = Staff.loggedOnce(app, "hide", "statement", id, "/statements/" + id, "moe", "Advertising");
            long logId = entry.get("id").asLong();

            for (String path : new String[]{"/essays/" + ESSAY, "/statements/" + id}) {
                Document doc = app.client().get(path).html();
                Element statement = doc.getElementById("s-" + id);
                assertThat(statement.selectFirst(".tombstone").text()).as(path)
                        .matches("Hidden by @moe on .+: Advertising \\(log #" + logId + "\\)");
                assertThat(statement.selectFirst(".tombstone a").attr("href")).isEqualTo("/moderation/log/" + logId);
                assertThat(statement.selectFirst(".author").text()).isEqualTo("Person alice @alice");
                assertThat(statement.text()).doesNotContain("Buy cheap watches");
                assertThat(doc.getElementById("s-" + answer).text()).contains("This looks like spam to me");
            }
            JsonNode api = Staff.json(app.client().get("/api/essays/" + ESSAY + "/comments")).get("comments").get(0);
            assertThat(api.has("body")).isFalse();
            assertThat(api.get("hidden").get("by").asText()).isEqualTo("@moe");
            assertThat(api.get("hidden").get("reason").asText()).isEqualTo("Advertising");
            assertThat(api.get("replies").get(0).get("body").asText()).isEqualTo("This looks like spam to me");
            assertThat(app.client().get("/moderation/log/" + logId).html().selectFirst("#log-" + logId).text())
                    .contains("@moe", "hide", "statement #" + id, "Advertising");
        });
    }

    @Test
    void theAuthorOfAHiddenStatementSeesWhatHappenedWhyAndTheirText() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "Buy cheap watches"));
            Staff.done(Staff.onStatement(mod, id, "hide", "Advertising"));

            Element statement = alice.get("/statements/" + id).html().getElementById("s-" + id);
            assertThat(statement.selectFirst(".tombstone").text()).startsWith("Hidden by @moe on").contains("Advertising");
            assertThat(statement.selectFirst(".hidden-text summary").text()).isEqualTo("Your hidden text");
            assertThat(statement.selectFirst(".hidden-text .statement-body").text()).isEqualTo("Buy cheap watches");

            Document own = alice.get("/people/alice").html();
            assertThat(own.selectFirst(".person-statements .tombstone").text()).contains("Hidden by @moe", "Advertising");
            Element concerning = own.selectFirst(".moderation-concerning");
            assertThat(concerning.selectFirst("h2").text()).isEqualTo("Moderation concerning you");
            assertThat(concerning.text()).contains("@moe", "hide", "statement #" + id, "Advertising");
            // other readers do not get the author's moderation history section
            assertThat(app.client().get("/people/alice").html().select(".moderation-concerning")).isEmpty();
        });
    }

    @Test
    void theHiddenTextIsShownToModeratorsButNotToOtherMembers() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "Buy cheap watches"));
            Staff.done(Staff.onStatement(mod, id, "hide", "Advertising"));
            assertThat(app.client().signedUp("bob").get("/statements/" + id).body()).doesNotContain("Buy cheap watches");
            assertThat(mod.get("/statements/" + id).html().selectFirst("#s-" + id + " .hidden-text").text())
                    .contains("moderators only", "Buy cheap watches");
            assertThat(mod.get("/moderation/statements/" + id).html().selectFirst("#statement-status").text()).isEqualTo("hidden");
        });
    }

    @Test
    void restoreShowsTheStatementAgainToEveryone() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "A sharp but fair point"));
            Staff.done(Staff.onStatement(mod, id, "hide", "Looked like an insult"));
            Staff.done(Staff.onStatement(mod, id, "restore", "On reflection it is fair criticism"));

            Element statement = app.client().get("/essays/" + ESSAY).html().getElementById("s-" + id);
            assertThat(statement.select(".tombstone")).isEmpty();
            assertThat(statement.selectFirst(".statement-body").text()).isEqualTo("A sharp but fair point");
            assertThat(Staff.json(app.client().get("/api/essays/" + ESSAY + "/comments")).get("comments").get(0)
                    .get("body").asText()).isEqualTo("A sharp but fair point");
            Staff.loggedOnce(app, "restore", "statement", id, "/statements/" + id, "moe", "On reflection it is fair criticism");
            Staff.loggedOnce(app, "hide", "statement", id, "/statements/" + id, "moe", "Looked like an insult");
        });
    }

    @Test
    void restoringAVisibleStatementIsRefusedAndNotLogged() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "fine"));
            long before = Staff.logRows(app);
            Page page = Staff.onStatement(mod, id, "restore", "just in case");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("only a hidden statement can be restored");
            assertThat(Staff.logRows(app)).isEqualTo(before);
        });
    }

    @Test
    void dismissResolvesTheReportsAndTakesTheStatementOffTheQueue() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "Unpopular opinion"));
            assertThat(Staff.report(app.client().signedUp("bob"), id, "harassment", "").status()).isEqualTo(303);
            assertThat(mod.get("/moderation").html().getElementById("queue-" + id)).isNotNull();

            Staff.done(Staff.onStatement(mod, id, "dismiss-reports", "Disagreement is not harassment"));

            assertThat(mod.get("/moderation").html().getElementById("queue-" + id)).isNull();
            assertThat(Staff.json(mod.get("/api/moderation/queue")).get("reported")).isEmpty();
            assertThat(mod.get("/moderation/statements/" + id).html().selectFirst("ul.reports li").text())
                    .contains("harassment by @bob", "resolved");
            assertThat(Staff.openReports(app)).isZero();
            assertThat(Staff.status(app, id)).isEqualTo("visible");
            assertThat(app.client().get("/statements/" + id).html().selectFirst("#s-" + id + " .statement-body").text())
                    .isEqualTo("Unpopular opinion");
            Staff.loggedOnce(app, "dismiss-reports", "statement", id, "/statements/" + id, "moe", "Disagreement is not harassment");
        });
    }

    @Test
    void dismissWithoutOpenReportsIsRefusedAndNotLogged() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "nothing reported"));
            long before = Staff.logRows(app);
            Page page = Staff.onStatement(mod, id, "dismiss-reports", "tidy up");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("has no open reports to dismiss");
            assertThat(Staff.logRows(app)).isEqualTo(before);
        });
    }

    @Test
    void hidingResolvesTheOpenReportsToo() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "Buy cheap watches"));
            Staff.report(app.client().signedUp("bob"), id, "spam", "");
            Staff.done(Staff.onStatement(mod, id, "hide", "Advertising"));
            assertThat(mod.get("/moderation").html().getElementById("queue-" + id)).isNull();
        });
    }

    @Test
    void lockingAStatementRefusesRepliesBelowItWithAMessageButOtherThreadsAreFine() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            WebClient bob = app.client().signedUp("bob");
            long heated = WebClient.postedId(alice.comment(ESSAY, "A heated thread"));
            long below = reply(bob, heated, "already below");
            long calm = WebClient.postedId(alice.comment(ESSAY, "A calm thread"));

            Staff.done(Staff.onStatement(mod, heated, "lock", "The thread has turned into a flame war"));

            Page refused = bob.comment(ESSAY, Map.of("body", "one more jab", "parentId", String.valueOf(heated)));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("Replies below statement #" + heated + " are locked by a moderator.");
            Page deeper = bob.comment(ESSAY, Map.of("body", "a jab further down", "parentId", String.valueOf(below)));
            assertThat(deeper.status()).isEqualTo(422);
            assertThat(deeper.body()).contains("Replies below statement #" + heated + " are locked by a moderator.");
            assertThat(Db.count(app.config(), "statements")).isEqualTo(3);

            Document permalink = bob.get("/statements/" + heated).html();
            assertThat(permalink.select("#comment-form")).isEmpty();
            assertThat(permalink.selectFirst(".notice").text()).isEqualTo("Replies here are locked by a moderator.");
            assertThat(permalink.selectFirst("#s-" + heated + " .locked-note").text()).startsWith("Replies locked (log #");

            reply(bob, calm, "a calm reply still works");
            WebClient.postedId(bob.comment(ESSAY, "and a new thread too"));
            Staff.loggedOnce(app, "lock", "statement", heated, "/statements/" + heated, "moe", "The thread has turned into a flame war");
        });
    }

    @Test
    void unlockingAStatementAllowsRepliesAgain() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "A heated thread"));
            Staff.done(Staff.onStatement(mod, id, "lock", "Cooling off"));
            Staff.done(Staff.onStatement(mod, id, "unlock", "Cooled off"));

            assertThat(alice.get("/statements/" + id).html().select("#comment-form")).isNotEmpty();
            reply(app.client().signedUp("bob"), id, "calmly now");
            Staff.loggedOnce(app, "unlock", "statement", id, "/statements/" + id, "moe", "Cooled off");
        });
    }

    @Test
    void lockingAnEssayRemovesTheFormAndRefusesPostsAndReplies() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long earlier = WebClient.postedId(alice.comment(ESSAY, "said before the lock"));
            long essayId = Db.of(app.config()).withHandle(h -> h.createQuery("SELECT id FROM essays WHERE slug = :s")
                    .bind("s", ESSAY).mapTo(Long.class).one());

            Staff.done(Staff.onEssay(mod, ESSAY, "lock", "Discussion closed after a week"));

            Document essay = alice.get("/essays/" + ESSAY).html();
            assertThat(essay.select("#comment-form")).isEmpty();
            assertThat(essay.selectFirst("#essay-locked").text()).startsWith("Comments on this essay are locked by a moderator");
            assertThat(essay.getElementById("s-" + earlier).text()).contains("said before the lock");
            assertThat(alice.get("/statements/" + earlier).html().select("#comment-form")).isEmpty();

            Page post = alice.comment(ESSAY, "after the lock");
            assertThat(post.status()).isEqualTo(422);
            assertThat(post.body()).contains("Comments on this essay are locked by a moderator");
            Page replyPage = alice.comment(ESSAY, Map.of("body", "a reply after the lock", "parentId", String.valueOf(earlier)));
            assertThat(replyPage.status()).isEqualTo(422);
            assertThat(Db.count(app.config(), "statements")).isEqualTo(1);
            assertThat(Staff.json(app.client().get("/api/essays/" + ESSAY + "/comments")).get("locked").asBoolean()).isTrue();

            WebClient.postedId(alice.comment(OTHER, "the other essay is open"));
            Staff.loggedOnce(app, "lock", "essay", essayId, "/essays/" + ESSAY, "moe", "Discussion closed after a week");
        });
    }

    @Test
    void unlockingAnEssayBringsTheFormBack() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long essayId = Db.of(app.config()).withHandle(h -> h.createQuery("SELECT id FROM essays WHERE slug = :s")
                    .bind("s", ESSAY).mapTo(Long.class).one());
            Staff.done(Staff.onEssay(mod, ESSAY, "lock", "Closed"));
            Staff.done(Staff.onEssay(mod, ESSAY, "unlock", "Reopened"));

            assertThat(alice.get("/essays/" + ESSAY).html().select("#comment-form")).isNotEmpty();
            WebClient.postedId(alice.comment(ESSAY, "open again"));
            assertThat(mod.get("/moderation/essays/" + ESSAY).html().selectFirst("#essay-lock-state").text()).isEqualTo("open");
            Staff.loggedOnce(app, "unlock", "essay", essayId, "/essays/" + ESSAY, "moe", "Reopened");
        });
    }

    @Test
    void aModeratorCannotHideTheirOwnStatement() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long own = WebClient.postedId(mod.comment(ESSAY, "my own words"));
            long before = Staff.logRows(app);
            Page page = Staff.onStatement(mod, own, "hide", "regret");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("You cannot moderate your own statement");
            assertThat(Staff.logRows(app)).isEqualTo(before);
            assertThat(Staff.status(app, own)).isEqualTo("visible");
        });
    }

    @Test
    void theReviewPageOffersNoWayToEditTheWords() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "my words"));
            Document review = mod.get("/moderation/statements/" + id).html();
            assertThat(review.select("main form textarea, .narrow form textarea").eachAttr("name")).containsOnly("reason");
            assertThat(review.select("form[method=post][action^=/moderation]").eachAttr("action"))
                    .allMatch(action -> action.matches("/moderation/statements/" + id + "/(hide|dismiss-reports|lock)"));
            Page edit = Staff.onStatement(mod, id, "edit", "typo");
            assertThat(edit.status()).isEqualTo(422);
            assertThat(edit.html().selectFirst(".error-summary").text()).contains("Unknown action \"edit\"");
            assertThat(Staff.body(app, id)).isEqualTo("my words");
        });
    }
}
