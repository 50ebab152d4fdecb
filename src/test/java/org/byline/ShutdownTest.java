package org.byline;

import org.byline.support.AppProcess;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as an operator runs it: its own process, stopped with SIGTERM (systemd, docker, kill). Found by
 * bench/load.sh, which lost the last acknowledged writes of a run when it stopped the app.
 */
class ShutdownTest {
    @Test
    void sigtermClosesTheDatabaseWithTheLastAcknowledgedStatementInIt() throws Exception {
        Path dataDir = TestApp.freshDataDir();
        Map<String, String> env = TestApp.env(dataDir, vars -> { });
        AppProcess app = AppProcess.start(AppProcess.fromClassPath(), env, Path.of("."), dataDir.resolve("app.log"));
        try {
            long id = WebClient.postedId(new WebClient(app.baseUrl()).signedUp("alice")
                    .comment("loss-of-attribution", "Said just before the server was stopped."));

            assertThat(app.terminate(60)).as("the app stops on SIGTERM").isTrue();
            // the app's own shutdown ran (stopped serving, closed the pool), not only H2's hook
            assertThat(app.log()).contains("Byline has stopped and closed its database");

            List<String> stored = Db.of(Config.fromEnv(env)).withHandle(h -> h.createQuery(
                    "SELECT body FROM statement_revisions WHERE statement_id = :id").bind("id", id).mapTo(String.class).list());
            assertThat(stored).containsExactly("Said just before the server was stopped.");
        } finally {
            app.kill();
            TestDatabase.drop(Config.fromEnv(env).dbUrl());
        }
    }
}
