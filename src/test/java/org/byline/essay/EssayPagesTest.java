package org.byline.essay;

import org.byline.support.TestApp;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EssayPagesTest {
    static final String F1 = "f1-score-rises-while-loss-keeps-increasing";
    static final String ATTRIBUTION = "loss-of-attribution";

    /** The seed's paragraphs, whitespace folded, in order: the text the essay pages must show. */
    static List<String> seedParagraphs(String fromTitle, String untilLine) throws IOException {
        String seed = Files.readString(Path.of("../shared/seeds/000_94b1007c7670f0e3.txt"), StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(seed.split("\n"));
        int start = lines.indexOf(fromTitle) + 1;
        int end = untilLine == null ? lines.size() : lines.indexOf(untilLine);
        return lines.subList(start, end).stream()
                .map(l -> l.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip())
                .filter(l -> !l.isEmpty())
                .toList();
    }

    @Test
    void indexListsBothEssaysWithTitleDateExcerptAndCommentCount() {
        TestApp.run(app -> {
            Document index = app.client().get("/").html();
            List<Element> cards = index.select(".essay-card");
            assertThat(cards).hasSize(2);
            assertThat(index.select(".essay-card h2 a").eachText())
                    .containsExactlyInAnyOrder("F1-Score rises while Loss keeps increasing", "Loss of Attribution");
            for (Element card : cards) {
                assertThat(card.selectFirst("time").attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(card.selectFirst(".excerpt").text()).hasSizeGreaterThan(40);
                assertThat(card.select(".meta a").last().text()).isEqualTo("0 comments");
            }
        });
    }

    @Test
    void firstEssayShowsTheSeedTextWithNumberedParagraphs() throws IOException {
        List<String> expected = seedParagraphs("F1-Score rises while Loss keeps increasing",
                "F1-Score and Cross Entropy with varying Miss Ranges F1-Score and Cross Entropy with varying Confidence");
        TestApp.run(app -> {
            Page page = app.client().get("/essays/" + F1);
            assertThat(page.status()).isEqualTo(200);
            Document doc = page.html();
            assertThat(doc.selectFirst("h1").text()).isEqualTo("F1-Score rises while Loss keeps increasing");
            List<String> shown = doc.select(".essay-body p[id^=p-]").eachText();
            assertThat(shown).containsExactlyElementsOf(expected);
            for (int i = 1; i <= expected.size(); i++) {
                assertThat(doc.getElementById("p-" + i)).as("paragraph p-%d", i).isNotNull();
            }
            assertThat(doc.select("figure.sim-embed").eachAttr("data-plot")).containsExactly("miss-ranges", "confidence");
            assertThat(doc.select("figure.sim-embed figcaption").eachText()).allMatch(t -> t.startsWith("F1-Score and Cross Entropy with varying"));
        });
    }

    @Test
    void secondEssayShowsTheSeedText() throws IOException {
        List<String> expected = seedParagraphs("Loss of Attribution", null);
        TestApp.run(app -> {
            Document doc = app.client().get("/essays/" + ATTRIBUTION).html();
            assertThat(doc.select(".essay-body p[id^=p-]").eachText()).containsExactlyElementsOf(expected);
            assertThat(doc.select("figure")).isEmpty();
            assertThat(doc.select("script")).isEmpty();
        });
    }

    @Test
    void essayPageHasLandmarksAndALabelledCommentField() {
        TestApp.run(app -> {
            Document doc = app.client().get("/essays/" + ATTRIBUTION).html();
            assertThat(doc.select("header nav[aria-label]")).isNotEmpty();
            assertThat(doc.select("main#main")).hasSize(1);
            assertThat(doc.select("a.skip-link[href=#main]")).hasSize(1);
            assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(doc.select("label[for=comment-body]")).hasSize(1);
            assertThat(doc.select("textarea#comment-body[name=body]")).hasSize(1);
        });
    }

    @Test
    void essayBylineIsTheSiteOwnerAndConfigurable() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> {
            env.put("BYLINE_OWNER_HANDLE", "ada");
            env.put("BYLINE_OWNER_NAME", "Ada Example");
        }), app -> {
            Document doc = app.client().get("/essays/" + F1).html();
            assertThat(doc.selectFirst(".essay-header .meta a").text()).isEqualTo("Ada Example @ada");
            assertThat(doc.selectFirst(".essay-header .meta a").attr("href")).isEqualTo("/people/ada");
        });
    }

    @Test
    void paragraphLinkLeadsToTheCommentsOnThatParagraph() {
        TestApp.run(app -> {
            var alice = app.client().signedUp("alice");
            alice.comment(ATTRIBUTION, java.util.Map.of("body", "On the third paragraph", "paragraph", "p-3"));
            alice.comment(ATTRIBUTION, "A general remark");
            Document essay = alice.get("/essays/" + ATTRIBUTION).html();
            Element link = essay.selectFirst("#p-3 + a.para-link");
            assertThat(link.text()).isEqualTo("¶3 · 1");
            Document filtered = alice.get(link.attr("href").replace("#comments", "")).html();
            assertThat(filtered.select(".threads .statement-body").eachText()).containsExactly("On the third paragraph");
            assertThat(filtered.selectFirst("#comment-form input[name=paragraph]").val()).isEqualTo("p-3");
        });
    }

    @Test
    void unknownEssayIsA404Page() {
        TestApp.run(app -> {
            Page page = app.client().get("/essays/no-such-essay");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.html().selectFirst("h1").text()).isEqualTo("Not found");
            assertThat(page.body()).contains("There is no essay called");
        });
    }

    @Test
    void unknownPathIsA404Page() {
        TestApp.run(app -> {
            Page page = app.client().get("/no/such/page");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.html().selectFirst("h1").text()).isEqualTo("Not found");
        });
    }

    @Test
    void essayPageWorksWithoutJavaScriptAndHasNoInlineScript() {
        TestApp.run(app -> {
            Document doc = app.client().get("/essays/" + F1).html();
            assertThat(doc.select("script:not([src])")).isEmpty();
            assertThat(doc.select("figure.sim-embed img[src$=.svg][alt]")).hasSize(2);
        });
    }
}
