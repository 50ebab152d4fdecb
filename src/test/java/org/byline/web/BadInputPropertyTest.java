package org.byline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import org.byline.ledger.LedgerVerifier;
import org.byline.support.Admin;
import org.byline.support.Db;
import org.byline.support.SharedApp;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Every form and JSON endpoint the router knows, driven with random, huge, empty, invalid-UTF-8, NUL and
 * control-character values, wrong types, missing, duplicated and unknown fields and wrong content types,
 * always with a valid CSRF token so the request reaches its handler. Whatever comes in: never a 5xx; a
 * rejection writes nothing and says what was wrong; an acceptance leaves complete rows (the ledger
 * verifies, every statement has its current revision).
 *
 * <p>One app for the whole class; the tries of each property run one after another against it.
 */
class BadInputPropertyTest {
    private static final String ESSAY = "loss-of-attribution";
    private static final String OTHER_ESSAY = "f1-score-rises-while-loss-keeps-increasing";
    private static final String DRAFT = "prop-draft";
    private static final String VICTIM = "target";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");
    /** Every property draws its attempts from this seed, so a run can be repeated; a failure names the seed it used. */
    private static final String SEED_PROPERTY = "byline.props.seed";

    /** Well under Jetty's 8 KB input buffer with the request line and headers. */
    private static final int BODY_JETTY_READS_AT_ONCE = 4_096;
    private static final long DEFAULT_SEED = 20_260_703L;
    private static final int SHRINK_STEPS = 40;

    /** Who sends a route's requests: the person whose form it is. */
    enum Sender { MEMBER, STAFF, ADMIN, VISITOR }

    /** A route's form (or query) fields, each with a generator of values a person could have typed. */
    record Route(String pattern, HandlerType method, Sender sender, Map<String, Gen<String>> pathValues,
                 Map<String, Gen<String>> fields) {
    }

