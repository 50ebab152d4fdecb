package org.byline.web;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import org.byline.support.Admin;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cross-site form POST (another origin, no token) is refused on every state-changing route. The
 * routes come from the router itself, so a route added later cannot be forgotten here.
 */
class CrossSiteFormTest {
    private static final Map<String, String> PATH_VALUES = Map.of(
            "{slug}", "loss-of-attribution", "{id}", "1", "{handle}", "alice", "{action}", "hide", "{revision}", "1");

    @Test
    void everyPostRouteRefusesAForgedCrossSiteForm() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            WebClient.postedId(alice.comment("loss-of-attribution", "a statement to aim at"));
            WebClient admin = Admin.signedIn(app, "ada");
            List<String> routes = new ArrayList<>();
            for (ParsedEndpoint endpoint : app.javalin().unsafe.internalRouter.allHttpHandlers()) {
                if (endpoint.endpoint.method == HandlerType.POST) {
                    String path = endpoint.endpoint.path;
                    for (var value : PATH_VALUES.entrySet()) {
                        path = path.replace(value.getKey(), value.getValue());
                    }
                    assertThat(path).as("every path parameter has a test value").doesNotContain("{");
                    routes.add(path);
                }
            }
            assertThat(routes).hasSizeGreaterThanOrEqualTo(15); // as many as App declares today: the list is not empty by accident
            long ledger = Db.count(app.config(), "ledger");
            long log = Db.count(app.config(), "moderation_log");
            long statements = Db.count(app.config(), "statement_revisions");
            for (String route : routes) {
                for (WebClient victim : List.of(alice, admin)) {
                    var page = victim.postRawWithHeader(route, "Origin", "https://evil.example",
                            Map.of("body", "forged", "reason", "forged", "handle", "mallory", "displayName", "Mallory",
                                    "password", "correct horse battery", "title", "Forged", "slug", "forged",
                                    "date", "2026-01-01", "markdown", "forged"), false);
                    assertThat(page.status()).as("forged POST %s", route).isEqualTo(403);
                    assertThat(page.body()).as("refused for its missing token: %s", route).contains("could not be verified");
                }
            }
            assertThat(Db.count(app.config(), "ledger")).isEqualTo(ledger);
            assertThat(Db.count(app.config(), "moderation_log")).isEqualTo(log);
            assertThat(Db.count(app.config(), "statement_revisions")).isEqualTo(statements);
            assertThat(alice.get("/").body()).contains("Sign out"); // the forged logout did nothing
        });
    }
}
