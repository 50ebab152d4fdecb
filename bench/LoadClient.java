import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load client for the scripts under bench/ (not a test). One file, because {@code java bench/LoadClient.java}
 * launches a single source file only; run it with the app's jar on the class path for the JDBC drivers.
 *
 * <ul>
 * <li>{@code post SECONDS CLIENTS JDBC_URL USER PASSWORD BASE_URL...} (bench/scale-out.sh): CLIENTS people,
 * spread round-robin over the instances, post statements as fast as they can; prints statements/s, then checks
 * in the database that every acknowledged post (303) is there and that the ledger is one gapless chain.</li>
 * <li>{@code mixed BASE_URL CLIENTS SECONDS BASELINE_SECONDS WRITES_FILE} (bench/load.sh): CLIENTS people, each
 * with its own session and CSRF token, first request /healthz for BASELINE_SECONDS (the baseline), then run the
 * read/write mix in {@link Op} for SECONDS; prints throughput, latency percentiles and errors, and writes every
 * acknowledged write (statement id and exact text) to WRITES_FILE. Exits 1 on any error.</li>
 * <li>{@code check-writes JDBC_URL USER PASSWORD WRITES_FILE} (bench/load.sh, with the app stopped): every
 * acknowledged write must be a revision of its statement with exactly its text, and each statement's latest
 * revision must be its last acknowledged text. Exits 1 otherwise.</li>
 * </ul>
 *
 * <p>The clients are closed-loop (the next request leaves when the previous answer is in), so latencies are those
 * of a saturated server, not of a fixed arrival rate.
 */
