package org.byline;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as an operator runs it: its own process, stopped with SIGTERM (systemd, docker, kill). Found by
 * bench/load.sh, which lost the last acknowledged writes of a run when it stopped the app.
 */
class ShutdownTest {
    private static final Pattern SERVING = Pattern.compile("Byline is serving on (http://localhost:\\d+)/");

    @Test
    void sigtermClosesTheDatabaseWithTheLastAcknowledgedStatementInIt() throws Exception {
        Path dataDir = TestApp.freshDataDir();
        Map<String, String> env = TestApp.env(dataDir, vars -> { });
        Path log = dataDir.resolve("app.log");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the tests' logging settings keep the app quiet; its address is in an info line
                "-Dorg.slf4j.simpleLogger.log.org.byline.App=info",
                "-cp", System.getProperty("java.class.path"), App.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        java.environment().putAll(env);
        Process app = java.start();
        try {
            String base = baseUrl(app, log);
            long id = WebClient.postedId(new WebClient(base).signedUp("alice")
                    .comment("loss-of-attribution", "Said just before the server was stopped."));

            app.destroy(); // SIGTERM
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
            // the app's own shutdown ran (stopped serving, closed the pool), not only H2's hook
            assertThat(Files.readString(log)).contains("Byline has stopped and closed its database");

            List<String> stored = Db.of(Config.fromEnv(env)).withHandle(h -> h.createQuery(
                    "SELECT body FROM statement_revisions WHERE statement_id = :id").bind("id", id).mapTo(String.class).list());
            assertThat(stored).containsExactly("Said just before the server was stopped.");
        } finally {
            app.destroyForcibly();
            TestDatabase.drop(Config.fromEnv(env).dbUrl());
        }
    }

    /** Waits for the app's "serving on" log line (port 0 picks a free port) and returns the address. */
    private static String baseUrl(Process app, Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 1200 && app.isAlive(); i++) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app did not start:\n" + Files.readString(log));
    }
}
