package org.byline.web;

import org.byline.support.RawHttp;
import org.byline.support.RawHttp.Answer;
import org.byline.support.SharedApp;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Jetty refuses before Javalin sees them still get the site's security headers and a short
 * plain answer, with nothing of Jetty's internals in it.
 */
class JettyErrorTest {
    @RegisterExtension
    static final SharedApp APP = new SharedApp();

    /** What is sent, the status, and the words of the answer that name what was wrong. */
    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("a lone percent sign in the path", 400, "%-escape", "GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("a bad escape in the path", 400, "%-escape", "GET /essays/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("an encoded NUL in the path", 400, "%-escape", "GET /%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("a path that is not UTF-8", 400, "not valid UTF-8",
                        "POST /moderation/statements/%C3%28/approve HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
                Arguments.of("a lone byte escape in the path", 400, "not valid UTF-8", "GET /admin/essays/%FF HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("a raw non-ASCII character in the path", 400, "must be %-encoded", "GET /essays/\u00ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("a Host header that is no host", 400, "Host header", "GET / HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n"),
                Arguments.of("two Host headers", 400, "Host header", "GET / HTTP/1.1\r\nHost: localhost\r\nHost: example.org\r\nConnection: close\r\n\r\n"),
                Arguments.of("an unknown HTTP version", 505, "HTTP/1.1", "GET / HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("an address too long", 414, "address is longer", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("headers too large", 431, "headers", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformedRequests")
    void jettysOwnErrorCarriesTheSecurityHeaders(String what, int status, String named, String request) {
        Answer answer = RawHttp.send(APP.app().port(), request);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void jettysOwnErrorIsAShortPlainSentence(String what, int status, String named, String request) {
        Answer answer = RawHttp.send(APP.app().port(), request);
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        assertThat(answer.body()).startsWith(status + " ").hasSizeLessThan(200)
                .doesNotContain("jetty", "Exception", "<", "\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void jettysOwnErrorNamesTheProblem(String what, int status, String named, String request) {
        assertThat(RawHttp.send(APP.app().port(), request).body()).contains(named);
    }
}
