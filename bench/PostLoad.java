import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load client for bench/scale-out.sh (not a test). Registers CLIENTS people spread round-robin over
 * the given instances, then each posts statements as fast as it can for SECONDS, and prints
 * statements/s. Afterwards it checks in the database that every acknowledged post (303) is there and
 * that the ledger is one gapless chain.
 *
 * <p>Run with the app's jar on the class path (for the PostgreSQL driver):
 * {@code java -cp target/byline.jar bench/PostLoad.java SECONDS CLIENTS JDBC_URL USER PASSWORD BASE_URL...}
 */
public class PostLoad {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String SLUG = "loss-of-attribution";

    record Client(HttpClient http, String base, String token) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: PostLoad SECONDS CLIENTS JDBC_URL USER PASSWORD BASE_URL...");
            System.exit(2);
        }
        int seconds = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        String jdbcUrl = args[2];
        String dbUser = args[3];
        String dbPassword = args[4];
        List<String> bases = List.of(args).subList(5, args.length);
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);

        List<Client> signedIn = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            signedIn.add(signUp(bases.get(i % bases.size()), "bench" + run + "p" + i));
        }

        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        for (int i = 0; i < clients; i++) {
            Client c = signedIn.get(i);
            int client = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int n = 0; n < 1_000_000 && System.nanoTime() < deadline[0]; n++) {
                        HttpResponse<String> r = post(c, "/essays/" + SLUG + "/comments",
                                Map.of("body", "Benchmark statement " + n + " from client " + client + ".", "_csrf", c.token()));
                        String location = r.headers().firstValue("Location").orElse("");
                        if (r.statusCode() == 303 && location.contains("#s-")) {
                            acknowledged.add(Long.parseLong(location.substring(location.indexOf("#s-") + 3)));
                        } else if (failed.incrementAndGet() <= 3) {
                            System.err.println("client " + client + ": HTTP " + r.statusCode() + " " + location + " "
                                    + r.body().substring(0, Math.min(300, r.body().length())));
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.err.println("client " + client + ": " + e);
                }
            });
            t.start();
            threads.add(t);
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double rate = acknowledged.size() / elapsed;

        long missing;
        long ledgerEntries;
        long ledgerBreaks;
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM statements WHERE id = ANY (?)")) {
                Array ids = db.createArrayOf("bigint", acknowledged.toArray());
                q.setArray(1, ids);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    missing = acknowledged.size() - rs.getLong(1);
                }
            }
            // gapless (seq 1..N) and linked (each prev_hash is the previous entry_hash, the first the genesis)
            try (var s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT (SELECT COUNT(*) FROM ledger), "
                            + "(SELECT COUNT(*) FROM ledger l LEFT JOIN ledger p ON p.seq = l.seq - 1 "
                            + "  WHERE (l.seq = 1 AND l.prev_hash <> repeat('0', 64)) "
                            + "     OR (l.seq > 1 AND (p.entry_hash IS NULL OR l.prev_hash <> p.entry_hash))), "
                            + "(SELECT COALESCE(MIN(seq), 1) FROM ledger), (SELECT COALESCE(MAX(seq), 0) FROM ledger)")) {
                rs.next();
                ledgerEntries = rs.getLong(1);
                ledgerBreaks = rs.getLong(2) + (rs.getLong(3) == 1 && rs.getLong(4) == ledgerEntries ? 0 : 1);
            }
        }
        System.out.printf("RESULT instances=%d clients=%d seconds=%.1f posted=%d failed=%d rate=%.1f missing=%d ledger_entries=%d ledger_breaks=%d%n",
                bases.size(), clients, elapsed, acknowledged.size(), failed.get(), rate, missing, ledgerEntries, ledgerBreaks);
        if (missing != 0 || ledgerBreaks != 0) {
            System.exit(1);
        }
    }

    private static Client signUp(String base, String handle) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Client c = new Client(http, base, token(http, base));
        HttpResponse<String> r = post(c, "/register",
                Map.of("handle", handle, "displayName", "Bench " + handle, "password", "correct horse battery", "_csrf", c.token()));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("registering " + handle + " at " + base + ": HTTP " + r.statusCode());
        }
        // the token is bound to the session, so a sign-in changes it: read it again
        return new Client(http, base, token(http, base));
    }

    private static String token(HttpClient http, String base) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(login.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + base + "/login");
        }
        return m.group(1);
    }

    private static HttpResponse<String> post(Client c, String path, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return c.http().send(HttpRequest.newBuilder(URI.create(c.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
