package org.byline.web;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTest {
    private static final Map<String, Map<String, String>> FORMS = Map.of(
            "/register", Map.of("handle", "mallory", "displayName", "Mallory", "password", "correct horse battery"),
            "/login", Map.of("handle", "alice", "password", "correct horse battery"),
            "/logout", Map.of(),
            "/essays/loss-of-attribution/comments", Map.of("body", "forged comment"));

    @ParameterizedTest
    @ValueSource(strings = {"/register", "/login", "/logout", "/essays/loss-of-attribution/comments"})
    void postWithoutTokenIsRefusedAndWritesNothing(String path) {
        TestApp.run(app -> {
            WebClient browser = app.client().signedUp("alice");
            long accounts = Db.count(app.config(), "accounts");
            Page page = browser.postRaw(path, FORMS.get(path));
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("could not be verified");
            assertThat(Db.count(app.config(), "accounts")).isEqualTo(accounts);
            assertThat(Db.count(app.config(), "statements")).isZero();
            assertThat(browser.get("/").body()).contains("Sign out"); // still signed in: logout was refused
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/register", "/essays/loss-of-attribution/comments"})
    void postWithAnotherBrowsersTokenIsRefused(String path) {
        TestApp.run(app -> {
            WebClient victim = app.client().signedUp("alice");
            String attackersToken = app.client().csrfToken();
            Map<String, String> fields = new java.util.HashMap<>(FORMS.get(path));
            fields.put("_csrf", attackersToken);
            assertThat(victim.postRaw(path, fields).status()).isEqualTo(403);
            assertThat(Db.count(app.config(), "statements")).isZero();
        });
    }
}
