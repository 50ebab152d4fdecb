package org.byline.moderation;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first pass over the moderation pages and their queries (filtered log, report queue, per-person
 * history), so that they are run on H2 and PostgreSQL alike until their own tests arrive.
 */
class ModerationSmokeTest {
    private static final String SLUG = "loss-of-attribution";

    @Test
    void reportHideAndReadTheLogWithAndWithoutFilters() {
        TestApp.run(app -> {
            WebClient author = app.client().signedUp("bob");
            long id = WebClient.postedId(author.comment(SLUG, "Something to report."));
            WebClient reporter = app.client().signedUp("carol");
            assertThat(reporter.post("/statements/" + id + "/reports", Map.of("reason", "spam", "details", "ads")).status())
                    .isEqualTo(303);
            WebClient mod = app.client().signedUp("mia");
            Db.of(app.config()).useHandle(h -> h.createUpdate("UPDATE accounts SET role = 'moderator' WHERE handle = 'mia'").execute());

            assertThat(mod.get("/moderation").status()).isEqualTo(200);
            assertThat(mod.get("/api/moderation/queue").status()).isEqualTo(200);
            assertThat(mod.post("/moderation/statements/" + id + "/hide", Map.of("reason", "Advertising.")).status())
                    .isEqualTo(303);
            assertThat(Db.count(app.config(), "moderation_log")).isEqualTo(1);

            for (String query : new String[] {"", "?moderator=mia", "?action=hide", "?moderator=mia&action=hide",
                    "?moderator=nobody", "?before=1"}) {
                assertThat(mod.get("/moderation/log" + query).status()).as(query).isEqualTo(200);
                assertThat(mod.get("/api/moderation/log" + query).status()).as(query).isEqualTo(200);
            }
            assertThat(mod.get("/api/moderation/log?moderator=mia&action=hide").body()).contains("Advertising.");
            assertThat(mod.get("/api/moderation/log?action=lock").body()).doesNotContain("Advertising.");
            assertThat(mod.get("/moderation/people/bob").body()).contains("Advertising.");
            assertThat(mod.get("/moderation/statements/" + id).status()).isEqualTo(200);
        });
    }
}