    /** One request as it goes on the wire; {@code toString} is what a failing property reports. */
    record Attempt(Route route, String path, Sender sender, String contentType, String accept, boolean tokenInHeader,
                   List<byte[]> parts) {
        long size() {
            return parts.stream().mapToLong(p -> p.length).sum();
        }

        byte[] body(String token) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<byte[]> all = new ArrayList<>(parts);
            if (!tokenInHeader) {
                all.add(("_csrf=" + token).getBytes(StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < all.size(); i++) {
                if (i > 0) {
                    out.write('&');
                }
                out.writeBytes(all.get(i));
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            StringBuilder fields = new StringBuilder();
            for (byte[] part : parts) {
                String text = new String(part, StandardCharsets.ISO_8859_1);
                fields.append("\n    ").append(text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + " bytes)" : text);
            }
            return route.method() + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " as " + sender
                    + "\n  Content-Type: " + contentType + "\n  Accept: " + accept
                    + "\n  token in " + (tokenInHeader ? "header" : "body") + fields;
        }
    }

    @RegisterExtension
    static final SharedApp APP = new SharedApp();

    private static TestApp.Running app;
    private static WebClient member;
    private static WebClient moderator;
    private static WebClient admin;
    private static List<String> memberStatements;
    private static List<String> victimStatements;

    @BeforeAll
    static void startOneAppForAllTries() {
        app = APP.app();
        admin = Admin.signedIn(app, "ada");
        moderator = Admin.moderator(app, admin, "moe");
        member = app.client().signedUp("alice");
        WebClient victim = app.client().signedUp(VICTIM);
        memberStatements = new ArrayList<>();
        victimStatements = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            memberStatements.add(String.valueOf(WebClient.postedId(member.comment(ESSAY, "alice's statement " + i))));
            victimStatements.add(String.valueOf(WebClient.postedId(victim.comment(OTHER_ESSAY, "target's statement " + i))));
        }
        Page draft = admin.post("/admin/essays", Map.of("slug", DRAFT, "title", "A draft", "date", "2026-01-01",
                "markdown", "First paragraph.\n\nSecond paragraph."));
        assertThat(draft.status()).as(draft.body()).isEqualTo(303);
    }

    // ---- the routes, with their fields --------------------------------------------------------------

    private static Map<String, Route> formRoutes() {
        Map<String, Route> routes = new LinkedHashMap<>();
        Gen<String> anyStatement = pick(concat(memberStatements, victimStatements));
        Gen<String> ownStatement = pick(memberStatements);
        form(routes, "/essays/{slug}/comments", Sender.MEMBER, Map.of("slug", constant(ESSAY)), fields(
                "body", text(300), "parentId", anyStatement, "paragraph", range(1, 12).map(n -> "p-" + n),
                "quote", oneOf(range(1, 12).map(n -> "p-" + n),
                        anyStatement.map(id -> id + "@1"))));
        Map<String, Gen<String>> statement = Map.of("id", frequency(
                Pair.of(3, ownStatement), Pair.of(1, anyStatement)));
        form(routes, "/statements/{id}/reports", Sender.MEMBER, statement, fields(
                "reason", pickFrom("spam", "harassment", "off-topic", "other"), "details", text(200)));
        form(routes, "/statements/{id}/edit", Sender.MEMBER, statement, fields("body", text(300)));
        form(routes, "/statements/{id}/withdraw", Sender.MEMBER, statement, fields());
        form(routes, "/register", Sender.VISITOR, Map.of(), fields(
                "handle", handle(), "displayName", text(40), "password", text(40), "next", path()));
        form(routes, "/login", Sender.VISITOR, Map.of(), fields(
                "handle", oneOf(pickFrom("alice", "ada", VICTIM), handle()),
                "password", oneOf(constant("correct horse battery"), text(40)), "next", path()));
        form(routes, "/logout", Sender.VISITOR, Map.of(), fields());
        Gen<String> reason = text(200);
        form(routes, "/moderation/statements/{id}/{action}", Sender.STAFF, Map.of("id", pick(victimStatements),
                "action", pickFrom("approve", "reject", "hide", "restore", "dismiss-reports", "lock", "unlock", "erase")),
                fields("reason", reason));
        form(routes, "/moderation/essays/{slug}/{action}", Sender.STAFF, Map.of("slug", constant(OTHER_ESSAY),
                "action", pickFrom("lock", "unlock")), fields("reason", reason));
        form(routes, "/moderation/people/{handle}/{action}", Sender.STAFF, Map.of("handle", constant(VICTIM),
                "action", pickFrom("suspend", "lift-suspension", "grant-moderator", "revoke-moderator")),
                fields("reason", reason, "duration", pickFrom("1d", "7d", "30d", "365d", "indefinite")));
        Map<String, Gen<String>> essayFields = fields(
                "slug", textOf(LOWER, 1, 20).map(s -> "prop-" + s),
                "title", text(60), "date", range(1, 28).map(d -> String.format("2026-02-%02d", d)),
                "markdown", text(400), "baseRevision", range(1, 3).map(n -> String.valueOf(n)),
                "intent", pickFrom("preview", "save"));
        form(routes, "/admin/essays", Sender.ADMIN, Map.of(), essayFields);
        Map<String, Gen<String>> draft = Map.of("slug", constant(DRAFT));
        form(routes, "/admin/essays/{slug}", Sender.ADMIN, draft, essayFields);
        form(routes, "/admin/essays/{slug}/publish", Sender.ADMIN, draft, fields());
        form(routes, "/admin/essays/{slug}/unpublish", Sender.ADMIN, draft, fields());
        form(routes, "/admin/preview", Sender.ADMIN, Map.of(), fields("markdown", text(400)));
        return routes;
    }

    /** The JSON endpoints (GET, with their query parameters). */
    private static Map<String, Route> jsonRoutes() {
        Map<String, Route> routes = new LinkedHashMap<>();
        Gen<String> id = longRange(1, 40).map(n -> String.valueOf(n));
        json(routes, "/api/essays", Sender.VISITOR, Map.of(), fields());
        json(routes, "/api/essays/{slug}/comments", Sender.VISITOR, Map.of("slug", pickFrom(ESSAY, OTHER_ESSAY)),
                fields("paragraph", range(1, 12).map(n -> "p-" + n)));
        json(routes, "/api/moderation/log", Sender.VISITOR, Map.of(), fields(
                "moderator", pickFrom("ada", "moe"), "action", pickFrom("hide", "suspend", "lock"), "before", id));
        json(routes, "/api/moderation/queue", Sender.STAFF, Map.of(), fields());
        json(routes, "/api/ledger", Sender.VISITOR, Map.of(), fields("after", id, "limit", id));
        json(routes, "/statements/{id}/receipt", Sender.MEMBER, Map.of("id", pick(memberStatements)),
                fields("revision", range(1, 3).map(n -> String.valueOf(n))));
        json(routes, "/ledger/head", Sender.VISITOR, Map.of(), fields());
        json(routes, "/healthz", Sender.VISITOR, Map.of(), fields());
        return routes;
    }

    private static void form(Map<String, Route> routes, String pattern, Sender sender, Map<String, Gen<String>> pathValues,
                             Map<String, Gen<String>> fields) {
        routes.put(pattern, new Route(pattern, HandlerType.POST, sender, pathValues, fields));
    }

    private static void json(Map<String, Route> routes, String pattern, Sender sender, Map<String, Gen<String>> pathValues,
                             Map<String, Gen<String>> fields) {
        routes.put(pattern, new Route(pattern, HandlerType.GET, sender, pathValues, fields));
    }

    private static Map<String, Gen<String>> fields(Object... nameThenValues) {
        Map<String, Gen<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            Gen<String> values = (Gen<String>) nameThenValues[i + 1];
            fields.put((String) nameThenValues[i], values);
        }
        return fields;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- values ---------------------------------------------------------------------------------------

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    /** What a person types: letters, digits, Markdown punctuation, a few non-ASCII letters. */
    private static final String TYPED = LOWER + LOWER.toUpperCase(Locale.ROOT) + DIGITS + "  \n*_#>-[]().,`éß—中\u00a0";

    /** Text a person could type, now and then with an emoji (a surrogate pair). */
    private static Gen<String> text(int maxLength) {
        return frequency(Pair.of(19, textOf(TYPED, 1, maxLength)), Pair.of(1, constant("\uD83D\uDE00 smile")));
    }

    private static Gen<String> handle() {
        return textOf(LOWER + DIGITS + "_-", 3, 30);
    }

    /** Strings of these characters, of a length in the range. */
    private static Gen<String> textOf(String alphabet, int minLength, int maxLength) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(pick(chars)).ofSizeBetween(minLength, maxLength).map(cs -> {
            StringBuilder out = new StringBuilder(cs.size());
            cs.forEach(out::append);
            return out.toString();
        });
    }

