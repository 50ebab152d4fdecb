package org.byline.db;

import org.byline.Config;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded H2 database crashed in-process (SHUTDOWN IMMEDIATELY closes its file without writing
 * anything more, as a kill would) while several writers commit and call persistCommits: after reopening,
 * every write whose persistCommits returned is there, at the revision last acknowledged or later. CrashSafetyIT
 * does the same with the real jar and SIGKILL, fewer times.
 */
class H2CommitSyncTest {
    private static final int WRITERS = 8;

    /** Writes of rows as small as a statement; many short rounds, since a lost write needs the crash in a short window. */
    @Test
    void everyPersistedWriteSurvivesACrashUnderConcurrentWriters() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "H2's file only");
        Config config = freshH2();
        for (int round = 1; round <= 12; round++) {
            // past H2's 500 ms write delay in some rounds, inside it in others
            crashAndCheck(config, round, ThreadLocalRandom.current().nextInt(0, 750), 0, false);
        }
    }

    /**
     * Rows of random size, inserted and rewritten for longer than RETENTION_TIME, so H2 puts new chunks
     * into space freed by old ones, away from where it guessed: before H2CommitSync rewrote the header,
     * the restart lost the newest writes in one of the two rounds, in each of two runs.
     */
    @Test
    void everyPersistedWriteSurvivesACrashOnceH2ReusesFreedSpace() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "H2's file only");
        Config config = freshH2();
        for (int round = 1; round <= 2; round++) {
            crashAndCheck(config, round, 8_000, 30_000, true);
        }
    }

    /** Without it the header fix is gone and the test above passes only by luck: an H2 upgrade must not drop it silently. */
    @Test
    void theHeaderRewriteReachesH2() {
        assertThat(H2CommitSync.headerRewriteAvailable()).isTrue();
    }

    private static Config freshH2() {
        Path dataDir = TestApp.freshDataDir();
        return Config.fromEnv(Map.of("BYLINE_DATA_DIR", dataDir.toString()));
    }

    private static void crashAndCheck(Config config, int round, int writeMillis, int maxPadding, boolean rewrite) throws Exception {
        Map<Integer, Integer> acknowledged = writeUntilCrash(config, round, writeMillis, maxPadding, rewrite);
        try (Database reopened = Database.open(config)) {
            Map<Integer, Integer> stored = new HashMap<>();
            reopened.jdbi().useHandle(h -> h.createQuery("SELECT id, rev FROM crash_probe WHERE round = :round")
                    .bind("round", round)
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getInt(2)))
                    .forEach(row -> stored.put(row.getKey(), row.getValue())));
            assertThat(acknowledged).as("round %d: writes acknowledged before the crash", round).hasSizeGreaterThanOrEqualTo(25);
            List<String> lost = new ArrayList<>();
            acknowledged.forEach((id, rev) -> {
                // a later revision may be stored: its commit was in when the crash cut its persistCommits short
                if (stored.get(id) == null || stored.get(id) < rev) {
                    lost.add("row " + id + " revision " + rev + " (stored: " + stored.get(id) + ")");
                }
            });
            assertThat(lost).as("round %d: acknowledged writes missing after the crash", round).isEmpty();
        }
    }

    /** Answers each acknowledged row with the revision last acknowledged; every writer writes rows of its own. */
    private static Map<Integer, Integer> writeUntilCrash(Config config, int round, int writeMillis, int maxPadding,
                                                         boolean rewrite) throws Exception {
        Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger nextId = new AtomicInteger(round * 1_000_000);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (Database db = Database.open(config)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS crash_probe("
                    + "id INT PRIMARY KEY, round INT NOT NULL, rev INT NOT NULL, padding VARCHAR(100000) NOT NULL)"));
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    List<Integer> mine = new ArrayList<>();
                    while (!stop.get()) {
                        String padding = "p".repeat(maxPadding == 0 ? 0 : random.nextInt(maxPadding));
                        try {
                            if (rewrite && !mine.isEmpty() && random.nextInt(3) > 0) {
                                int id = mine.get(mine.size() - 1 - random.nextInt(Math.min(20, mine.size())));
                                int rev = acknowledged.get(id) + 1;
                                db.jdbi().useHandle(h -> h.execute("UPDATE crash_probe SET rev = ?, padding = ? WHERE id = ?", rev, padding, id));
                                db.persistCommits();
                                acknowledged.put(id, rev);
                            } else {
                                int id = nextId.incrementAndGet();
                                db.jdbi().useHandle(h -> h.execute("INSERT INTO crash_probe(id, round, rev, padding) VALUES (?, ?, 1, ?)",
                                        id, round, padding));
                                db.persistCommits();
                                acknowledged.put(id, 1);
                                mine.add(id);
                            }
                        } catch (RuntimeException crashed) {
                            return;
                        }
                    }
                });
            }
            // some writes in before the crash clock starts, however slow this machine is today
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 25 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(writeMillis);
            if (rewrite) {
                // the writers stop first: nothing written after the last acknowledged write refreshes the header
                stop.set(true);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).as("writers stop").isTrue();
                Thread.sleep(100);
            }
            try {
                db.jdbi().useHandle(h -> h.execute("SHUTDOWN IMMEDIATELY"));
            } catch (RuntimeException closedUnderUs) {
                // the statement closes its own connection too
            }
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).as("writers stop once the database is gone").isTrue();
        }
        return acknowledged;
    }
}
