package org.byline.comment;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteTest {
    static final String ESSAY = "loss-of-attribution";

    @Test
    void aQuoteOfAParagraphIsVerifiedAndAttributed() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, Map.of(
                    "body", "> Data can be manipulated   without leaving traces\n\nIndeed.", "quote", "p-3")));
            Element statement = app.client().get("/essays/" + ESSAY).html().getElementById("s-" + id);
            Element attribution = statement.selectFirst(".quote-attribution a");
            assertThat(attribution.text()).isEqualTo("— essay, paragraph 3");
            assertThat(attribution.attr("href")).isEqualTo("/essays/" + ESSAY + "#p-3");
        });
    }

    @Test
    void aQuoteWithWordsNotInTheParagraphIsRejectedSayingWhereItDiffers() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            Page page = alice.comment(ESSAY, Map.of("body", "> Data can be manipulated with many traces\n\nHm.", "quote", "p-3"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text())
                    .contains("matches paragraph 3 of the essay up to", "manipulated", "from \"with many traces\"");
            assertThat(page.html().selectFirst("#comment-quote").val()).isEqualTo("p-3");
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void aQuoteOfAStatementNamesItsAuthorAndRevision() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long source = WebClient.postedId(alice.comment(ESSAY, "Attribution is the **point**."));
            WebClient bob = app.client().signedUp("bob");
            long quoting = WebClient.postedId(bob.comment(ESSAY, Map.of("body", "> Attribution is the point.\n\nAgreed.", "quote", source + "@1")));
            Element attribution = app.client().get("/statements/" + quoting).html().selectFirst("#s-" + quoting + " .quote-attribution");
            assertThat(attribution.selectFirst("a").text()).isEqualTo("— @alice, statement #" + source + ", revision 1");
            assertThat(attribution.text()).doesNotContain("edited since");

            alice.post("/statements/" + source + "/edit", Map.of("body", "Attribution was never the point."));
            Element after = app.client().get("/statements/" + quoting).html().selectFirst("#s-" + quoting + " .quote-attribution");
            assertThat(after.selectFirst("a").text()).isEqualTo("— @alice, statement #" + source + ", revision 1");
            assertThat(after.text()).contains("the source has been edited since");
        });
    }

    @Test
    void aQuoteOfTheWrongRevisionIsRejected() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long source = WebClient.postedId(alice.comment(ESSAY, "old words"));
            alice.post("/statements/" + source + "/edit", Map.of("body", "new words"));
            Page page = app.client().signedUp("bob").comment(ESSAY, Map.of("body", "> new words", "quote", source + "@1"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("does not occur in statement #" + source + ", revision 1");
            Page missing = app.client().signedUp("carl").comment(ESSAY, Map.of("body", "> new words", "quote", source + "@7"));
            assertThat(missing.status()).isEqualTo(422);
            assertThat(missing.body()).contains("has no readable revision 7");
        });
    }

    @Test
    void aQuoteOfANonexistentSourceIsRejected() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            assertThat(alice.comment(ESSAY, Map.of("body", "> anything", "quote", "999@1")).body()).contains("does not exist");
            assertThat(alice.comment(ESSAY, Map.of("body", "> anything", "quote", "p-99")).body()).contains("is not a paragraph");
            assertThat(alice.comment(ESSAY, Map.of("body", "> anything", "quote", "chapter 2")).body()).contains("is neither");
            assertThat(alice.comment(ESSAY, Map.of("body", "no quote marks", "quote", "p-1")).body()).contains("quoted nothing");
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void theQuoteLinkPrefillsTheFormWithTheParagraph() {
        TestApp.run(app -> {
            var form = app.client().signedUp("alice").get("/essays/" + ESSAY + "?quote=p-3").html();
            assertThat(form.selectFirst("#comment-body").val()).startsWith("> This changed in the digital world.");
            assertThat(form.selectFirst("#comment-quote").val()).isEqualTo("p-3");
        });
    }

    @Test
    void theQuoteLinkOfAStatementQuotesItsTextAsShownMarkdownSignsAndAll() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long source = WebClient.postedId(alice.comment(ESSAY, "\\# `&amp;` \\*not emphasis\\*, <i>a tag</i> &amp;lt; 1. \\[x]"));
            String shown = app.client().get("/statements/" + source).html().selectFirst("#s-" + source + " .statement-body").text();
            WebClient bob = app.client().signedUp("bob");
            var form = bob.get("/statements/" + source + "?quote=1").html();
            long quoting = WebClient.postedId(bob.comment(ESSAY, Map.of("body", form.selectFirst("#comment-body").val(),
                    "quote", form.selectFirst("#comment-quote").val(), "parentId", String.valueOf(source))));
            Element quote = app.client().get("/statements/" + quoting).html().selectFirst("#s-" + quoting + " .statement-body > blockquote");
            assertThat(quote.text()).isEqualTo(shown).isEqualTo("# &amp; *not emphasis*, <i>a tag</i> &lt; 1. [x]");
        });
    }
}
