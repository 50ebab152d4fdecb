package org.byline;

import io.javalin.Javalin;
import org.byline.account.Sessions;
import org.byline.ledger.Ledger;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.byline.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    @Test
    void eightConcurrentWritersSplitAcrossAAndBProduceOneValidLedgerChainAndNoLostStatements() throws Exception {
        Config config = TestApp.config(TestApp.freshDataDir(), env -> { });
        List<Javalin> instances = startTogether(config);
        int writers = 8;
        int postsEach = 20;
        try {
            List<String> bases = instances.stream().map(i -> "http://localhost:" + i.port()).toList();
            // what the server acknowledged: statement id -> the text it must now have
            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            Map<Long, Integer> revisions = new ConcurrentHashMap<>();
            CyclicBarrier together = new CyclicBarrier(writers);
            ExecutorService threads = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    String base = bases.get(w % 2); // 4 writers on A, 4 on B
                    runs.add(threads.submit(() -> {
                        WebClient client = new WebClient(base).signedUp("writer" + writer);
                        String token = client.csrfToken(); // an HMAC of this browser's cookie: the same for every form
                        together.await(60, TimeUnit.SECONDS);
                        int done = 0;
                        for (int n = 0; n < postsEach; n++) {
                            String body = "Writer " + writer + " statement " + n + " on " + base + ".";
                            var posted = client.postRaw("/essays/" + SLUG + "/comments", Map.of("body", body, "_csrf", token));
                            if (posted.status() != 303) {
                                continue; // not acknowledged: nothing is promised about it
                            }
                            long id = WebClient.postedId(posted);
                            acknowledged.put(id, body);
                            revisions.put(id, 1);
                            done++;
                            if (n % 3 == 0) { // every third statement is edited at once, through the same instance
                                String edited = body + " (edited)";
                                var edit = client.postRaw("/statements/" + id + "/edit", Map.of("body", edited, "_csrf", token));
                                if (edit.status() == 303) {
                                    acknowledged.put(id, edited);
                                    revisions.put(id, 2);
                                }
                            }
                        }
                        return done;
                    }));
                }
                int total = 0;
                for (Future<Integer> run : runs) {
                    total += run.get(300, TimeUnit.SECONDS);
                }
                // under contention every post still succeeds: appends queue on the head row, none is refused
                assertThat(total).isEqualTo(writers * postsEach);
            } finally {
                threads.shutdownNow();
            }

            // every acknowledged statement is in the database, with the text last acknowledged for it
            Map<Long, String> stored = new HashMap<>();
            Db.of(config).useHandle(h -> h.createQuery(
                            "SELECT s.id, r.body FROM statements s JOIN statement_revisions r "
                                    + "ON r.statement_id = s.id AND r.revision = s.revision")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> stored.put(e.getKey(), e.getValue())));
            assertThat(stored).containsAllEntriesOf(acknowledged);

            List<Ledger.Entry> chain = assertOneValidChain(config);
            // and each acknowledged post and edit has its entry in it
            Map<String, String> byTarget = new LinkedHashMap<>();
            chain.forEach(e -> byTarget.put(e.target(), e.action()));
            revisions.forEach((id, revision) -> {
                assertThat(byTarget).containsEntry(Ledger.statementTarget(id, 1), "statement-posted");
                if (revision == 2) {
                    assertThat(byTarget).containsEntry(Ledger.statementTarget(id, 2), "statement-revised");
                }
            });
            long edits = revisions.values().stream().filter(r -> r == 2).count();
            assertThat(chain.stream().filter(e -> e.action().equals("statement-posted")).count()).isEqualTo(acknowledged.size());
            assertThat(chain.stream().filter(e -> e.action().equals("statement-revised")).count()).isEqualTo(edits);
        } finally {
            instances.forEach(Javalin::stop);
            TestDatabase.drop(config.dbUrl());
        }
    }

    @Test
    void theLedgerStaysOneGaplessChainWithNoForkWhenSeveralInstancesAppendAtOnce() throws Exception {
        Config config = TestApp.config(TestApp.freshDataDir(), env -> { });
        List<Javalin> instances = startTogether(config); // migrated, the essays imported into the ledger
        try {
            // Appenders with connections of their own, as separate instances have, all at the same moment.
            int appenders = 6;
            int appendsEach = 25;
            CyclicBarrier together = new CyclicBarrier(appenders);
            ExecutorService threads = Executors.newFixedThreadPool(appenders);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int a = 0; a < appenders; a++) {
                    int appender = a;
                    runs.add(threads.submit(() -> {
                        var jdbi = Db.of(config);
                        together.await(60, TimeUnit.SECONDS);
                        for (int n = 0; n < appendsEach; n++) {
                            int i = n;
                            jdbi.useTransaction(h -> Ledger.append(h, java.time.Instant.now(), "@appender" + appender,
                                    "test-append", "test:" + appender + "@" + i, Ledger.contentHash("x" + i)));
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(300, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            List<Ledger.Entry> chain = assertOneValidChain(config);
            assertThat(chain.stream().filter(e -> e.action().equals("test-append"))).hasSize(appenders * appendsEach);

            // The database itself refuses a fork, even from an appender that skips the head lock: two
            // transactions read the same head; the second to write a successor of it is refused.
            var jdbi = Db.of(config);
            try (var first = jdbi.open(); var second = jdbi.open()) {
                first.begin();
                second.begin();
                Ledger.Entry headFirst = unlockedSuccessor(first, "@fork-a");
                Ledger.Entry headSecond = unlockedSuccessor(second, "@fork-b");
                assertThat(headSecond.prevHash()).isEqualTo(headFirst.prevHash());
                insert(first, headFirst);
                first.commit();
                assertThatThrownBy(() -> insert(second, headSecond))
                        .hasRootCauseInstanceOf(SQLException.class)
                        .rootCause().hasMessageContaining("duplicate key"); // seq (primary key) and prev_hash are unique
                second.rollback();
            }
            // the same prev_hash under a fresh seq is refused too: a branch cannot hide behind a new number
            Ledger.Entry last = chain.get(chain.size() - 1);
            Ledger.Entry branch = new Ledger.Entry(last.seq() + 1000, last.at(), "@fork-c", "test-fork", "test:fork",
                    last.contentHash(), last.prevHash(),
                    Ledger.hash(last.seq() + 1000, last.at(), "@fork-c", "test-fork", "test:fork", last.contentHash(), last.prevHash()));
            assertThatThrownBy(() -> jdbi.useHandle(h -> insert(h, branch)))
                    .rootCause().hasMessageContaining("ledger_prev_hash_unique");
        } finally {
            instances.forEach(Javalin::stop);
            TestDatabase.drop(config.dbUrl());
        }
    }

    /** The successor of the current head as an appender that does not lock the head would compute it. */
    private static Ledger.Entry unlockedSuccessor(org.jdbi.v3.core.Handle h, String actor) {
        var head = h.createQuery("SELECT seq, hash FROM ledger_head WHERE id = 1")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).one();
        long seq = head.getKey() + 1;
        String at = "2030-01-01T00:00:00.000Z";
        String content = Ledger.contentHash(actor);
        return new Ledger.Entry(seq, at, actor, "test-fork", "test:fork", content, head.getValue(),
                Ledger.hash(seq, at, actor, "test-fork", "test:fork", content, head.getValue()));
    }

    private static void insert(org.jdbi.v3.core.Handle h, Ledger.Entry e) {
        h.createUpdate("INSERT INTO ledger (seq, at, actor, action, target, content_hash, prev_hash, entry_hash) "
                        + "VALUES (:seq, :at, :actor, :action, :target, :content, :prev, :hash)")
                .bind("seq", e.seq()).bind("at", e.at()).bind("actor", e.actor()).bind("action", e.action())
                .bind("target", e.target()).bind("content", e.contentHash()).bind("prev", e.prevHash())
                .bind("hash", e.entryHash()).execute();
    }

    /**
     * The whole ledger is one chain: seq 1..N with no gap, the first after the genesis hash, each
     * prev_hash the previous entry_hash, each entry_hash recomputed from its fields, and the head row
     * pointing at the last entry.
     */
    private static List<Ledger.Entry> assertOneValidChain(Config config) {
        List<Ledger.Entry> chain = Db.of(config).withHandle(h -> h.createQuery(
                        "SELECT seq, at, actor, action, target, content_hash, prev_hash, entry_hash FROM ledger ORDER BY seq")
                .map((rs, ctx) -> new Ledger.Entry(rs.getLong("seq"), rs.getString("at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("content_hash"),
                        rs.getString("prev_hash"), rs.getString("entry_hash")))
                .list());
        assertThat(chain).isNotEmpty();
        String prev = Ledger.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            Ledger.Entry e = chain.get(i);
            assertThat(e.seq()).as("seq of entry %d", i + 1).isEqualTo(i + 1L);
            assertThat(e.prevHash()).as("prev_hash of entry %d", e.seq()).isEqualTo(prev);
            assertThat(e.entryHash()).as("entry_hash of entry %d", e.seq()).isEqualTo(e.recomputedHash());
            prev = e.entryHash();
        }
        Ledger.Entry last = chain.get(chain.size() - 1);
        var head = Db.of(config).withHandle(h -> h.createQuery("SELECT seq, hash FROM ledger_head WHERE id = 1")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).one());
        assertThat(head).isEqualTo(Map.entry(last.seq(), last.entryHash()));
        return chain;
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
