package org.byline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.byline.support.AppProcess;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety on the packaged jar (runs in failsafe's {@code integration-test} phase, after {@code package}):
 * several clients post at once, the process is killed with SIGKILL in the middle, and after a restart on the
 * same data directory every statement whose POST was acknowledged is there with its exact text, nothing is
 * half-written, and {@code verify} passes. Several rounds on the same data directory. H2 (the embedded
 * default) only: with PostgreSQL durability is the database server's, not the app's.
 */
class CrashSafetyIT {
    private static final String SLUG = "loss-of-attribution";
    private static final int ROUNDS = 3;
    private static final int WRITERS = 4;
    /** Acknowledged posts in a round before the kill: enough that the kill lands among busy writers. */
    private static final int ACKS_BEFORE_KILL = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar = Path.of(System.getProperty("byline.jar", "target/byline.jar")).toAbsolutePath();
    private final Path logs = Path.of(System.getProperty("byline.crashLogs", "target/crash-safety")).toAbsolutePath();

    @Test
    void everyAcknowledgedStatementSurvivesSigkillAndTheLedgerVerifies() throws Exception {
        assertThat(jar).as("the packaged jar (mvn package)").isRegularFile();
        Files.createDirectories(logs);
        Path dataDir = Files.createTempDirectory("byline-crash-");
        // statement id -> the exact text the server acknowledged, over all rounds
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();

        for (int round = 1; round <= ROUNDS; round++) {
            long started = System.nanoTime();
            AppProcess server = AppProcess.start(AppProcess.fromJar(jar), env(dataDir), workDir(), logs.resolve("round-" + round + ".log"));
            long serving = System.nanoTime();
            int exitCode;
            try {
                assertAllPresentAndWhole(server, acknowledged);
                List<WebClient> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    WebClient client = new WebClient(server.baseUrl());
                    // accounts made in round 1 must survive the kills too: later rounds sign in to them
                    WebClient.Page signedIn = round == 1
                            ? client.register("writer" + w, "Writer " + w, "correct horse battery")
                            : client.login("writer" + w, "correct horse battery");
                    assertThat(signedIn.status()).as("round %d: writer%d signs in", round, w).isEqualTo(303);
                    writers.add(client);
                }
                int before = acknowledged.size();
                postUntilKilled(server, writers, round, acknowledged);
                assertThat(acknowledged.size() - before).as("round %d: posts acknowledged before the kill", round)
                        .isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
            } finally {
                exitCode = server.kill();
            }
            assertThat(exitCode).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            long killed = System.nanoTime();
            assertVerifyPasses(dataDir, logs.resolve("verify-" + round + ".log"));
            // where the time goes, in the failsafe report: start-up, posting until the kill, verify
            System.out.printf("round %d: started in %.1f s, %d acknowledged in all, killed after %.1f s, verified in %.1f s%n",
                    round, seconds(started, serving), acknowledged.size(), seconds(serving, killed), seconds(killed, System.nanoTime()));
        }

        AppProcess last = AppProcess.start(AppProcess.fromJar(jar), env(dataDir), workDir(), logs.resolve("final.log"));
        try {
            assertAllPresentAndWhole(last, acknowledged);
        } finally {
            last.kill();
        }
    }

    /** Only these settings, none inherited from the environment the build runs in. */
    private static Map<String, String> env(Path dataDir) {
        return Map.of("BYLINE_DATA_DIR", dataDir.toString(),
                "BYLINE_PORT", "0", // a free port, which the app logs
                "BYLINE_RATE_LIMIT", "off",
                "BYLINE_PREMODERATION", "0");
    }

    /** Away from the worktree's ./db/essays, so the app imports the jar's own copy. */
    private Path workDir() {
        return jar.getParent();
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    /** Writers post as fast as they can; once enough posts are acknowledged the server is killed under them. */
    private static void postUntilKilled(AppProcess server, List<WebClient> writers, int round, Map<Long, String> acknowledged)
            throws Exception {
        CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
        List<String> refused = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            WebClient client = writers.get(w);
            String token = client.csrfToken();
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int n = 0; ; n++) {
                    // non-ASCII and Markdown punctuation, so "exact text" means more than ASCII survived
                    String body = "Round " + round + ", writer " + writer + ", statement " + n + ": *ünïcödé* — “quoted” ✓";
                    WebClient.Page posted;
                    try {
                        posted = client.postRaw("/essays/" + SLUG + "/comments", Map.of("body", body, "_csrf", token));
                    } catch (UncheckedIOException killed) {
                        return; // the server is gone; this post was not acknowledged, so nothing is promised about it
                    }
                    if (posted.status() != 303) {
                        refused.add(posted.status() + " " + posted.body());
                        return;
                    }
                    acknowledged.put(WebClient.postedId(posted), body);
                    enough.countDown();
                }
            }, "crash-writer-" + w);
            thread.start();
            threads.add(thread);
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).as("round %d: %d posts acknowledged", round, ACKS_BEFORE_KILL).isTrue();
        server.kill(); // while the writers are still posting
        for (Thread thread : threads) {
            thread.join(30_000);
            assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
        }
        assertThat(refused).as("round %d: posts the running server refused", round).isEmpty();
    }

    /**
     * Every acknowledged statement is there with its exact text; every statement there (acknowledged or caught
     * by the kill) has its ledger entry and every statement-posted entry its statement: nothing half-written.
     */
    private static void assertAllPresentAndWhole(AppProcess server, Map<Long, String> acknowledged) throws IOException {
        WebClient reader = new WebClient(server.baseUrl());
        Map<Long, String> stored = new HashMap<>();
        collect(JSON.readTree(reader.get("/api/essays/" + SLUG + "/comments").body()).get("comments"), stored);
        assertThat(stored).as("statements after restart").containsAllEntriesOf(acknowledged);

        Set<Long> posted = new HashSet<>();
        for (String next = "/api/ledger?after=0&limit=1000"; next != null; ) {
            JsonNode page = JSON.readTree(reader.get(next).body());
            for (JsonNode entry : page.get("entries")) {
                if (entry.get("action").asText().equals("statement-posted")) {
                    Matcher target = Pattern.compile("statement:(\\d+)@1").matcher(entry.get("target").asText());
                    assertThat(target.matches()).as(entry.toString()).isTrue();
                    posted.add(Long.parseLong(target.group(1)));
                }
            }
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertThat(posted).as("statements with a statement-posted ledger entry").isEqualTo(stored.keySet());
    }

    private static void collect(JsonNode statements, Map<Long, String> into) {
        for (JsonNode s : statements) {
            into.put(s.get("id").asLong(), s.get("body").asText());
            collect(s.get("replies"), into);
        }
    }

    private void assertVerifyPasses(Path dataDir, Path log) throws Exception {
        int exit = AppProcess.run(AppProcess.fromJar(jar, "verify"), env(dataDir), workDir(), log);
        assertThat(exit).as("verify exit code; output:\n" + AppProcess.readLog(log)).isZero();
    }
}