public class LoadClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> SLUGS = List.of("f1-score-rises-while-loss-keeps-increasing", "loss-of-attribution");
    private static final String PASSWORD = "correct horse battery";

    record Client(HttpClient http, String base, String token) {
    }

    public static void main(String[] args) throws Exception {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        String mode = args.length == 0 ? "" : args[0];
        int status = switch (mode) {
            case "post" -> rest.length >= 6 ? postOnly(rest) : usage();
            case "mixed" -> rest.length == 5 ? mixed(rest) : usage();
            case "check-writes" -> rest.length == 4 ? checkWrites(rest) : usage();
            default -> usage();
        };
        System.exit(status);
    }

    private static int usage() {
        System.err.println("usage: LoadClient post SECONDS CLIENTS JDBC_URL USER PASSWORD BASE_URL...\n"
                + "       LoadClient mixed BASE_URL CLIENTS SECONDS BASELINE_SECONDS WRITES_FILE\n"
                + "       LoadClient check-writes JDBC_URL USER PASSWORD WRITES_FILE");
        return 2;
    }

    // ---- post: statements/s through one or more instances (bench/scale-out.sh) ----

    private static int postOnly(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        String jdbcUrl = args[2];
        String dbUser = args[3];
        String dbPassword = args[4];
        List<String> bases = List.of(args).subList(5, args.length);
        String run = runId();

        List<Client> signedIn = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            signedIn.add(signUp(bases.get(i % bases.size()), "bench" + run + "p" + i));
        }

        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        double elapsed = runPhase(clients, seconds, (client, n) -> {
            Client c = signedIn.get(client);
            HttpResponse<String> r = post(c, "/essays/" + SLUGS.get(1) + "/comments",
                    Map.of("body", "Benchmark statement " + n + " from client " + client + ".", "_csrf", c.token()));
            long id = postedId(r);
            if (id > 0) {
                acknowledged.add(id);
            } else if (failed.incrementAndGet() <= 3) {
                System.err.println("client " + client + ": " + describe(r));
            }
        }, e -> failed.incrementAndGet());
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
        return missing != 0 || ledgerBreaks != 0 || failed.get() != 0 ? 1 : 0;
    }

    // ---- mixed: reads and writes against one instance (bench/load.sh) ----

    enum Kind { BASELINE, READ, WRITE }

    /** The requests of the mix, with their share of it in percent (the baseline is its own phase). */
    enum Op {
        HEALTHZ(Kind.BASELINE, 0),
        ESSAY_PAGE(Kind.READ, 30), STATEMENT_PAGE(Kind.READ, 15), PERSON_PAGE(Kind.READ, 10),
        API_ESSAYS(Kind.READ, 5), API_COMMENTS(Kind.READ, 10), LEDGER_HEAD(Kind.READ, 10),
        POST(Kind.WRITE, 8), REPLY(Kind.WRITE, 7), EDIT(Kind.WRITE, 5);

        final Kind kind;
        final int percent;

        Op(Kind kind, int percent) {
            this.kind = kind;
            this.percent = percent;
        }

        static Op pick(Random random) {
            int roll = random.nextInt(100);
            for (Op op : values()) {
                roll -= op.percent;
                if (roll < 0) {
                    return op;
                }
            }
            throw new IllegalStateException("the mix must add up to 100%");
        }
    }

    /** A write the server acknowledged: the statement and the exact text it now holds (as one of its revisions). */
    record Write(long statementId, String text) {
    }

    /** Latencies (microseconds) and failures of one client, merged after the run. */
    static final class Recorder {
        private static final AtomicInteger SHOWN = new AtomicInteger();
        final Map<Op, long[]> latencies = new EnumMap<>(Op.class);
        final Map<Op, Integer> counts = new EnumMap<>(Op.class);
        final Map<Op, Integer> errors = new EnumMap<>(Op.class);

        /** Times one request; {@code request} answers null when it succeeded, else what went wrong. */
        void timed(Op op, Callable<String> request) {
            long t0 = System.nanoTime();
            String problem;
            try {
                problem = request.call();
            } catch (Exception e) {
                problem = e.toString();
            }
            long micros = (System.nanoTime() - t0) / 1_000;
            int n = counts.merge(op, 1, Integer::sum);
            long[] values = latencies.computeIfAbsent(op, k -> new long[1024]);
            if (n > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
                latencies.put(op, values);
            }
            values[n - 1] = micros;
            if (problem != null) {
                errors.merge(op, 1, Integer::sum);
                if (SHOWN.incrementAndGet() <= 5) {
                    System.err.println(op + ": " + problem);
                }
            }
        }

        long[] of(Op op) {
            return Arrays.copyOf(latencies.getOrDefault(op, new long[0]), counts.getOrDefault(op, 0));
        }
    }

    /** Top-level statements per essay, for replies and statement pages: a ring of the latest ids. */
    static final class Published {
        private final AtomicLongArray[] rings = new AtomicLongArray[SLUGS.size()];
        private final AtomicLong[] counts = new AtomicLong[SLUGS.size()];

        Published() {
            for (int i = 0; i < rings.length; i++) {
                rings[i] = new AtomicLongArray(4096);
                counts[i] = new AtomicLong();
            }
        }

        void add(int essay, long id) {
            rings[essay].set((int) (counts[essay].getAndIncrement() % rings[essay].length()), id);
        }

        long pick(int essay, Random random) {
            long n = Math.min(counts[essay].get(), rings[essay].length());
            // a slot is claimed before it is filled: 0 means "not yet", so take the one before it
            for (long i = random.nextLong(n); i >= 0; i--) {
                long id = rings[essay].get((int) i);
                if (id != 0) {
                    return id;
                }
            }
            return 0;
        }
    }

    /** One simulated person: a session, a CSRF token, their statements, what the server acknowledged. */
    static final class Person {
        final Client client;
        final String handle;
        final Random random;
        final Recorder recorder = new Recorder();
        final List<Write> acknowledged = new ArrayList<>();
        final Map<Long, String> own = new LinkedHashMap<>();
        final List<Long> ownIds = new ArrayList<>();
        int written;

        Person(Client client, String handle, long seed) {
            this.client = client;
            this.handle = handle;
            this.random = new Random(seed);
        }

        /** A new text each time, Markdown with non-ASCII and two paragraphs, so the exact-text check means something. */
        String nextText(String what) {
            written++;
            return what + " " + written + " by @" + handle + ": a naïve reader’s **note** — ü, ✓.\n\nSecond paragraph, write "
                    + written + ".";
        }

        void remember(long id, String text) {
            acknowledged.add(new Write(id, text));
            if (own.put(id, text) == null) {
                ownIds.add(id);
            }
        }
    }

    private static int mixed(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int baselineSeconds = Integer.parseInt(args[3]);
        Path writesFile = Path.of(args[4]);
        String run = runId();
        Published published = new Published();

        List<Person> people = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String handle = "load" + run + "p" + i;
            Person p = new Person(signUp(base, handle), handle, i);
            people.add(p);
            // one statement on each essay before the clock starts, so that replies, statement pages and edits have
            // something to work on
            for (int essay = 0; essay < SLUGS.size(); essay++) {
                String text = p.nextText("Seed statement");
                HttpResponse<String> r = post(p.client, "/essays/" + SLUGS.get(essay) + "/comments", Map.of("body", text, "_csrf", p.client.token()));
                long id = postedId(r);
                if (id <= 0) {
                    throw new IllegalStateException("seed statement of " + handle + " was not acknowledged: " + describe(r));
                }
                p.remember(id, text);
                published.add(essay, id);
            }
        }
        List<String> handles = people.stream().map(p -> p.handle).toList();
        System.out.println("mix: " + Arrays.stream(Op.values()).filter(op -> op.percent > 0)
                .map(op -> op.kind.name().toLowerCase() + " " + label(op) + " " + op.percent + "%").collect(Collectors.joining(", ")));

        double baselineElapsed = runPhase(clients, baselineSeconds, (client, n) -> {
            Person p = people.get(client);
            p.recorder.timed(Op.HEALTHZ, () -> expect(get(p.client, "/healthz"), 200));
        }, e -> { });
        double elapsed = runPhase(clients, seconds, (client, n) -> {
            Person p = people.get(client);
            Op op = Op.pick(p.random);
            p.recorder.timed(op, () -> request(op, p, published, handles));
        }, e -> { });

        List<String> lines = new ArrayList<>();
        for (Person p : people) {
            for (Write w : p.acknowledged) {
                lines.add(w.statementId() + "\t" + Base64.getEncoder().encodeToString(w.text().getBytes(StandardCharsets.UTF_8)));
            }
        }
        Files.write(writesFile, lines, StandardCharsets.UTF_8);

        return report(people, baselineElapsed, elapsed, lines.size());
    }

    /** Sends one request of the mix; null when the answer is the expected one, else what was wrong. */
    private static String request(Op op, Person p, Published published, List<String> handles) throws Exception {
        int essay = p.random.nextInt(SLUGS.size());
        String slug = SLUGS.get(essay);
        return switch (op) {
            case ESSAY_PAGE -> expect(get(p.client, "/essays/" + slug), 200);
            case STATEMENT_PAGE -> expect(get(p.client, "/statements/" + published.pick(essay, p.random)), 200);
            case PERSON_PAGE -> expect(get(p.client, "/people/" + handles.get(p.random.nextInt(handles.size()))), 200);
            case API_ESSAYS -> expect(get(p.client, "/api/essays"), 200);
            case API_COMMENTS -> expect(get(p.client, "/api/essays/" + slug + "/comments"), 200);
            case LEDGER_HEAD -> expect(get(p.client, "/ledger/head"), 200);
            case POST, REPLY -> {
                String text = p.nextText(op == Op.POST ? "Statement" : "Reply");
                Map<String, String> form = new HashMap<>(Map.of("body", text, "_csrf", p.client.token()));
                if (op == Op.REPLY) {
                    form.put("parentId", Long.toString(published.pick(essay, p.random)));
                }
                HttpResponse<String> r = post(p.client, "/essays/" + slug + "/comments", form);
                long id = postedId(r);
                if (id <= 0) {
                    yield describe(r);
                }
                p.remember(id, text);
                if (op == Op.POST) {
                    published.add(essay, id);
                }
                yield null;
            }
            case EDIT -> {
                long id = p.ownIds.get(p.random.nextInt(p.ownIds.size()));
                String text = p.nextText("Revised statement");
                HttpResponse<String> r = post(p.client, "/statements/" + id + "/edit", Map.of("body", text, "_csrf", p.client.token()));
                if (r.statusCode() != 303 || !r.headers().firstValue("Location").orElse("").endsWith("/statements/" + id + "/history")) {
                    yield describe(r);
                }
                p.remember(id, text);
                yield null;
            }
            case HEALTHZ -> throw new IllegalArgumentException("the baseline is not part of the mix");
        };
    }

    private static int report(List<Person> people, double baselineElapsed, double elapsed, int acknowledgedWrites) {
        Map<Op, long[]> all = new EnumMap<>(Op.class);
        Map<Op, Integer> errors = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            all.put(op, people.stream().flatMapToLong(p -> Arrays.stream(p.recorder.of(op))).toArray());
            errors.put(op, people.stream().mapToInt(p -> p.recorder.errors.getOrDefault(op, 0)).sum());
        }
        System.out.printf("%-16s %8s %9s %8s %8s %8s %8s %7s%n", "request", "count", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
        for (Op op : Op.values()) {
            line(label(op), all.get(op), op == Op.HEALTHZ ? baselineElapsed : elapsed, errors.get(op));
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            long[] values = Arrays.stream(Op.values()).filter(op -> op.kind == kind).flatMapToLong(op -> Arrays.stream(all.get(op))).toArray();
            int failed = Arrays.stream(Op.values()).filter(op -> op.kind == kind).mapToInt(errors::get).sum();
            double phase = kind == Kind.BASELINE ? baselineElapsed : elapsed;
            line("all " + kind.name().toLowerCase(), values, phase, failed);
            rates.put(kind.name().toLowerCase(), values.length / phase);
        }
        long[] mixed = Arrays.stream(Op.values()).filter(op -> op.kind != Kind.BASELINE).flatMapToLong(op -> Arrays.stream(all.get(op))).toArray();
        int mixedErrors = Arrays.stream(Op.values()).filter(op -> op.kind != Kind.BASELINE).mapToInt(errors::get).sum();
        line("all mixed", mixed, elapsed, mixedErrors);
        double baseline = rates.get("baseline");
        System.out.printf("throughput against the /healthz baseline (%.0f req/s): reads %.3fx, writes %.3fx, mixed %.3fx%n",
                baseline, rates.get("read") / baseline, rates.get("write") / baseline, mixed.length / elapsed / baseline);
        int totalErrors = errors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("RESULT clients=%d seconds=%.1f requests=%d rate=%.1f errors=%d acknowledged_writes=%d%n",
                people.size(), elapsed, mixed.length, mixed.length / elapsed, totalErrors, acknowledgedWrites);
        return totalErrors == 0 ? 0 : 1;
    }

    private static String label(Op op) {
        return op.name().toLowerCase().replace('_', '-');
    }

    private static void line(String name, long[] micros, double seconds, int errors) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("%-16s %8d %9.1f %8.1f %8.1f %8.1f %8.1f %7d%n", name, sorted.length, sorted.length / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1000.0, errors);
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0.0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
    }

    // ---- check-writes: every acknowledged write is stored with its exact text (bench/load.sh) ----

    private static int checkWrites(String[] args) throws Exception {
        Map<Long, List<String>> acknowledged = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 2);
            acknowledged.computeIfAbsent(Long.parseLong(parts[0]), k -> new ArrayList<>())
                    .add(new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        }
        Map<Long, List<String>> stored = new HashMap<>();
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2]);
             var s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT statement_id, body FROM statement_revisions ORDER BY statement_id, revision")) {
            while (rs.next()) {
                stored.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        long writes = 0;
        long lost = 0;
        long stale = 0;
        long unacknowledged = 0;
        for (Map.Entry<Long, List<String>> e : acknowledged.entrySet()) {
            List<String> revisions = stored.getOrDefault(e.getKey(), List.of());
            for (String text : e.getValue()) {
                writes++;
                if (!revisions.contains(text)) {
                    lost++;
                    if (lost <= 3) {
                        System.err.println("statement #" + e.getKey() + ": acknowledged text not stored: " + text.replace("\n", "\\n"));
                    }
                }
            }
            // one author writes each statement, one request at a time: the last text acknowledged is the latest revision
            List<String> texts = e.getValue();
            if (!revisions.isEmpty() && !revisions.get(revisions.size() - 1).equals(texts.get(texts.size() - 1))) {
                stale++;
            }
            unacknowledged += Math.max(0, revisions.size() - texts.size());
        }
        System.out.printf("RESULT acknowledged_writes=%d lost=%d latest_not_last_acknowledged=%d stored_but_unacknowledged=%d%n",
                writes, lost, stale, unacknowledged);
        return lost == 0 && stale == 0 ? 0 : 1;
    }

    // ---- shared ----

    interface Step {
        void run(int client, int n) throws Exception;
    }

    interface Failure {
        void on(Exception e);
    }

    /** CLIENTS threads each run {@code step} until SECONDS are up; answers the elapsed seconds. */
    private static double runPhase(int clients, int seconds, Step step, Failure failure) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                // a failed request is counted and the client goes on: one error must not idle it for the rest of the run
                for (int n = 0; n < 1_000_000 && System.nanoTime() < deadline[0]; n++) {
                    try {
                        step.run(client, n);
                    } catch (Exception e) {
                        failure.on(e);
                        System.err.println("client " + client + ": " + e);
                    }
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
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String runId() {
        return Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private static Client signUp(String base, String handle) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Client c = new Client(http, base, token(http, base));
        HttpResponse<String> r = post(c, "/register",
                Map.of("handle", handle, "displayName", "Bench " + handle, "password", PASSWORD, "_csrf", c.token()));
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

    /** The id of the statement a comment form post created (303 to {@code ...#s-ID}), or 0. */
    private static long postedId(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElse("");
        return r.statusCode() == 303 && location.contains("#s-") ? Long.parseLong(location.substring(location.indexOf("#s-") + 3)) : 0;
    }

    private static String expect(HttpResponse<String> r, int status) {
        return r.statusCode() == status ? null : describe(r);
    }

    private static String describe(HttpResponse<String> r) {
        return "HTTP " + r.statusCode() + " " + r.request().method() + " " + r.uri().getPath() + " -> "
                + r.headers().firstValue("Location").orElse("") + " "
                + r.body().substring(0, Math.min(300, r.body().length())).replaceAll("\\s+", " ");
    }

    private static HttpResponse<String> get(Client c, String path) throws Exception {
        return c.http().send(HttpRequest.newBuilder(URI.create(c.base() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
