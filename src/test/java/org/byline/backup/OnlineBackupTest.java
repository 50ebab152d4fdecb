package org.byline.backup;

import org.byline.Config;
import org.byline.support.AppProcess;
import org.byline.support.Cli;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The backup an operator takes from a second process ({@code java -jar byline.jar backup FILE}) while
 * people keep posting: it must hold every statement acknowledged before it began, and a ledger whose
 * chain is complete, i.e. one consistent moment of the database.
 */
class OnlineBackupTest {
    static final String ESSAY = "loss-of-attribution";
    static final int WRITERS = 3;
    static final long PAUSE_MILLIS = 20; // people, not a load test: leave the two cores to the backup too

    @Test
    void aBackupFromAnotherProcessWhilePeoplePostHoldsEveryAcknowledgedStatementAndVerifies() {
        assumeFalse(TestDatabase.isPostgres(), "backup/restore of the embedded database; PostgreSQL: PostgresBackupTest");
        Path file = TestApp.freshDataDir().resolve("online.zip");
        Set<Long> acknowledgedBefore = new HashSet<>();
        String[] measured = new String[1];
        TestApp.run(app -> {
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                WebClient person = app.client().signedUp("writer" + w);
                writers.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        acknowledged.add(WebClient.postedId(person.comment(ESSAY, "Statement " + i + " of " + person)));
                        Thread.sleep(PAUSE_MILLIS);
                    }
                    return null;
                }));
            }
            while (acknowledged.size() < 4 * WRITERS) {
                Thread.sleep(10);
            }
            acknowledgedBefore.addAll(acknowledged);
            long started = System.nanoTime();
            Path log = file.resolveSibling("backup.log");
            int exit = AppProcess.run(AppProcess.fromClassPath("backup", file.toString()), backupEnv(app.config()), Path.of("."), log);
            measured[0] = "[backup] online backup from a second JVM in " + (System.nanoTime() - started) / 1_000_000 + " ms, ";
            int postedDuringBackup = acknowledged.size() - acknowledgedBefore.size();
            stop.set(true);
            for (Future<?> writer : writers) {
                writer.get(); // a failed post fails the test here
            }
            pool.shutdown();
            assertThat(exit).as(AppProcess.readLog(log)).isZero();
            assertThat(postedDuringBackup).as("people kept posting while the backup ran").isPositive();
            measured[0] += acknowledgedBefore.size() + " statements before it, " + postedDuringBackup + " during it";
        });

        Config restored = TestApp.config(TestApp.freshDataDir().resolve("data"), env -> { });
        Cli restore = Cli.restore(restored, file.toString());
        assertThat(restore.exit()).as(restore.all()).isZero();
        Cli verify = Cli.verify(restored);
        assertThat(verify.exit()).as(verify.all()).isZero();
        List<Long> present = Db.of(restored).withHandle(h -> h.createQuery("SELECT id FROM statements").mapTo(Long.class).list());
        assertThat(present).containsAll(acknowledgedBefore);
        System.out.println(measured[0]); // after the run: JavalinTest captures output while the app runs
    }

    /** The app's settings, as an operator gives them to {@code backup FILE} run next to the app. */
    static Map<String, String> backupEnv(Config config) {
        return Map.of("BYLINE_DATA_DIR", config.dataDir().toString(),
                "BYLINE_DB_URL", config.dbUrl(),
                "BYLINE_LEDGER_KEY_FILE", config.ledgerKeyFile().toString());
    }
}
