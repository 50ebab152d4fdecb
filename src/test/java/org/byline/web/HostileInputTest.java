package org.byline.web;

import org.byline.support.Admin;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs found by attacking the app: each once produced a 500 or a broken page. */
class HostileInputTest {
    static final String ESSAY = "loss-of-attribution";

    @ParameterizedTest
    @ValueSource(strings = {"- ", "> ", "* "})
    void deeplyNestedMarkdownIsRefusedAndThePageStaysUp(String marker) {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            Page page = alice.comment(ESSAY, marker.repeat(1000) + "x");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("levels deep");
            assertThat(app.client().get("/essays/" + ESSAY).status()).isEqualTo(200);
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @Test
    void moderatelyNestedMarkdownStillRenders() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "> ".repeat(5) + "deep quote"));
            assertThat(app.client().get("/statements/" + id).html().select("#s-" + id + " blockquote")).hasSize(5);
        });
    }

    @Test
    void aCommentOfOnlyInvisibleCharactersIsEmpty() {
        TestApp.run(app -> {
            Page page = app.client().signedUp("alice").comment(ESSAY, "\u200b\u3164 \u2800");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("the comment is empty");
        });
    }

    @Test
    void aReplyCannotNameAnotherParagraphThanItsParent() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long parent = WebClient.postedId(alice.comment(ESSAY, Map.of("body", "on p-2", "paragraph", "p-2")));
            Page page = alice.comment(ESSAY, Map.of("body", "reply", "parentId", String.valueOf(parent), "paragraph", "p-5"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("cannot name another paragraph");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/x-www-form-urlencoded; charset=bogus-charset",
            "application/x-www-form-urlencoded; charset=!!!",
            "multipart/form-data",
            "multipart/form-data; boundary=xyz",
            "application/json",
            "text/plain"})
    void postsThatAreNotUtf8FormsGet415(String contentType) throws Exception {
        TestApp.run(app -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login"))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("garbage\r\n--xyz\r\nhandle=a")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.body()).contains("UTF-8");
        });
    }

    @Test
    void anOversizedBodyGets413() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            Page page = alice.comment(ESSAY, "a".repeat(1_100_000));
            assertThat(page.status()).isEqualTo(413);
            assertThat(page.html().selectFirst("h1").text()).isEqualTo("Too large");
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/statements/abc", "/statements/999", "/statements/0", "/statements/-1", "/statements/99999999999999999999"})
    void unknownStatementsAre404(String path) {
        TestApp.run(app -> {
            Page page = app.client().get(path);
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.html().selectFirst("h1").text()).isEqualTo("Not found");
        });
    }

    @Test
    void afterA401TheSignInLinkComesBackToTheEssayNotToThePostAddress() {
        TestApp.run(app -> {
            app.client().signedUp("alice");
            WebClient visitor = app.client();
            Page rejected = visitor.comment(ESSAY, Map.of("body", "my words", "paragraph", "p-3"));
            assertThat(rejected.status()).isEqualTo(401);
            String signIn = rejected.html().selectFirst("#reply a[href^=/login]").attr("href");
            assertThat(signIn).isEqualTo("/login?next=%2Fessays%2F" + ESSAY + "%3Fparagraph%3Dp-3");
            Page login = visitor.post("/login", Map.of("handle", "alice", "password", "correct horse battery",
                    "next", "/essays/" + ESSAY + "?paragraph=p-3"));
            assertThat(login.location()).isEqualTo("/essays/" + ESSAY + "?paragraph=p-3");
            assertThat(visitor.get(login.location()).status()).isEqualTo(200);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\\evil.example", "https://evil.example", "//evil.example", "/%0d%0aSet-Cookie:x=y", "javascript:alert(1)"})
    void signInNeverRedirectsOffSite(String next) {
        TestApp.run(app -> {
            app.client().signedUp("alice");
            Page login = app.client().post("/login", Map.of("handle", "alice", "password", "correct horse battery", "next", next));
            assertThat(login.location()).satisfiesAnyOf(
                    l -> assertThat(l).isEqualTo("/"),
                    l -> assertThat(l).startsWith("/%0d%0a"));
            assertThat(login.header("Set-Cookie")).doesNotContain("x=y");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/moderation/log?action=%00hide", "/api/moderation/log?moderator=ada%00", "/moderation/log?action=hide%07"})
    void aControlCharacterInALogFilterIs400NotADatabaseError(String path) {
        TestApp.run(app -> {
            Page page = app.client().get(path);
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("contains the control character U+00");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/moderation/essays/" + ESSAY + "/", "/moderation/statements/1/"})
    void aLongUnknownModerationActionIsRefusedNotADatabaseError(String prefix) {
        TestApp.run(app -> {
            app.client().signedUp("alice").comment(ESSAY, "statement #1");
            WebClient admin = Admin.signedIn(app, "ada");
            long log = Db.count(app.config(), "moderation_log");
            Page page = admin.post(prefix + "x".repeat(200), Map.of("reason", "a reason"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst(".error-summary").text()).contains("Unknown action \"xxxx");
            assertThat(Db.count(app.config(), "moderation_log")).isEqualTo(log);
        });
    }
}
