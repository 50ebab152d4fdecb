package org.byline;

import io.javalin.Javalin;
import org.byline.account.Sessions;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.byline.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Several instances on one PostgreSQL database (README "Scaling out"): any instance serves any request.
 * Runs only with {@code -Dbyline.test.db=postgres}: an H2 file belongs to one instance.
 */
class MultiInstanceTest {
    private static final String SLUG = "loss-of-attribution";

    @BeforeEach
    void onPostgresOnly() {
        assumeThat(TestDatabase.isPostgres()).as("several instances need PostgreSQL").isTrue();
    }

    @Test
    void anyInstanceServesAnyRequest() throws Exception {
        Config config = TestApp.config(TestApp.freshDataDir(), env -> { });
        List<Javalin> instances = startTogether(config);
        try {
            String a = "http://localhost:" + instances.get(0).port();
            String b = "http://localhost:" + instances.get(1).port();
            WebClient viaA = new WebClient(a).signedUp("alice");
            WebClient viaB = viaA.sameBrowserAt(b);

            // signed in through A, signed in on B
            assertThat(viaB.get("/").html().select(".site-nav").text()).contains("Sign out").contains("alice");

            // posted through A, read through B
            long id = WebClient.postedId(viaA.comment(SLUG, "Posted through instance A."));
            assertThat(viaB.get("/statements/" + id).body()).contains("Posted through instance A.");

            // the CSRF token of a page served by A is accepted by B
            String tokenFromA = viaA.csrfToken();
            var postedOnB = viaB.postRaw("/essays/" + SLUG + "/comments", Map.of("body", "Posted through B with the token from A.", "_csrf", tokenFromA));
            assertThat(postedOnB.status()).isEqualTo(303);
            assertThat(viaA.get("/statements/" + WebClient.postedId(postedOnB)).body()).contains("Posted through B with the token from A.");

            // signed out through B, signed out on A, even for a copy of the old cookie
            String oldSession = viaA.cookie(Sessions.COOKIE).getValue();
            assertThat(viaB.post("/logout", Map.of()).status()).isEqualTo(303);
            assertThat(viaA.get("/").html().select(".site-nav").text()).contains("Sign in").doesNotContain("alice");
            WebClient replay = new WebClient(a);
            replay.setCookie(Sessions.COOKIE, oldSession);
            assertThat(replay.get("/").html().select(".site-nav").text()).contains("Sign in").doesNotContain("alice");
            assertThat(Db.count(config, "sessions")).isZero();
        } finally {
            instances.forEach(Javalin::stop);
        }
    }

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseBothStartAndImportOnce() throws Exception {
        for (int round = 0; round < 2; round++) { // a race may need a few tries to show
            Config config = TestApp.config(TestApp.freshDataDir(), env -> { });
            List<Javalin> instances = startTogether(config);
            try {
                for (Javalin instance : instances) {
                    assertThat(new WebClient("http://localhost:" + instance.port()).get("/healthz").status()).isEqualTo(200);
                }
                assertThat(Db.count(config, "essays")).isEqualTo(2);
                assertThat(Db.count(config, "essay_revisions")).isEqualTo(2);
                assertThat(Db.count(config, "accounts")).isEqualTo(1); // the owner, once
                assertThat(Db.count(config, "site_secrets")).isEqualTo(1);
                long migrations = Db.of(config).withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL AND success").mapTo(Long.class).one());
                long distinct = Db.of(config).withHandle(h -> h.createQuery(
                        "SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL").mapTo(Long.class).one());
                assertThat(migrations).isEqualTo(distinct).isPositive();
            } finally {
                instances.forEach(Javalin::stop);
            }
            TestDatabase.drop(config.dbUrl());
        }
    }

    /** Two threads call {@link App#create} at the same moment on the same config, then each serves on a port of its own. */
    private static List<Javalin> startTogether(Config config) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Javalin>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return App.create(config).start(0);
                }));
            }
            List<Javalin> instances = new ArrayList<>();
            Exception failed = null;
            for (Future<Javalin> start : starts) {
                try {
                    instances.add(start.get(120, TimeUnit.SECONDS));
                } catch (Exception e) {
                    failed = e;
                }
            }
            if (failed != null) {
                instances.forEach(Javalin::stop);
                throw failed;
            }
            return instances;
        } finally {
            threads.shutdownNow();
        }
    }
}
