package org.byline;

import io.javalin.Javalin;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.byline.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The example reverse-proxy configuration {@code deploy/nginx.conf} (README "Deployment"), started for
 * real in front of two instances on one PostgreSQL. PostgreSQL only; needs Debian's {@code nginx}
 * ({@code .ci/run} installs it): skipped without it, except under {@code CI=true}, where it fails.
 *
 * <p>The test runs a copy of the file with only these changes, each of which must match exactly so the
 * copy cannot drift from the committed file: the listen ports become free ports on 127.0.0.1, the TLS
 * lines go (the test speaks plain HTTP), the upstream servers become the two test instances, the pid,
 * log and temp paths move into a temporary prefix, the access log also records which upstream served,
 * and {@code user www-data;} becomes {@code user root;} when the test runs as root (CI does): the
 * workers then run as root too, so they can use the temporary directory; as any other user nginx
 * ignores the directive and runs everything as that user.
 */
class NginxTest {
    private static final Path CONFIG = Path.of("deploy", "nginx.conf");
    private static final String SLUG = "loss-of-attribution";

    private static final List<Javalin> instances = new ArrayList<>();
    private static Config config;
    private static Process nginx;
    private static Path prefix;
    private static String base;
    private static int redirectPort;

    @BeforeAll
    static void startTwoInstancesBehindNginx() throws Exception {
        assumeThat(TestDatabase.isPostgres()).as("two instances need PostgreSQL").isTrue();
        Path binary = nginxBinary();
        if (binary == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("nginx is not installed (apt-get install nginx); .ci/run installs it");
            }
            assumeThat(binary).as("nginx is installed").isNotNull();
        }
        config = TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_CLIENT_IP_HEADER", "X-Real-IP"));
        instances.add(App.create(config).start(0));
        instances.add(App.create(config).start(0));

        prefix = Files.createTempDirectory("byline-nginx-");
        int port = freePort();
        redirectPort = freePort();
        String conf = Files.readString(CONFIG);
        conf = replaceOnce(conf, "listen 443 ssl http2;", "listen 127.0.0.1:" + port + ";");
        conf = replaceOnce(conf, "listen 80;", "listen 127.0.0.1:" + redirectPort + ";");
        conf = conf.replaceAll("(?m)^\\s*ssl_[a-z_]+\\s[^;]*;\\s*$\\n", "");
        assertThat(conf).doesNotContain("ssl");
        conf = replaceOnce(conf, "server 127.0.0.1:7071 ", "server 127.0.0.1:" + instances.get(0).port() + " ");
        conf = replaceOnce(conf, "server 127.0.0.1:7072 ", "server 127.0.0.1:" + instances.get(1).port() + " ");
        conf = replaceOnce(conf, "user www-data;", "root".equals(System.getProperty("user.name")) ? "user root;" : "");
        conf = replaceOnce(conf, "pid /run/nginx.pid;", "pid " + prefix.resolve("nginx.pid") + ";");
        conf = replaceOnce(conf, "access_log /var/log/nginx/access.log;",
                "log_format upstreams '$request_uri $status $upstream_addr';\n"
                        + "    access_log " + prefix.resolve("access.log") + " upstreams;\n"
                        + "    error_log " + prefix.resolve("error.log") + ";\n"
                        + "    client_body_temp_path " + prefix.resolve("body") + ";\n"
                        + "    proxy_temp_path " + prefix.resolve("proxy") + ";\n"
                        + "    fastcgi_temp_path " + prefix.resolve("fastcgi") + ";\n"
                        + "    uwsgi_temp_path " + prefix.resolve("uwsgi") + ";\n"
                        + "    scgi_temp_path " + prefix.resolve("scgi") + ";");
        Path copy = prefix.resolve("nginx.conf");
        Files.writeString(copy, conf);

        nginx = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", copy.toString(),
                "-e", prefix.resolve("startup-error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("nginx.out").toFile())
                .start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!accepts(port)) {
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("nginx did not start:\n" + Files.readString(prefix.resolve("nginx.out"))
                        + readIfThere(prefix.resolve("startup-error.log")) + readIfThere(prefix.resolve("error.log")));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy(); // SIGTERM: the master stops its workers
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        instances.forEach(Javalin::stop);
        if (config != null) {
            TestDatabase.drop(config.dbUrl());
        }
    }

    @Test
    void aSignInThroughNginxHoldsAcrossRequestsThatReachBothInstances() throws Exception {
        WebClient browser = new WebClient(base).signedUp("nadia");
        for (int i = 0; i < 6; i++) {
            assertThat(browser.get("/").html().select(".site-nav").text()).contains("Sign out").contains("nadia");
        }
        long id = WebClient.postedId(browser.comment(SLUG, "Posted through nginx."));
        for (int i = 0; i < 4; i++) {
            assertThat(browser.get("/statements/" + id).body()).contains("Posted through nginx.");
        }
        String log = Files.readString(prefix.resolve("access.log"));
        for (Javalin instance : instances) {
            assertThat(log).as("requests reached the instance on port %d", instance.port())
                    .contains("127.0.0.1:" + instance.port());
        }
    }

    @Test
    void healthzThroughNginxIsOk() {
        WebClient.Page health = new WebClient(base).get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":\"ok\"");
    }

    @Test
    void aBodyOverTheAppsOneMegabyteLimitIsRefusedByNginxWith413() throws Exception {
        assertThat(postBytes((int) App.MAX_REQUEST_BYTES + 1)).isEqualTo(413);
        // at the limit it is passed on: the app answers (here 403, as the form carries no CSRF token)
        assertThat(postBytes((int) App.MAX_REQUEST_BYTES)).isEqualTo(403);
    }

    @Test
    void plainHttpIsRedirectedToHttps() {
        WebClient.Page page = new WebClient("http://127.0.0.1:" + redirectPort).get("/essays/" + SLUG);
        assertThat(page.status()).isEqualTo(301);
        assertThat(page.location()).startsWith("https://").endsWith("/essays/" + SLUG);
    }

    private static int postBytes(int size) throws Exception {
        String body = "body=" + "a".repeat(size - 5);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/essays/" + SLUG + "/comments"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("no answer to a POST of " + size + " bytes", e);
        }
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertThat(at).as("deploy/nginx.conf contains '%s'", target).isNotNegative();
        assertThat(text.indexOf(target, at + 1)).as("'%s' occurs once in deploy/nginx.conf", target).isNegative();
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    private static Path nginxBinary() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "nginx");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
