package org.byline.support;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import org.byline.App;
import org.byline.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts the real app on a random port over a fresh, real database and hands the test a
 * {@link WebClient} pointed at it: an H2 file in a fresh temporary directory, or with
 * {@code -Dbyline.test.db=postgres} a fresh database on an embedded PostgreSQL (see {@link TestDatabase}).
 */
public final class TestApp {
    private TestApp() {
    }

    public interface Body {
        void run(Running app) throws Exception;
    }

    /** A started app: its base URL, its config (for a second start on the same data) and a client factory. */
    public record Running(Javalin javalin, Config config, String baseUrl) {
        public WebClient client() {
            return new WebClient(baseUrl);
        }

        public int port() {
            return javalin.port();
        }
    }

    public static Path freshDataDir() {
        try {
            return Files.createTempDirectory("byline-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Config for a fresh data directory and a fresh database, rate limits and pre-moderation off unless
     * a test turns them on. Starting the app twice with the same config reopens the same database.
     */
    public static Config config(Path dataDir, Consumer<Map<String, String>> env) {
        return Config.fromEnv(env(dataDir, env));
    }

    /** The environment behind {@link #config}, for an app started as a process of its own. */
    public static Map<String, String> env(Path dataDir, Consumer<Map<String, String>> env) {
        Map<String, String> vars = new HashMap<>();
        vars.put("BYLINE_DATA_DIR", dataDir.toString());
        TestDatabase.freshDatabase(vars);
        vars.put("BYLINE_PORT", "0");
        vars.put("BYLINE_RATE_LIMIT", "off");
        // pre-moderation has its own tests; elsewhere statements go up at once
        vars.put("BYLINE_PREMODERATION", "0");
        env.accept(vars);
        return vars;
    }

    public static void run(Body body) {
        Config config = config(freshDataDir(), env -> { });
        try {
            run(config, body);
        } finally {
            TestDatabase.drop(config.dbUrl()); // nobody else has this config
        }
    }

    public static void run(Config config, Body body) {
        Javalin javalin = App.create(config);
        JavalinTest.test(javalin, (server, client) ->
                body.run(new Running(server, config, "http://localhost:" + server.port())));
    }
}
