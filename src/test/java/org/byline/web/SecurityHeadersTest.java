package org.byline.web;

import org.byline.support.TestApp;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {
    @ParameterizedTest
    @ValueSource(strings = {"/", "/essays/loss-of-attribution", "/api/essays", "/static/css/byline.css", "/no-such-page"})
    void everyResponseCarriesAStrictPolicy(String path) {
        TestApp.run(app -> {
            Page page = app.client().get(path);
            assertThat(page.header("Content-Security-Policy"))
                    .contains("script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).isNotBlank();
        });
    }
}
