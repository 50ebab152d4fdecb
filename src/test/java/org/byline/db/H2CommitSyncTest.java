package org.byline.db;

import org.byline.Config;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded H2 database crashed in-process (SHUTDOWN IMMEDIATELY closes its file without writing
 * anything more, as a kill would) while several writers commit and call persistCommits: after reopening,
 * every write whose persistCommits returned is there. Many rounds, since a lost write needs the crash to
 * fall inside a short window; CrashSafetyIT does the same with the real jar and SIGKILL, fewer times.
 */
class H2CommitSyncTest {
    private static final int ROUNDS = 12;
    private static final int WRITERS = 8;

    @Test
    void everyPersistedCommitSurvivesACrashUnderConcurrentWriters() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "H2's file only");
        Path dataDir = TestApp.freshDataDir();
        Config config = Config.fromEnv(Map.of("BYLINE_DATA_DIR", dataDir.toString()));
        for (int r = 1; r <= ROUNDS; r++) {
            int round = r;
            Set<Integer> acknowledged = writeUntilCrash(config, round);
            try (Database reopened = Database.open(config)) {
                List<Integer> stored = reopened.jdbi().withHandle(h ->
                        h.createQuery("SELECT id FROM crash_probe WHERE round = :round")
                                .bind("round", round).mapTo(Integer.class).list());
                assertThat(acknowledged).as("round %d: writes acknowledged before the crash", round).hasSizeGreaterThan(20);
                Set<Integer> lost = new HashSet<>(acknowledged);
                lost.removeAll(stored);
                assertThat(lost).as("round %d: acknowledged writes missing after the crash", round).isEmpty();
            }
        }
    }

    private static Set<Integer> writeUntilCrash(Config config, int round) throws Exception {
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger nextId = new AtomicInteger(round * 1_000_000);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (Database db = Database.open(config)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS crash_probe(id INT PRIMARY KEY, round INT NOT NULL)"));
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> {
                    while (true) {
                        int id = nextId.incrementAndGet();
                        try {
                            db.jdbi().useHandle(h -> h.execute("INSERT INTO crash_probe(id, round) VALUES (?, ?)", id, round));
                            db.persistCommits();
                        } catch (RuntimeException crashed) {
                            return;
                        }
                        acknowledged.add(id);
                    }
                });
            }
            // past H2's 500 ms write delay in some rounds, inside it in others
            Thread.sleep(ThreadLocalRandom.current().nextInt(150, 900));
            try {
                db.jdbi().useHandle(h -> h.execute("SHUTDOWN IMMEDIATELY"));
            } catch (RuntimeException closedUnderUs) {
                // the statement closes its own connection too
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).as("writers stop once the database is gone").isTrue();
        }
        return acknowledged;
    }
}
