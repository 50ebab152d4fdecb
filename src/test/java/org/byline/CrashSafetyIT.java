package org.byline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    private static final Pattern SERVING = Pattern.compile("Byline is serving on (http://localhost:\\d+)/");
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
            Server server = Server.start(jar, dataDir, logs.resolve("round-" + round + ".log"));
            long serving = System.nanoTime();
            try {
                assertAllPresentAndWhole(server, acknowledged);
                List<WebClient> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    WebClient client = new WebClient(server.baseUrl);
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
                server.kill();
            }
            assertThat(server.exitCode).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            long killed = System.nanoTime();
            assertVerifyPasses(dataDir, logs.resolve("verify-" + round + ".log"));
            // where the time goes, in the failsafe report: start-up, posting until the kill, verify
            System.out.printf("round %d: started in %.1f s, %d acknowledged in all, killed after %.1f s, verified in %.1f s%n",
                    round, seconds(started, serving), acknowledged.size(), seconds(serving, killed), seconds(killed, System.nanoTime()));
        }

        Server last = Server.start(jar, dataDir, logs.resolve("final.log"));
        try {
            assertAllPresentAndWhole(last, acknowledged);
        } finally {
            last.kill();
        }
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    /** Writers post as fast as they can; once enough posts are acknowledged the server is killed under them. */
    private static void postUntilKilled(Server server, List<WebClient> writers, int round, Map<Long, String> acknowledged)
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
    private static void assertAllPresentAndWhole(Server server, Map<Long, String> acknowledged) throws IOException {
        WebClient reader = new WebClient(server.baseUrl);
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
        Process verify = Server.java(jar, dataDir, log, "verify").start();
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).as("verify finished").isTrue();
        assertThat(verify.exitValue()).as("verify exit code; output:\n" + Files.readString(log)).isZero();
    }

    /** The packaged app as a child process, its output in a log file under target/ for diagnosis. */
    private static final class Server {
        private final Process process;
        private final String baseUrl;
        private Integer exitCode;

        private Server(Process process, String baseUrl) {
            this.process = process;
            this.baseUrl = baseUrl;
        }

        static ProcessBuilder java(Path jar, Path dataDir, Path log, String... args) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // quicker start-up on a busy machine: the test needs no peak speed
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile()) // away from the worktree's ./db/essays: the jar's own copy
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("BYLINE_"));
            env.put("BYLINE_DATA_DIR", dataDir.toString());
            env.put("BYLINE_PORT", "0"); // a free port, which the app logs
            env.put("BYLINE_RATE_LIMIT", "off");
            env.put("BYLINE_PREMODERATION", "0");
            return builder;
        }

        static Server start(Path jar, Path dataDir, Path log) throws Exception {
            Process process = java(jar, dataDir, log).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the app exited with " + process.exitValue() + " at start-up:\n" + Files.readString(log));
                }
                Matcher serving = SERVING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (serving.find()) {
                    Server server = new Server(process, serving.group(1));
                    assertThat(new WebClient(server.baseUrl).get("/healthz").status()).isEqualTo(200);
                    return server;
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new AssertionError("the app did not start within 90 s:\n" + Files.readString(log));
        }

        /** SIGKILL: {@code destroyForcibly} sends it on Linux; the exit code 137 (128 + 9) confirms it. */
        void kill() throws InterruptedException {
            if (exitCode == null) {
                process.destroyForcibly();
                exitCode = process.waitFor();
            }
        }
    }
}
