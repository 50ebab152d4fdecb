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
 * Starts the real app on a random port over a real H2 file database in a fresh temporary
 * directory, and hands the test a {@link WebClient} pointed at it.
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

    /** Config for a fresh data directory, rate limits and pre-moderation off unless a test turns them on. */
    public static Config config(Path dataDir, Consumer<Map<String, String>> env) {
        Map<String, String> vars = new HashMap<>();
        vars.put("BYLINE_DATA_DIR", dataDir.toString());
        vars.put("BYLINE_PORT", "0");
        vars.put("BYLINE_RATE_LIMIT", "off");
        // pre-moderation has its own tests; elsewhere statements go up at once
        vars.put("BYLINE_PREMODERATION", "0");
        env.accept(vars);
        return Config.fromEnv(vars);
    }

    public static void run(Body body) {
        run(config(freshDataDir(), env -> { }), body);
    }

    public static void run(Config config, Body body) {
        Javalin javalin = App.create(config);
        JavalinTest.test(javalin, (server, client) ->
                body.run(new Running(server, config, "http://localhost:" + server.port())));
    }
}
