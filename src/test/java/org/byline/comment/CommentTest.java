package org.byline.comment;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommentTest {
    static final String ESSAY = "loss-of-attribution";
    static final String OTHER = "f1-score-rises-while-loss-keeps-increasing";

    @Test
    void aPostedCommentShowsItsAuthorsBylineTimeAndPermalink() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            Page posted = alice.comment(ESSAY, "Attribution *matters*.");
            long id = WebClient.postedId(posted);
            assertThat(posted.location()).isEqualTo("/essays/" + ESSAY + "#s-" + id);

            Element statement = app.client().get("/essays/" + ESSAY).html().getElementById("s-" + id);
            assertThat(statement.selectFirst(".byline .author").text()).isEqualTo("Person alice @alice");
            assertThat(statement.selectFirst(".byline .author").attr("href")).isEqualTo("/people/alice");
            assertThat(statement.selectFirst(".byline time").attr("datetime")).endsWith("Z");
            assertThat(statement.selectFirst(".byline a.when").attr("href")).isEqualTo("/statements/" + id);
            assertThat(statement.selectFirst(".statement-body").html()).isEqualTo("<p>Attribution <em>matters</em>.</p>");
        });
    }

    @Test
    void theIndexCountsComments() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            alice.comment(ESSAY, "one");
            alice.comment(ESSAY, "two");
            Document index = app.client().get("/").html();
            assertThat(index.select(".essay-card:has(a[href=/essays/" + ESSAY + "]) .meta a").last().text()).isEqualTo("2 comments");
        });
    }

    @Test
    void permalinkPageShowsTheStatementInContext() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, Map.of("body", "About this", "paragraph", "p-2")));
            Page page = app.client().get("/statements/" + id);
            assertThat(page.status()).isEqualTo(200);
            Document doc = page.html();
            assertThat(doc.selectFirst(".context a").attr("href")).isEqualTo("/essays/" + ESSAY);
            assertThat(doc.selectFirst(".quoted-paragraph blockquote").text()).startsWith("Before the internet");
            assertThat(doc.selectFirst("#comment-form input[name=parentId]").val()).isEqualTo(String.valueOf(id));
        });
    }

    @Test
    void repliesNestUnderTheirParent() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            WebClient bob = app.client().signedUp("bob");
            long root = WebClient.postedId(alice.comment(ESSAY, "root"));
            long reply = WebClient.postedId(bob.comment(ESSAY, Map.of("body", "reply", "parentId", String.valueOf(root))));
            Document doc = app.client().get("/essays/" + ESSAY).html();
            Element nested = doc.selectFirst("#s-" + root + " + ol.replies > li > #s-" + reply);
            assertThat(nested).isNotNull();
            assertThat(nested.selectFirst(".author").text()).isEqualTo("Person bob @bob");
        });
    }

    @Test
    void deepThreadsStopIndentingButStayReadable() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long parent = WebClient.postedId(alice.comment(ESSAY, "level 0"));
            for (int depth = 1; depth <= 8; depth++) {
                parent = WebClient.postedId(alice.comment(ESSAY, Map.of("body", "level " + depth, "parentId", String.valueOf(parent))));
            }
            Document doc = app.client().get("/essays/" + ESSAY).html();
            assertThat(doc.select("ol.replies-flat")).isNotEmpty();
            assertThat(doc.getElementById("s-" + parent).selectFirst(".in-reply").text()).isEqualTo("in reply to @alice");
            assertThat(doc.select(".statement-body").eachText()).contains("level 8");
        });
    }

    @Test
    void emptyCommentIsRejectedAndNothingIsWritten() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            Page page = alice.comment(ESSAY, "   \n  ");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("the comment is empty");
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void overLongCommentIsRejectedAndTheTextIsKept() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            String body = "x".repeat(10_001);
            Page page = alice.comment(ESSAY, body);
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("10,001 characters", "limit is 10,000");
            assertThat(page.html().selectFirst("textarea#comment-body").val()).isEqualTo(body);
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void commentOfExactlyTheLimitIsAccepted() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            String body = "😀".repeat(10_000); // counted as characters, not UTF-16 units
            WebClient.postedId(alice.comment(ESSAY, body));
            String stored = Db.of(app.config()).withHandle(h -> h.createQuery("SELECT body FROM statement_revisions").mapTo(String.class).one());
            assertThat(stored).isEqualTo(body);
        });
    }

    @Test
    void controlCharactersAreRejectedByName() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            Page page = alice.comment(ESSAY, "nul \u0000 inside");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("U+0000");
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void replyToAStatementOfAnotherEssayIsRejected() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long onOther = WebClient.postedId(alice.comment(OTHER, "on the F1 essay"));
            Page page = alice.comment(ESSAY, Map.of("body", "misplaced reply", "parentId", String.valueOf(onOther)));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("belongs to another essay", "f1-score-rises");
            assertThat(page.html().selectFirst("textarea#comment-body").val()).isEqualTo("misplaced reply");
            assertThat(Db.count(app.config(), "statements")).isEqualTo(1);
        });
    }

    @Test
    void replyToANonexistentStatementIsRejected() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            Page page = alice.comment(ESSAY, Map.of("body", "hello", "parentId", "999"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("Statement #999 does not exist");
            Page garbage = alice.comment(ESSAY, Map.of("body", "hello", "parentId", "abc"));
            assertThat(garbage.status()).isEqualTo(422);
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void commentOnAnUnknownParagraphIsRejected() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            Page page = alice.comment(ESSAY, Map.of("body", "hello", "paragraph", "p-99"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("There is no paragraph");
        });
    }

    @Test
    void commentOnAnUnknownEssayIs404() {
        TestApp.run(app -> {
            Page page = app.client().signedUp("alice").comment("no-such-essay", "hello");
            assertThat(page.status()).isEqualTo(404);
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void signedOutPosterGets401WithTheirTextKept() {
        TestApp.run(app -> {
            Page page = app.client().comment(ESSAY, "my careful words");
            assertThat(page.status()).isEqualTo(401);
            assertThat(page.html().selectFirst("textarea#comment-body").val()).isEqualTo("my careful words");
            assertThat(page.html().selectFirst(".error-summary").text()).contains("Sign in");
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void postingIsRateLimitedWhenLimitsAreOn() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_RATE_LIMIT", "on")), app -> {
            WebClient alice = app.client().signedUp("alice");
            for (int i = 0; i < 10; i++) {
                WebClient.postedId(alice.comment(ESSAY, "comment " + i));
            }
            Page limited = alice.comment(ESSAY, "one too many");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.html().selectFirst("textarea#comment-body").val()).isEqualTo("one too many");
            assertThat(Db.count(app.config(), "statements")).isEqualTo(10);
        });
    }

    @Test
    void rawHtmlIsShownAsTextAndLinksAreMarkedUserContent() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY,
                    "<b>bold?</b> [site](https://example.org) [bad](javascript:alert(1)) <https://example.com/x>"));
            Element body = app.client().get("/statements/" + id).html().selectFirst("#s-" + id + " .statement-body");
            assertThat(body.select("b")).isEmpty();
            assertThat(body.text()).contains("<b>bold?</b>");
            assertThat(body.select("a").eachAttr("href")).containsExactly("https://example.org", "https://example.com/x");
            assertThat(body.select("a").eachAttr("rel")).allMatch("nofollow ugc noopener"::equals);
        });
    }

    @Test
    void personPageListsAllTheirStatementsNewestFirstAcrossEssays() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long first = WebClient.postedId(alice.comment(ESSAY, "first"));
            long second = WebClient.postedId(alice.comment(OTHER, "second"));
            app.client().signedUp("bob").comment(ESSAY, "bob's");
            Document page = app.client().get("/people/alice").html();
            assertThat(page.selectFirst("h1").text()).isEqualTo("Person alice @alice");
            assertThat(page.select(".person-statements .statement-body").eachText()).containsExactly("second", "first");
            assertThat(page.select(".person-statements .byline a").eachAttr("href"))
                    .contains("/essays/" + OTHER + "#s-" + second, "/essays/" + ESSAY + "#s-" + first);
        });
    }

    @Test
    void personPageFindsTheHandleWhateverTheCase() {
        TestApp.run(app -> {
            app.client().signedUp("alice");
            assertThat(app.client().get("/people/ALICE").status()).isEqualTo(200);
            assertThat(app.client().get("/people/nobody").status()).isEqualTo(404);
        });
    }
}
