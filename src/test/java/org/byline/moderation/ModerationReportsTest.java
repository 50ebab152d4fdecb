package org.byline.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.byline.moderation.Staff.ESSAY;

/** Members report statements with a reason; moderators see them grouped, most-reported first. */
class ModerationReportsTest {

    @Test
    void aReportWithAValidReasonIsFiledAndShownToModerators() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "Buy cheap watches"));
            Page page = Staff.report(app.client().signedUp("bob"), id, "spam", "links to a shop");
            assertThat(page.status()).isEqualTo(303);
            assertThat(page.location()).isEqualTo("/statements/" + id + "?reported=1#report");

            JsonNode reported = Staff.json(mod.get("/api/moderation/queue")).get("reported").get(0);
            assertThat(reported.get("statement").asLong()).isEqualTo(id);
            assertThat(reported.get("openReports").asInt()).isEqualTo(1);
            assertThat(reported.get("reports").get(0).get("reporter").asText()).isEqualTo("bob");
            assertThat(reported.get("reports").get(0).get("reason").asText()).isEqualTo("spam");
            assertThat(reported.get("reports").get(0).get("details").asText()).isEqualTo("links to a shop");
            assertThat(mod.get("/moderation").html().selectFirst("#queue-" + id).text())
                    .contains("@alice", "Buy cheap watches", "1 open report", "spam by @bob: links to a shop");
        });
    }

    @Test
    void anUnknownOrMissingReasonIsRefused() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "hello"));
            WebClient bob = app.client().signedUp("bob");
            for (String reason : List.of("rude", "", "SPAM")) {
                Page page = Staff.report(bob, id, reason, "");
                assertThat(page.status()).as(reason).isEqualTo(422);
                assertThat(page.html().selectFirst(".error-summary").text()).as(reason)
                        .contains("Choose why you are reporting it: spam, harassment, off-topic or other.");
            }
            assertThat(Db.count(app.config(), "reports")).isZero();
        });
    }

    @Test
    void otherNeedsDetails() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "hello"));
            WebClient bob = app.client().signedUp("bob");
            Page blank = Staff.report(bob, id, "other", "   ");
            assertThat(blank.status()).isEqualTo(422);
            assertThat(blank.html().selectFirst(".error-summary").text()).contains("Say what is wrong when the reason is \"other\".");
            assertThat(Db.count(app.config(), "reports")).isZero();
            assertThat(Staff.report(bob, id, "other", "Quotes a private message").status()).isEqualTo(303);
            assertThat(Db.count(app.config(), "reports")).isEqualTo(1);
        });
    }

    @Test
    void oneOpenReportPerMemberAndStatement() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "hello"));
            WebClient bob = app.client().signedUp("bob");
            assertThat(Staff.report(bob, id, "spam", "").status()).isEqualTo(303);
            Page second = Staff.report(bob, id, "harassment", "and rude too");
            assertThat(second.status()).isEqualTo(422);
            assertThat(second.html().selectFirst(".error-summary").text()).contains("You have already reported statement #" + id);
            assertThat(Db.count(app.config(), "reports")).isEqualTo(1);
            assertThat(Staff.report(app.client().signedUp("carol"), id, "spam", "").status()).isEqualTo(303);
            assertThat(Db.count(app.config(), "reports")).isEqualTo(2);
        });
    }

    @Test
    void aMemberCanReportAgainOnceTheirEarlierReportWasResolved() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "hello"));
            WebClient bob = app.client().signedUp("bob");
            Staff.report(bob, id, "spam", "");
            Staff.done(Staff.onStatement(mod, id, "dismiss-reports", "Not spam"));
            assertThat(Staff.report(bob, id, "harassment", "").status()).isEqualTo(303);
            assertThat(Staff.openReports(app)).isEqualTo(1);
        });
    }

    @Test
    void nobodyCanReportTheirOwnStatement() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "my own words"));
            assertThat(alice.get("/statements/" + id).html().select("#report")).isEmpty();
            Page page = Staff.report(alice, id, "spam", "");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("You cannot report your own statement");
            assertThat(Db.count(app.config(), "reports")).isZero();
        });
    }

    @Test
    void anonymousCannotReport() {
        TestApp.run(app -> {
            long id = WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "hello"));
            assertThat(Staff.report(app.client(), id, "spam", "").status()).isEqualTo(401);
            assertThat(Db.count(app.config(), "reports")).isZero();
        });
    }

    @Test
    void theQueueListsTheMostReportedStatementFirst() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long once = WebClient.postedId(alice.comment(ESSAY, "reported once"));
            long thrice = WebClient.postedId(alice.comment(ESSAY, "reported three times"));
            long twice = WebClient.postedId(alice.comment(ESSAY, "reported twice"));
            List<WebClient> reporters = new ArrayList<>();
            for (String handle : List.of("bob", "carol", "dave")) {
                reporters.add(app.client().signedUp(handle));
            }
            Staff.report(reporters.get(0), thrice, "spam", "");
            Staff.report(reporters.get(0), twice, "spam", "");
            Staff.report(reporters.get(1), thrice, "spam", "");
            Staff.report(reporters.get(1), twice, "off-topic", "");
            Staff.report(reporters.get(2), thrice, "harassment", "");
            Staff.report(reporters.get(2), once, "spam", ""); // newest report, but only one

            assertThat(mod.get("/moderation").html().select("#reported ~ ol .queue-item").eachAttr("id"))
                    .containsExactly("queue-" + thrice, "queue-" + twice, "queue-" + once);
            JsonNode reported = Staff.json(mod.get("/api/moderation/queue")).get("reported");
            assertThat(reported.findValuesAsText("openReports")).containsExactly("3", "2", "1");
            assertThat(reported.get(0).get("statement").asLong()).isEqualTo(thrice);
            assertThat(reported.get(0).get("reports")).hasSize(3);
        });
    }

    @Test
    void amongEquallyReportedStatementsTheMostRecentlyReportedComesFirst() {
        TestApp.run(app -> {
            WebClient mod = Staff.moderator(app, Staff.admin(app, "ada"), "moe");
            WebClient alice = app.client().signedUp("alice");
            long first = WebClient.postedId(alice.comment(ESSAY, "first"));
            long second = WebClient.postedId(alice.comment(ESSAY, "second"));
            WebClient bob = app.client().signedUp("bob");
            Staff.report(bob, second, "spam", "");
            Thread.sleep(20);
            Staff.report(bob, first, "spam", "");
            JsonNode reported = Staff.json(mod.get("/api/moderation/queue")).get("reported");
            assertThat(reported.findValuesAsText("statement")).containsExactly(String.valueOf(first), String.valueOf(second));
        });
    }

    @Test
    void reportingIsRateLimitedWhenLimitsAreOn() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_RATE_LIMIT", "on")), app -> {
            List<Long> statements = new ArrayList<>();
            for (String author : List.of("alice", "bert", "cleo")) {
                WebClient client = app.client().signedUp(author);
                for (int i = 0; i < 7; i++) {
                    statements.add(WebClient.postedId(client.comment(ESSAY, author + " statement " + i)));
                }
            }
            WebClient reporter = app.client().signedUp("zed");
            for (int i = 0; i < 20; i++) {
                assertThat(Staff.report(reporter, statements.get(i), "spam", "").status()).as("report " + i).isEqualTo(303);
            }
            Page limited = Staff.report(reporter, statements.get(20), "spam", "");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.html().selectFirst(".error-summary").text()).contains("You have sent many reports in the last hour.");
            assertThat(Db.count(app.config(), "reports")).isEqualTo(20);
        });
    }
}
