package org.byline.account;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTest {

    @Test
    void registeringSignsThePersonInAndRedirects() {
        TestApp.run(app -> {
            WebClient browser = app.client();
            Page page = browser.register("alice", "Alice Liddell", "correct horse battery");
            assertThat(page.status()).isEqualTo(303);
            assertThat(page.location()).isEqualTo("/");
            assertThat(browser.get("/").html().select(".site-nav").text()).contains("Alice Liddell @alice", "Sign out");
        });
    }

    @Test
    void registrationGoesBackToTheLocalPageItCameFrom() {
        TestApp.run(app -> {
            Page page = app.client().post("/register", Map.of("handle", "bob", "displayName", "Bob",
                    "password", "correct horse battery", "next", "/essays/loss-of-attribution#reply"));
            assertThat(page.location()).isEqualTo("/essays/loss-of-attribution#reply");
            Page offsite = app.client().post("/register", Map.of("handle", "eve", "displayName", "Eve",
                    "password", "correct horse battery", "next", "//evil.example/"));
            assertThat(offsite.location()).isEqualTo("/");
        });
    }

    @Test
    void passwordIsStoredAsArgon2idHash() {
        TestApp.run(app -> {
            app.client().register("alice", "Alice", "correct horse battery");
            String hash = Db.of(app.config()).withHandle(h -> h.createQuery(
                    "SELECT password_hash FROM accounts WHERE handle = 'alice'").mapTo(String.class).one());
            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        });
    }

    @Test
    void duplicateHandleIsRejectedWhateverTheCaseAndTheFormKeepsTheInput() {
        TestApp.run(app -> {
            app.client().register("alice", "Alice", "correct horse battery");
            Page page = app.client().register("ALICE", "Another Alice", "another password");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst("#handle-error").text()).contains("is taken");
            assertThat(page.html().selectFirst("input#handle").val()).isEqualTo("ALICE");
            assertThat(page.html().selectFirst("input#displayName").val()).isEqualTo("Another Alice");
            assertThat(Db.count(app.config(), "accounts")).isEqualTo(2); // the owner and the first alice
        });
    }

    @Test
    void invalidFieldsAreEachNamed() {
        TestApp.run(app -> {
            Page page = app.client().register("a!", "", "short");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().select(".error-summary li")).hasSize(3);
            assertThat(page.html().selectFirst("#handle-error").text()).contains("3 to 30 characters");
            assertThat(page.html().selectFirst("#displayName-error").text()).contains("Enter the name");
            assertThat(page.html().selectFirst("#password-error").text()).contains("at least 8 characters");
        });
    }

    @Test
    void handleLongerThanThirtyCharactersIsRejected() {
        TestApp.run(app -> {
            Page page = app.client().register("a".repeat(31), "Long", "correct horse battery");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst("#handle-error")).isNotNull();
        });
    }

    @Test
    void bylinesNamePeopleNotGroups() {
        TestApp.run(app -> {
            Page anonymous = app.client().register("someone", "Anonymous", "correct horse battery");
            assertThat(anonymous.status()).isEqualTo(422);
            assertThat(anonymous.html().selectFirst("#displayName-error").text()).contains("does not name a person");
            Page team = app.client().register("team", "The Team", "correct horse battery");
            assertThat(team.html().selectFirst("#handle-error").text()).contains("does not name a person");
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Anonymous.", "Anonymous User", "Anonym0us", "Ａｎｏｎｙｍｏｕｓ",
            "\u0410nonymous", "The Byline Team", "Editorial Team", "The Moderators", "We", "\u200b", "\u3164", "Bob\u202eevil"})
    void displayNamesThatNameNoPersonAreRefused(String name) {
        TestApp.run(app -> {
            Page page = app.client().register("someone", name, "correct horse battery");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst("#displayName-error")).isNotNull();
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"the-team", "teams", "Byline_", "admin", "4dmin", "mod_alice"})
    void handlesThatNameNoPersonAreRefused(String handle) {
        TestApp.run(app -> {
            Page page = app.client().register(handle, "Someone Real", "correct horse battery");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst("#handle-error").text()).contains("does not name a person");
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"modern,rnodern", "bill,biII", "olga,0lga", "carl_1,carl_l"})
    void handlesThatLookLikeAnExistingOneAreRefused(String existing, String lookalike) {
        TestApp.run(app -> {
            app.client().register(existing, "First", "correct horse battery");
            Page page = app.client().register(lookalike, "Second", "correct horse battery");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst("#handle-error").text()).contains("looks too much like an existing one");
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\u0430lice", "\u0251lice", "\u03b1lice", "ａlice", "al\u0131ce"})
    void handlesInOtherScriptsThatImitateAnExistingOneAreRefused(String imitation) {
        TestApp.run(app -> {
            app.client().register("alice", "Alice", "correct horse battery");
            Page page = app.client().register(imitation, "Not Alice", "correct horse battery");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.html().selectFirst("#handle-error")).isNotNull();
            assertThat(Db.count(app.config(), "accounts")).isEqualTo(2);
        });
    }

    @Test
    void aDisplayNameOfEightyCharactersOutsideTheBasicPlaneIsStored() {
        TestApp.run(app -> {
            Page page = app.client().register("cjk", "\uD840\uDC00".repeat(80), "correct horse battery");
            assertThat(page.status()).isEqualTo(303);
        });
    }

    @Test
    void handlesOfExactlyThreeAndThirtyCharactersAreAccepted() {
        TestApp.run(app -> {
            assertThat(app.client().register("abc", "Three", "correct horse battery").status()).isEqualTo(303);
            assertThat(app.client().register("b".repeat(30), "Thirty", "correct horse battery").status()).isEqualTo(303);
        });
    }

    @Test
    void wrongPasswordAndUnknownHandleGetTheSameAnswer() {
        TestApp.run(app -> {
            app.client().register("alice", "Alice", "correct horse battery");
            Page wrong = app.client().login("alice", "wrong password");
            Page unknown = app.client().login("nobody-here", "wrong password");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(wrong.html().selectFirst(".error-summary").text())
                    .isEqualTo(unknown.html().selectFirst(".error-summary").text())
                    .contains("The handle or the password is wrong.");
            assertThat(wrong.html().selectFirst("input#handle").val()).isEqualTo("alice");
        });
    }

    @Test
    void loginIsCaseInsensitiveOnTheHandleAndRotatesTheSessionId() {
        TestApp.run(app -> {
            app.client().register("alice", "Alice", "correct horse battery");
            WebClient browser = app.client();
            browser.setCookie(Sessions.COOKIE, "fixated-by-attacker");
            Page page = browser.login("Alice", "correct horse battery");
            assertThat(page.status()).isEqualTo(303);
            String sessionId = page.setCookie(Sessions.COOKIE);
            assertThat(sessionId).isNotEqualTo("fixated-by-attacker").hasSizeGreaterThan(40);
            Page again = browser.login("alice", "correct horse battery");
            assertThat(again.setCookie(Sessions.COOKIE)).isNotEqualTo(sessionId).hasSizeGreaterThan(40);
        });
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        TestApp.run(app -> {
            Page page = app.client().register("alice", "Alice", "correct horse battery");
            String setCookie = page.response().headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();
            assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
            assertThat(setCookie).doesNotContain("Secure");
        });
    }

    @Test
    void sessionCookieIsSecureWhenServedOverHttps() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_PUBLIC_URL", "https://byline.example")), app -> {
            Page page = app.client().register("alice", "Alice", "correct horse battery");
            assertThat(page.response().headers().allValues("Set-Cookie"))
                    .filteredOn(c -> c.startsWith(Sessions.COOKIE + "=")).allMatch(c -> c.contains("Secure"));
        });
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        TestApp.run(app -> {
            WebClient browser = app.client().signedUp("alice");
            String oldSession = browser.cookie(Sessions.COOKIE).getValue();
            Page out = browser.post("/logout", Map.of());
            assertThat(out.status()).isEqualTo(303);
            WebClient replay = app.client();
            replay.setCookie(Sessions.COOKIE, oldSession);
            assertThat(replay.get("/").html().select(".site-nav").text()).contains("Sign in").doesNotContain("alice");
            assertThat(Db.count(app.config(), "sessions")).isZero();
        });
    }

    @Test
    void logoutByGetIsNotAllowed() {
        TestApp.run(app -> assertThat(app.client().get("/logout").status()).isEqualTo(405));
    }

    @Test
    void strangersGuessingCannotLockTheOwnerOutFromAnotherAddressQuickly() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> {
            env.put("BYLINE_RATE_LIMIT", "on");
            env.put("BYLINE_CLIENT_IP_HEADER", "X-Real-IP");
        }), app -> {
            app.client().register("victim", "Victim", "correct horse battery");
            for (int i = 0; i < 10; i++) {
                app.client().postRawWithHeader("/login", "X-Real-IP", "10.0.0.5", Map.of("handle", "victim", "password", "guess " + i));
            }
            Page owner = app.client().postRawWithHeader("/login", "X-Real-IP", "10.0.0.6",
                    Map.of("handle", "victim", "password", "correct horse battery"));
            assertThat(owner.status()).isEqualTo(303);
        });
    }

    @Test
    void registrationRateLimitKeepsWhatWasTyped() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_RATE_LIMIT", "on")), app -> {
            for (int i = 0; i < 20; i++) {
                app.client().register("a!" + i, "X", "short");
            }
            Page limited = app.client().register("carol", "Carol Example", "correct horse battery");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.html().selectFirst("input#displayName").val()).isEqualTo("Carol Example");
            assertThat(limited.html().selectFirst(".error-summary").text()).contains("Too many registrations");
        });
    }

    @Test
    void loginIsRateLimitedWhenLimitsAreOn() {
        TestApp.run(TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_RATE_LIMIT", "on")), app -> {
            WebClient browser = app.client();
            for (int i = 0; i < 10; i++) {
                assertThat(browser.login("alice", "wrong password " + i).status()).isEqualTo(401);
            }
            Page limited = browser.login("alice", "wrong password");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isNotBlank();
            assertThat(limited.body()).contains("Too many sign-in attempts");
        });
    }
}
