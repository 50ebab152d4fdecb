package org.byline.support;

import org.byline.App;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Byline in a JVM of its own, as an operator runs it (so it can be stopped with SIGTERM or killed with
 * SIGKILL): from the packaged jar or from the tests' class path, with exactly the given {@code BYLINE_*}
 * settings and its output in a log file.
 */
public final class AppProcess {
    private static final Pattern SERVING = Pattern.compile("Byline is serving on (http://localhost:\\d+)/");

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private AppProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** {@code java -cp <the tests' class path> org.byline.App ARGS}: what is compiled now, no jar needed. */
    public static List<String> fromClassPath(String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(),
                // the tests' logging settings keep the app quiet; its address is in an info line
                "-Dorg.slf4j.simpleLogger.log.org.byline.App=info",
                "-cp", System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code java -jar JAR ARGS}, with a small heap and a quick start (the tests need no peak speed). */
    public static List<String> fromJar(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The process, not yet started: its {@code BYLINE_*} settings are {@code env} only (none inherited), it runs in
     * {@code workDir} and writes stdout and stderr to {@code log}.
     */
    public static ProcessBuilder builder(List<String> command, Map<String, String> env, Path workDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BYLINE_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** Starts the app (BYLINE_PORT=0 is fine: the port is read from its log) and waits until /healthz answers. */
    public static AppProcess start(List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException, InterruptedException {
        Process process = builder(command, env, workDir, log).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + " at start-up:\n" + readLog(log));
            }
            Matcher serving = SERVING.matcher(readLog(log));
            if (serving.find()) {
                AppProcess app = new AppProcess(process, serving.group(1), log);
                assertThat(new WebClient(app.baseUrl).get("/healthz").status()).as("/healthz").isEqualTo(200);
                return app;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("the app did not start within 90 s:\n" + readLog(log));
    }

    /** Runs a command ({@code verify}, {@code backup FILE}, ...) to its end; returns its exit code. */
    public static int run(List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException, InterruptedException {
        Process process = builder(command, env, workDir, log).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 120 s: " + command + "\n" + readLog(log));
        }
        return process.exitValue();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String log() throws IOException {
        return readLog(log);
    }

    /** SIGKILL ({@code destroyForcibly} sends it on Linux); returns the exit code, 137 (128 + 9) when it was that. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM, as systemd, docker or kill send it; true when the app stopped within the time given. */
    public boolean terminate(long seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    public static String readLog(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
