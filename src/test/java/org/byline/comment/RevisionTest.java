package org.byline.comment;

import org.byline.support.Admin;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionTest {
    static final String ESSAY = "loss-of-attribution";

    @Test
    void editingAddsRevisionsAndNeverLosesOne() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "first words"));
            assertThat(alice.post("/statements/" + id + "/edit", Map.of("body", "second words")).status()).isEqualTo(303);
            assertThat(alice.post("/statements/" + id + "/edit", Map.of("body", "third words here")).status()).isEqualTo(303);
            List<String> bodies = Db.of(app.config()).withHandle(h -> h.createQuery(
                    "SELECT body FROM statement_revisions WHERE statement_id = :id ORDER BY revision").bind("id", id).mapTo(String.class).list());
            assertThat(bodies).containsExactly("first words", "second words", "third words here");
            Document essay = app.client().get("/essays/" + ESSAY).html();
            assertThat(essay.selectFirst("#s-" + id + " .statement-body").text()).isEqualTo("third words here");
            assertThat(essay.selectFirst("#s-" + id + " .statement-tools").text()).contains("edited 2 times");
        });
    }

    @Test
    void historyShowsAWordLevelDiffAgainstThePreviousRevision() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "the quick brown fox"));
            alice.post("/statements/" + id + "/edit", Map.of("body", "the slow brown fox jumps"));
            Document history = app.client().get("/statements/" + id + "/history").html();
            assertThat(history.select("#revision-2 del").eachText()).containsExactly("quick");
            assertThat(history.select("#revision-2 ins").eachText()).containsExactly("slow", "jumps");
            // dropping the deletions gives the new text; dropping the insertions gives the old one
            var diff = history.selectFirst("#revision-2 .revision-text");
            var withoutDeletions = diff.clone();
            withoutDeletions.select("del").remove();
            var withoutInsertions = diff.clone();
            withoutInsertions.select("ins").remove();
            assertThat(withoutDeletions.wholeText()).isEqualTo("the slow brown fox jumps");
            assertThat(withoutInsertions.wholeText()).isEqualTo("the quick brown fox");
            assertThat(history.selectFirst("#revision-1 .revision-text").text()).isEqualTo("the quick brown fox");
            assertThat(history.select(".hash code").eachText()).allMatch(h -> h.matches("[0-9a-f]{64}"));
        });
    }

    @Test
    void anUnchangedEditMakesNoRevision() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "same"));
            Page page = alice.post("/statements/" + id + "/edit", Map.of("body", "same"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("unchanged");
            assertThat(Db.count(app.config(), "statement_revisions")).isEqualTo(1);
        });
    }

    @Test
    void onlyTheAuthorCanEditOrWithdraw() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "mine"));
            WebClient bob = app.client().signedUp("bob");
            assertThat(bob.post("/statements/" + id + "/edit", Map.of("body", "hijacked")).status()).isEqualTo(403);
            assertThat(bob.post("/statements/" + id + "/withdraw", Map.of()).status()).isEqualTo(403);
            assertThat(app.client().post("/statements/" + id + "/edit", Map.of("body", "anonymous")).status()).isEqualTo(401);
            assertThat(Db.count(app.config(), "statement_revisions")).isEqualTo(1);
        });
    }

    @Test
    void withdrawalLeavesATombstoneAndTheReplies() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "I take this back later"));
            long reply = WebClient.postedId(app.client().signedUp("bob").comment(ESSAY, Map.of("body", "a reply", "parentId", String.valueOf(id))));
            assertThat(alice.post("/statements/" + id + "/withdraw", Map.of()).status()).isEqualTo(303);
            Document essay = app.client().get("/essays/" + ESSAY).html();
            assertThat(essay.selectFirst("#s-" + id + " .tombstone").text()).startsWith("Withdrawn by @alice on");
            assertThat(essay.selectFirst("#s-" + id).text()).doesNotContain("I take this back later");
            assertThat(essay.selectFirst("#s-" + reply + " .statement-body").text()).isEqualTo("a reply");
            assertThat(app.client().get("/statements/" + id + "/history").body()).doesNotContain("I take this back later");
            assertThat(alice.get("/statements/" + id + "/history").body()).contains("I take this back later");
            assertThat(alice.post("/statements/" + id + "/withdraw", Map.of()).status()).isEqualTo(409);
        });
    }

    @Test
    void erasureRemovesEveryRevisionsTextButKeepsTimesHashesAndTheTombstone() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "unlawful words"));
            alice.post("/statements/" + id + "/edit", Map.of("body", "still unlawful"));
            WebClient admin = Admin.signedIn(app, "ada");
            Page erased = admin.post("/moderation/statements/" + id + "/erase", Map.of("reason", "Court order 2026/17"));
            assertThat(erased.status()).isEqualTo(303);
            var rows = Db.of(app.config()).withHandle(h -> h.createQuery(
                    "SELECT body, content_hash, created_at FROM statement_revisions WHERE statement_id = :id").bind("id", id).mapToMap().list());
            assertThat(rows).hasSize(2).allSatisfy(r -> {
                assertThat(r.get("body")).isNull();
                assertThat((String) r.get("content_hash")).hasSize(64);
                assertThat(r.get("created_at")).isNotNull();
            });
            Document essay = app.client().get("/essays/" + ESSAY).html();
            assertThat(essay.selectFirst("#s-" + id + " .tombstone").text()).contains("Erased by @ada", "Court order 2026/17");
            assertThat(app.client().get("/statements/" + id + "/history").body()).doesNotContain("unlawful")
                    .contains("erased on legal request");
        });
    }

    @Test
    void aModeratorWhoIsNotAnAdminCannotErase() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "words"));
            WebClient admin = Admin.signedIn(app, "ada");
            app.client().signedUp("maurice");
            admin.post("/moderation/people/maurice/grant-moderator", Map.of("reason", "trusted"));
            WebClient mo = app.client();
            mo.login("maurice", "correct horse battery");
            Page page = mo.post("/moderation/statements/" + id + "/erase", Map.of("reason", "no"));
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("Only admins can erase");
        });
    }

    @Test
    void aStatementAwaitingReviewCannotBeWithdrawnIntoPublicView() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_PREMODERATION", "1")), app -> {
            WebClient newcomer = app.client().signedUp("newcomer");
            long id = WebClient.postedId(newcomer.comment(ESSAY, "held words"));
            Page page = newcomer.post("/statements/" + id + "/withdraw", Map.of());
            assertThat(page.status()).isEqualTo(409);
            assertThat(page.body()).contains("only a visible statement can be withdrawn");
            assertThat(app.client().get("/statements/" + id + "/history").status()).isEqualTo(404);
        });
    }

    @Test
    void aLockedThreadCannotBeRewritten() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "before the lock"));
            Admin.signedIn(app, "ada").post("/moderation/statements/" + id + "/lock", Map.of("reason", "cooling off"));
            Page page = alice.post("/statements/" + id + "/edit", Map.of("body", "after the lock"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("locked by a moderator");
        });
    }

    @Test
    void nothingOfAnUnpublishedEssayCanBeReadThroughAStatement() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "on an essay about to go"));
            Admin.signedIn(app, "ada").post("/admin/essays/" + ESSAY + "/unpublish", Map.of());
            assertThat(app.client().get("/statements/" + id).status()).isEqualTo(404);
            assertThat(app.client().get("/statements/" + id + "/history").status()).isEqualTo(404);
            Page quote = app.client().signedUp("bob").comment("f1-score-rises-while-loss-keeps-increasing",
                    Map.of("body", "> on an essay", "quote", id + "@1"));
            assertThat(quote.status()).isEqualTo(422);
            assertThat(quote.body()).contains("does not exist");
        });
    }
}
