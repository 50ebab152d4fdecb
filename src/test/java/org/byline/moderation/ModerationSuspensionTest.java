package org.byline.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.byline.moderation.Staff.ESSAY;

/** A suspended member can read but not post, reply or report, and is told why and until when. */
class ModerationSuspensionTest {

    @Test
    void aSuspensionForADurationIsLoggedWithItsEnd() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            app.client().signedUp("alice");
            Instant before = Instant.now();
            Staff.done(Staff.suspend(mod, "alice", "7d", "Repeated insults after a warning"));

            JsonNode entry = Staff.loggedOnce(app, "suspend", "account", Staff.accountId(app, "alice"), "/people/alice",
                    "moe", "Repeated insults after a warning");
            assertThat(Instant.parse(entry.get("endsAt").asText()))
                    .isCloseTo(before.plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
            assertThat(Staff.htmlLogRows(app, "suspend", "/people/alice").get(0).text()).contains("suspend until");
            assertThat(mod.get("/moderation/people/alice").html().selectFirst("#person-suspension").text())
                    .startsWith("Suspended until").contains("by @moe: Repeated insults after a warning");
        });
    }

    @Test
    void aSuspendedMemberCannotPostAndTheFormSaysWhyAndUntilWhen() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            Staff.done(Staff.suspend(mod, "alice", "7d", "Repeated insults after a warning"));

            Document essay = alice.get("/essays/" + ESSAY).html();
            assertThat(essay.select("#comment-form")).isEmpty();
            Element notice = essay.getElementById("suspended-notice");
            assertThat(notice.text()).startsWith("Your account is suspended until")
                    .contains("by @moe: Repeated insults after a warning", "You can read everything, but not post, reply or report.");
            assertThat(Instant.parse(notice.selectFirst("time").attr("datetime")))
                    .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));

            Page post = alice.comment(ESSAY, "let me in");
            assertThat(post.status()).isEqualTo(403);
            assertThat(post.html().selectFirst(".error-summary").text())
                    .contains("Your account is suspended until", "by @moe: Repeated insults after a warning");
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void aSuspendedMemberCannotReplyOrReport() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long bobs = WebClient.postedId(app.client().signedUp("bob").comment(ESSAY, "bob says"));
            WebClient alice = app.client().signedUp("alice");
            Staff.done(Staff.suspend(mod, "alice", "1d", "Cooling-off day"));

            Document permalink = alice.get("/statements/" + bobs).html();
            assertThat(permalink.select("#comment-form")).isEmpty();
            assertThat(permalink.select("#report")).isEmpty();
            assertThat(permalink.getElementById("suspended-notice").text()).contains("suspended until", "Cooling-off day");

            Page reply = alice.comment(ESSAY, Map.of("body", "a reply", "parentId", String.valueOf(bobs)));
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.html().selectFirst(".error-summary").text()).contains("suspended until", "Cooling-off day");
            Page report = Staff.report(alice, bobs, "spam", "");
            assertThat(report.status()).isEqualTo(403);
            assertThat(report.html().selectFirst(".error-summary").text()).contains("suspended until", "Cooling-off day");
            assertThat(Db.count(app.config(), "statements")).isEqualTo(1);
            assertThat(Db.count(app.config(), "reports")).isZero();
        });
    }

    @Test
    void aSuspendedMembersEditPageOffersWithdrawalButNoEditForm() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long own = WebClient.postedId(alice.comment(ESSAY, "said before"));
            Staff.done(Staff.suspend(mod, "alice", "7d", "A week off"));

            Document edit = alice.get("/statements/" + own + "/edit").html();
            assertThat(edit.getElementById("suspended-notice").text()).contains("suspended until", "A week off", "withdraw");
            assertThat(edit.select("form[action$=/edit]")).isEmpty();
            assertThat(edit.select("form[action$=/withdraw]")).hasSize(1);
        });
    }

    @Test
    void aSuspendedMembersEditIsRefusedAndTheirTextShownToCopy() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long own = WebClient.postedId(alice.comment(ESSAY, "said before"));
            Staff.done(Staff.suspend(mod, "alice", "7d", "A week off"));

            Page refused = alice.post("/statements/" + own + "/edit", Map.of("body", "said differently"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.html().selectFirst(".error-summary").text()).contains("suspended until", "A week off");
            assertThat(refused.html().getElementById("edit-body").text()).isEqualTo("said differently");
            assertThat(Db.count(app.config(), "statement_revisions")).isEqualTo(1);
        });
    }

    @Test
    void aSuspendedMemberCanStillWithdrawTheirStatement() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long own = WebClient.postedId(alice.comment(ESSAY, "said before"));
            Staff.done(Staff.suspend(mod, "alice", "7d", "A week off"));

            assertThat(alice.post("/statements/" + own + "/withdraw", Map.of()).status()).isEqualTo(303);
            assertThat(app.client().get("/statements/" + own).html().selectFirst(".tombstone").text()).startsWith("Withdrawn by @alice");
        });
    }

    @Test
    void anIndefiniteSuspensionSaysSoEverywhere() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            Staff.done(Staff.suspend(mod, "alice", "indefinite", "Ban evasion"));

            JsonNode entry = Staff.loggedOnce(app, "suspend", "account", Staff.accountId(app, "alice"), "/people/alice",
                    "moe", "Ban evasion");
            assertThat(entry.get("endsAt").isNull()).isTrue();
            assertThat(Staff.htmlLogRows(app, "suspend", "/people/alice").get(0).select("td").get(3).text())
                    .isEqualTo("suspend indefinitely");
            assertThat(alice.get("/essays/" + ESSAY).html().getElementById("suspended-notice").text())
                    .startsWith("Your account is suspended indefinitely by @moe: Ban evasion");
            assertThat(alice.comment(ESSAY, "hello?").status()).isEqualTo(403);
        });
    }

    @Test
    void aSuspendedMemberStillReadsAndTheirEarlierStatementsStayAttributedToThem() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long earlier = WebClient.postedId(alice.comment(ESSAY, "said before"));
            Staff.done(Staff.suspend(mod, "alice", "30d", "Spamming links"));

            assertThat(alice.get("/essays/" + ESSAY).status()).isEqualTo(200);
            Element statement = app.client().get("/essays/" + ESSAY).html().getElementById("s-" + earlier);
            assertThat(statement.selectFirst(".author").text()).isEqualTo("Person alice @alice");
            assertThat(statement.selectFirst(".statement-body").text()).isEqualTo("said before");
            Document own = alice.get("/people/alice").html();
            assertThat(own.selectFirst(".person-statements").text()).contains("said before");
            assertThat(own.selectFirst(".moderation-concerning").text()).contains("@moe", "suspend until", "Spamming links");
        });
    }

    @Test
    void liftingASuspensionLetsTheMemberPostAgain() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            Staff.done(Staff.suspend(mod, "alice", "indefinite", "Heated"));
            Staff.done(Staff.act(mod, "/moderation/people/alice/lift-suspension", "Apologised"));

            assertThat(alice.get("/essays/" + ESSAY).html().getElementById("suspended-notice")).isNull();
            WebClient.postedId(alice.comment(ESSAY, "thank you"));
            assertThat(mod.get("/moderation/people/alice").html().getElementById("person-suspension")).isNull();
            Staff.loggedOnce(app, "lift-suspension", "account", Staff.accountId(app, "alice"), "/people/alice", "moe", "Apologised");
        });
    }

    @Test
    void liftingWhenNotSuspendedIsRefusedAndNotLogged() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            app.client().signedUp("alice");
            long before = Staff.logRows(app);
            Page page = Staff.act(mod, "/moderation/people/alice/lift-suspension", "just in case");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("@alice is not suspended.");
            assertThat(Staff.logRows(app)).isEqualTo(before);
        });
    }

    @Test
    void aSuspensionWithoutAChosenDurationIsRefused() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long before = Staff.logRows(app);
            Page page = Staff.suspend(mod, "alice", "forever-and-a-day", "reason given");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("Choose how long the suspension lasts.");
            assertThat(Staff.logRows(app)).isEqualTo(before);
            WebClient.postedId(alice.comment(ESSAY, "not suspended"));
        });
    }

    @Test
    void aModeratorCannotSuspendAnotherModeratorOrAnAdmin() {
        TestApp.run(app -> {
            WebClient admin = Staff.admin(app, "ada");
            WebClient mod = Staff.moderator(app, admin, "moe");
            Staff.moderator(app, admin, "otto");
            long before = Staff.logRows(app);
            assertThat(Staff.suspend(mod, "otto", "1d", "rival").status()).isEqualTo(422);
            assertThat(Staff.suspend(mod, "ada", "1d", "coup").status()).isEqualTo(422);
            assertThat(Staff.logRows(app)).isEqualTo(before);
        });
    }
}