    @SafeVarargs
    private static <T> Gen<T> pickFrom(T... values) {
        return pick(List.of(values));
    }

    /** One value from each generator, in order. */
    private static <T> Gen<List<T>> sequence(List<Gen<T>> gens) {
        return in -> gens.stream().map(g -> g.generate(in)).toList();
    }

    private static Gen<String> path() {
        return pickFrom("/", "/essays/" + ESSAY, "/people/alice", "//evil.example", "https://evil.example");
    }

    /** Characters no form should take: NUL, other C0 and C1 controls, DEL, line and paragraph separators. */
    private static Gen<Character> controlCharacter() {
        return pickFrom('\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f',
                '\u0085', '\u009b', '\u2028', '\u2029', '\r');
    }

    /** Percent-encoded bytes that are not UTF-8: a lone continuation, an overlong form, a lone surrogate, beyond U+10FFFF. */
    private static Gen<String> invalidUtf8() {
        return pickFrom("%C3%28", "%ED%A0%80", "%ED%BF%BF", "%FF", "%FE%FF", "%C0%AF", "%C0%80", "%E2%82", "%F4%90%80%80",
                "%80", "%F0%9F%98");
    }

    /** Where a number or a name is expected, something else. */
    private static Gen<String> wrongType() {
        return pickFrom("abc", "-1", "0", "99999999999999999999", "9223372036854775808", "1e3", "1.5", " 1", "0x10",
                "NaN", "null", "[]", "{}", "true", "%", "%%", "%2", "+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One field's value as it goes into the urlencoded body (already encoded), or empty when the field is left out. */
    private static Gen<Optional<String>> encodedValue(Gen<String> valid, boolean wrongTypesAreRaw) {
        Gen<String> control = valid.zip(controlCharacter(), range(0, 1000),
                (v, c, at) -> encode(v.substring(0, Math.min(at, v.length())) + c + v.substring(Math.min(at, v.length()))));
        Gen<String> badBytes = valid.zip(invalidUtf8(), (v, bad) -> encode(v) + bad);
        Gen<String> huge = pickFrom("x", "é", "\uD83D\uDE00", "- ", "> ", "[", "a ").zip(range(1_000, 120_000),
                (unit, n) -> encode(unit.repeat(n / unit.length())));
        Gen<String> wrong = wrongTypesAreRaw ? wrongType() : wrongType().map(BadInputPropertyTest::encode);
        return frequency(
                Pair.of(8, valid.map(v -> Optional.of(encode(v)))),
                Pair.of(2, constant(Optional.<String>empty())),
                Pair.of(2, constant(Optional.of(""))),
                Pair.of(1, constant(Optional.of("%20%09%0A"))),
                Pair.of(3, control.map(v -> Optional.of(v))),
                Pair.of(3, badBytes.map(v -> Optional.of(v))),
                Pair.of(2, huge.map(v -> Optional.of(v))),
                Pair.of(3, wrong.map(v -> Optional.of(v))));
    }

    /** The body's parts: every field of the route (or not), some twice, some unknown ones, once in a while a raw byte. */
    private static Gen<List<byte[]>> parts(Route route) {
        List<Gen<List<byte[]>>> perField = new ArrayList<>();
        for (var field : route.fields().entrySet()) {
            String name = field.getKey();
            Gen<Optional<String>> first = encodedValue(field.getValue(), true);
            Gen<Optional<String>> second = encodedValue(field.getValue(), true);
            perField.add(first.zip(second, range(0, 9), (a, b, dice) -> {
                List<byte[]> out = new ArrayList<>();
                a.ifPresent(v -> out.add(ascii(name + "=" + v)));
                if (dice == 0) {
                    out.add(ascii(name + "=" + b.orElse(""))); // the field twice
                }
                return out;
            }));
        }
        Gen<List<byte[]>> extra = frequency(
                Pair.of(12, constant(List.<byte[]>of())),
                Pair.of(1, pickFrom("unknown=1", "body%5B%5D=x", "=orphan", "lonely", "&&", "a=b=c", "%00=nul",
                        "%FF=%FF", "_csrf=", "x=%").map(s -> List.of(ascii(s)))),
                // bytes that are not even percent-encoded: a raw 0xFF and a truncated two-byte sequence
                Pair.of(1, pickFrom(new byte[]{'r', 'a', 'w', '=', (byte) 0xFF}, new byte[]{'r', 'a', 'w', '=', (byte) 0xC3})
                        .map(bytes -> List.of(bytes))),
                // beyond the 1 MB request limit
                Pair.of(1, constant(List.of(ascii("padding=" + "y".repeat(1_050_000))))));
        Gen<List<List<byte[]>>> all = perField.isEmpty() ? constant(List.of()) : sequence(perField);
        return all.zip(extra, (fields, more) -> {
            List<byte[]> out = new ArrayList<>();
            fields.forEach(out::addAll);
            out.addAll(more);
            return out;
        });
    }

    /** A path parameter: mostly a real one (so the handler is reached), sometimes anything but. */
    private static Gen<String> pathValue(Gen<String> valid) {
        return frequency(
                Pair.of(8, valid),
                Pair.of(3, wrongType().map(BadInputPropertyTest::encode)),
                Pair.of(1, invalidUtf8()),
                Pair.of(1, pickFrom("%00", "%0A", "%E2%80%AE", "%C2%A0", "%F0%9F%98%80")),
                Pair.of(1, range(200, 3000).map("x"::repeat)));
    }

    private static Gen<String> concretePath(Route route) {
        Matcher m = PARAM.matcher(route.pattern());
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            return constant(route.pattern());
        }
        List<Gen<String>> values = names.stream().map(n -> pathValue(route.pathValues().get(n))).toList();
        return sequence(values).map(vs -> {
            String path = route.pattern();
            for (int i = 0; i < names.size(); i++) {
                path = path.replace("{" + names.get(i) + "}", vs.get(i));
            }
            return path;
        });
    }

    private static Gen<Attempt> attempts(Map<String, Route> routes) {
        return pick(List.copyOf(routes.values())).flatMap(route -> {
            Gen<String> contentType = route.method() == HandlerType.GET ? constant("")
                    : frequency(
                    Pair.of(10, constant("application/x-www-form-urlencoded")),
                    Pair.of(3, constant("application/x-www-form-urlencoded; charset=UTF-8")),
                    Pair.of(1, pickFrom("", "application/json", "text/plain", "multipart/form-data; boundary=x",
                            "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/x-www-form-urlencoded; charset",
                            "application/xml", "x")));
            Gen<String> accept = pickFrom("text/html", "application/json", "*/*", "");
            Gen<String> path = route.method() == HandlerType.GET
                    ? concretePath(route).zip(query(route), (p, q) -> q.isEmpty() ? p : p + "?" + q)
                    : concretePath(route);
            Gen<List<byte[]>> parts = route.method() == HandlerType.GET ? constant(List.of()) : parts(route);
            return path.zip(contentType, accept, booleans(), parts,
                    (p, type, acc, inHeader, body) -> new Attempt(route, p, route.sender(), type, acc, inHeader, body))
                    // Jetty refuses a path that is not UTF-8 before reading the body and closes the connection; body
                    // bytes it has not read by then make that close a reset, which can overtake its answer (seen in
                    // CI with a 60 KB body). A %-escaped path goes with a body that fits Jetty's first 8 KB read.
                    .assuming(a -> a.size() <= BODY_JETTY_READS_AT_ONCE || !a.path().contains("%"));
        });
    }

    /** A GET's query string, built from the route's parameters the way {@link #parts} builds a body. */
    private static Gen<String> query(Route route) {
        if (route.fields().isEmpty()) {
            return pickFrom("", "x=1", "%FF=%FF", "a&&b");
        }
        return parts(new Route(route.pattern(), route.method(), route.sender(), route.pathValues(), route.fields()))
                .assuming(p -> p.stream().mapToInt(b -> b.length).sum() < 6_000) // a longer URL is refused by Jetty before the app
                .map(p -> {
                    List<String> strings = new ArrayList<>();
                    for (byte[] b : p) {
                        strings.add(new String(b, StandardCharsets.ISO_8859_1));
                    }
                    return uriSafe(String.join("&", strings));
                });
    }

    /** The query as sent: bytes a URI cannot carry as they are get percent-encoded, the rest stays as generated. */
    private static String uriSafe(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean escape = c == '%' && raw.substring(i + 1, Math.min(i + 3, raw.length())).matches("[0-9A-Fa-f]{2}");
            if (escape || Character.isLetterOrDigit(c) && c < 0x80 || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", (int) c & 0xFF));
            }
        }
        return out.toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- the properties -------------------------------------------------------------------------------

    @Test
    void everyFormAndJsonRouteOfTheRouterHasGenerators() {
        Set<String> posts = new TreeSet<>();
        Set<String> apis = new TreeSet<>();
        for (ParsedEndpoint endpoint : app.javalin().unsafe.internalRouter.allHttpHandlers()) {
            String path = endpoint.endpoint.path;
            if (endpoint.endpoint.method == HandlerType.POST) {
                posts.add(path);
            } else if (endpoint.endpoint.method == HandlerType.GET && path.startsWith("/api/")) {
                apis.add(path);
            }
        }
        assertThat(posts).hasSizeGreaterThanOrEqualTo(15); // as many as App declares today: not empty by accident
        assertThat(formRoutes().keySet()).as("a new form route needs its fields here").containsAll(posts);
        assertThat(jsonRoutes().keySet()).as("a new JSON route needs its parameters here").containsAll(apis);
    }

    private static Map<String, Route> only(Map<String, Route> routes, Sender sender) {
        Map<String, Route> some = new LinkedHashMap<>(routes);
        some.values().removeIf(r -> r.sender() != sender);
        return some;
    }

    @Test
    void commentsEditsWithdrawalsAndReports() {
        forAll(60, attempts(only(formRoutes(), Sender.MEMBER)), BadInputPropertyTest::check);
    }

    @Test
    void registrationSignInAndSignOut() {
        forAll(40, attempts(only(formRoutes(), Sender.VISITOR)), BadInputPropertyTest::check); // most tries hash a password with argon2id
    }

    @Test
    void moderationActions() {
        forAll(60, attempts(only(formRoutes(), Sender.STAFF)), BadInputPropertyTest::check);
    }

    @Test
    void theEssayDesk() {
        forAll(40, attempts(only(formRoutes(), Sender.ADMIN)), BadInputPropertyTest::check);
    }

    @Test
    void jsonEndpointsNeverWriteAndAnswerInJson() {
        forAll(60, attempts(jsonRoutes()), attempt -> {
            var before = Db.contents(app.config());
            Page page = send(attempt);
            assertThat(page.status()).as("%s\n-> %s", attempt, excerpt(page)).isLessThan(500);
            assertThat(Db.changes(before, Db.contents(app.config()))).as("a read wrote something: %s", attempt).isEmpty();
            if (page.status() >= 400) {
                assertThat(problemNamed(page)).as("the rejection names the problem: %s\n-> %s", attempt, excerpt(page)).isNotBlank();
            }
        });
    }

    /**
     * Runs the property on this many attempts from the class's seed. A failure is shrunk (each shrink step is one
     * more request, hence the bound) and reported with the seed that reproduces it.
     */
    private static void forAll(int examples, Gen<Attempt> attempts, Consumer<Attempt> property) {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        try {
            qt().withExamples(examples).withFixedSeed(seed).withShrinkCycles(SHRINK_STEPS)
                    .forAll(attempts).checkAssert(property);
        } catch (AssertionError e) {
            throw new AssertionError("falsified with seed " + seed + " (run again with -D" + SEED_PROPERTY + "=" + seed + ")", e);
        }
    }

    private static void check(Attempt attempt) {
        var before = Db.contents(app.config());
        Page page = send(attempt);
        assertThat(page.status()).as("%s\n-> %s", attempt, excerpt(page)).isLessThan(500);
        if (page.status() >= 400) {
            assertThat(Db.changes(before, Db.contents(app.config())))
                    .as("a refused request wrote something: %s\n-> %s", attempt, excerpt(page)).isEmpty();
            assertThat(problemNamed(page)).as("the rejection names the problem: %s\n-> %s", attempt, excerpt(page)).isNotBlank();
        } else {
            LedgerVerifier.Result ledger = new LedgerVerifier(Db.of(app.config())).verify();
            assertThat(ledger.ok()).as("ledger after %s: %s", attempt, ledger.summary()).isTrue();
            assertThat(statementsWithoutTheirRevision()).as("statements without their current revision after %s", attempt).isZero();
        }
    }

    private static long statementsWithoutTheirRevision() {
        return Db.of(app.config()).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM statements s WHERE NOT EXISTS "
                + "(SELECT 1 FROM statement_revisions r WHERE r.statement_id = s.id AND r.revision = s.revision)")
                .mapTo(Long.class).one());
    }

    private static Page send(Attempt attempt) {
        WebClient client = switch (attempt.sender()) {
            case MEMBER -> member;
            case ADMIN -> admin;
            case STAFF -> attempt.parts().size() % 2 == 0 ? moderator : admin;
            case VISITOR -> app.client();
        };
        Map<String, String> headers = new LinkedHashMap<>();
        if (!attempt.accept().isEmpty()) {
            headers.put("Accept", attempt.accept());
        }
        if (attempt.route().method() == HandlerType.GET) {
            return client.send("GET", attempt.path(), headers, null);
        }
        String token = client.csrfToken();
        if (attempt.tokenInHeader()) {
            headers.put(Csrf.HEADER, token);
        }
        if (!attempt.contentType().isEmpty()) {
            headers.put("Content-Type", attempt.contentType());
        }
        byte[] body = attempt.body(token);
        try {
            return client.send("POST", attempt.path(), headers, body);
        } catch (UncheckedIOException noAnswer) {
            // Jetty answers some refusals before it has read a large body and then closes; the unread bytes
            // can turn the close into a reset that overtakes the answer (seen twice in CI in ~10 runs, with
            // 60 KB and 220 KB bodies; never reproduced alone). A second try tells that race from a server
            // that never answers such a request, which fails again.
            return client.send("POST", attempt.path(), headers, body);
        }
    }

    /**
     * The sentence that tells the person what was wrong: a JSON {@code error}, a form's error summary, an error page's
     * lead, or the plain sentence of an answer Jetty gave before the app (a path that is not UTF-8). A 400's general
     * sentence ("could not be understood") names nothing, so it counts as none.
     */
    private static String problemNamed(Page page) {
        String named = sentence(page);
        return page.status() == 400 && named.equals(ErrorPages.defaultMessage(400)) ? "" : named;
    }

    private static String sentence(Page page) {
        String type = page.header("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            try {
                return JSON.readTree(page.body()).path("error").asText("");
            } catch (IOException e) {
                return "";
            }
        }
        if (type != null && type.startsWith("text/plain")) {
            // "400 Bad request: The address is not valid UTF-8: ..."
            String prefix = page.status() + " " + ErrorPages.title(page.status()) + ": ";
            return page.body().startsWith(prefix) ? page.body().substring(prefix.length()).strip() : "";
        }
        Document html = page.html();
        for (String selector : List.of(".error-summary li", ".error-summary p", ".field-error", "p.lead")) {
            Element found = html.selectFirst(selector);
            if (found != null && !found.text().isBlank()) {
                return found.text();
            }
        }
        return "";
    }

    private static String excerpt(Page page) {
        String body = page.body();
        return page.status() + " " + page.header("Content-Type") + "\n" + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
    }
}
