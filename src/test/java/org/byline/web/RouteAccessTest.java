package org.byline.web;

import org.byline.support.Admin;
import org.byline.support.Db;
import org.byline.support.SharedApp;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route x role with the status it must answer: anonymous, member, suspended member, moderator,
 * admin. The table is checked against the router both ways, so a new route cannot be left out. One
 * app serves the whole class; a case whose POST succeeds acts on a target made for that case alone.
 */
class RouteAccessTest {
    private static final String ESSAY = "loss-of-attribution";
    private static final String PASSWORD = "correct horse battery";
    private static final String JSON = "application/json";

    enum Role { ANONYMOUS, MEMBER, SUSPENDED, MODERATOR, ADMIN }

    /** Expected statuses in the order of {@link Role}. */
    private record Statuses(int anonymous, int member, int suspended, int moderator, int admin) {
        int of(Role role) {
            return switch (role) {
                case ANONYMOUS -> anonymous;
                case MEMBER -> member;
                case SUSPENDED -> suspended;
                case MODERATOR -> moderator;
                case ADMIN -> admin;
            };
        }
    }

    private static final Statuses EVERYONE = new Statuses(200, 200, 200, 200, 200);
    private static final Statuses SIGNED_IN = new Statuses(401, 200, 200, 200, 200);
    private static final Statuses NOBODY = new Statuses(401, 403, 403, 403, 403);
    private static final Statuses MODERATORS = new Statuses(401, 403, 403, 200, 200);
    private static final Statuses ADMINS = new Statuses(401, 403, 403, 403, 200);
    private static final Statuses POSTERS = new Statuses(401, 303, 403, 303, 303);
    private static final Statuses MODERATOR_ACTION = new Statuses(401, 403, 403, 303, 303);
    private static final Statuses ADMIN_ACTION = new Statuses(401, 403, 403, 403, 303);
    private static final Statuses ANYONE_ACTS = new Statuses(303, 303, 303, 303, 303);

    /**
     * One row: {@code pattern} as the router declares it, a label when one pattern has several rows,
     * the concrete path (and form) for a caller, the statuses, and whether the route also answers JSON.
     */
    private record Row(String method, String pattern, String label, Function<Caller, String> path,
                       Function<Caller, Map<String, String>> form, Statuses expected, boolean json, boolean newSession) {
        String name() {
            return method + " " + pattern + (label.isEmpty() ? "" : " (" + label + ")");
        }
    }

    private static Row get(String pattern, String label, Function<Caller, String> path, Statuses expected) {
        return new Row("GET", pattern, label, path, c -> Map.of(), expected, false, false);
    }

    private static Row get(String pattern, Statuses expected) {
        return get(pattern, "", c -> pattern, expected);
    }

    private static Row getJson(String pattern, Function<Caller, String> path, Statuses expected) {
        return new Row("GET", pattern, "", path, c -> Map.of(), expected, true, false);
    }

    private static Row post(String pattern, String label, Function<Caller, String> path,
                            Function<Caller, Map<String, String>> form, Statuses expected) {
        return new Row("POST", pattern, label, path, form, expected, false, false);
    }

    /** A moderation action: answers JSON (200) instead of the redirect when asked with Accept: application/json. */
    private static Row action(String pattern, String label, Function<Caller, String> path, Statuses expected) {
        return new Row("POST", pattern, label, path, c -> Map.of("reason", "Checked by the route table", "duration", "7d"),
                expected, true, false);
    }

    /** Sign-in, sign-out and registration change the caller's session: each case gets a session of its own. */
    private static Row sessionPost(String pattern, Function<Caller, Map<String, String>> form) {
        return new Row("POST", pattern, "", c -> pattern, form, ANYONE_ACTS, false, true);
    }

    private static final String STATEMENT_ACTION = "/moderation/statements/{id}/{action}";
    private static final String ESSAY_ACTION = "/moderation/essays/{slug}/{action}";
    private static final String PERSON_ACTION = "/moderation/people/{handle}/{action}";

    private static final List<Row> TABLE = List.of(
            get("/", EVERYONE),
            get("/essays/{slug}", "", c -> "/essays/" + ESSAY, EVERYONE),
            get("/statements/{id}", "", c -> "/statements/" + c.othersStatement(), EVERYONE),
            get("/statements/{id}/history", "", c -> "/statements/" + c.othersStatement() + "/history", EVERYONE),
            get("/statements/{id}/edit", "own", c -> "/statements/" + c.ownStatement() + "/edit", SIGNED_IN),
            get("/statements/{id}/edit", "another's", c -> "/statements/" + c.othersStatement() + "/edit", NOBODY),
            new Row("GET", "/statements/{id}/receipt", "own", c -> "/statements/" + c.ownStatement() + "/receipt",
                    c -> Map.of(), SIGNED_IN, true, false),
            new Row("GET", "/statements/{id}/receipt", "another's", c -> "/statements/" + c.othersStatement() + "/receipt",
                    c -> Map.of(), NOBODY, true, false),
            get("/people/{handle}", "", c -> "/people/otto", EVERYONE),
            get("/register", EVERYONE),
            get("/login", EVERYONE),
            get("/simulation", EVERYONE),
            get("/favicon.ico", new Statuses(301, 301, 301, 301, 301)),
            get("/moderation", MODERATORS),
            get("/moderation/statements/{id}", "", c -> "/moderation/statements/" + c.othersStatement(), MODERATORS),
            get("/moderation/essays/{slug}", "", c -> "/moderation/essays/" + ESSAY, MODERATORS),
            get("/moderation/people/{handle}", "", c -> "/moderation/people/otto", MODERATORS),
            get("/moderation/log", EVERYONE),
            get("/moderation/log/{id}", "", c -> "/moderation/log/" + c.fixture.logEntry, EVERYONE),
            get("/admin/essays", ADMINS),
            get("/admin/essays/new", ADMINS),
            get("/admin/essays/{slug}/edit", "", c -> "/admin/essays/" + ESSAY + "/edit", ADMINS),
            get("/admin/essays/{slug}/revisions", "", c -> "/admin/essays/" + ESSAY + "/revisions", ADMINS),
            get("/admin/essays/{slug}/revisions/{revision}", "", c -> "/admin/essays/" + ESSAY + "/revisions/1", ADMINS),
            get("/ledger", EVERYONE),
            getJson("/ledger/head", c -> "/ledger/head", EVERYONE),
            getJson("/ledger/key", c -> "/ledger/key", EVERYONE),
            get("/admin/verify", ADMINS),
            getJson("/api/essays", c -> "/api/essays", EVERYONE),
            getJson("/api/essays/{slug}/comments", c -> "/api/essays/" + ESSAY + "/comments", EVERYONE),
            getJson("/api/moderation/log", c -> "/api/moderation/log", EVERYONE),
            getJson("/api/moderation/queue", c -> "/api/moderation/queue", MODERATORS),
            getJson("/api/ledger", c -> "/api/ledger", EVERYONE),
            getJson("/healthz", c -> "/healthz", EVERYONE),

            post("/essays/{slug}/comments", "", c -> "/essays/" + ESSAY + "/comments",
                    c -> Map.of("body", "A comment from the route table"), POSTERS),
            post("/statements/{id}/reports", "", c -> "/statements/" + c.othersStatement() + "/reports",
                    c -> Map.of("reason", "spam", "details", ""), POSTERS),
            post("/statements/{id}/edit", "own", c -> "/statements/" + c.ownStatement() + "/edit",
                    c -> Map.of("body", "Edited by the route table"), POSTERS),
            post("/statements/{id}/edit", "another's", c -> "/statements/" + c.othersStatement() + "/edit",
                    c -> Map.of("body", "Edited by someone else"), NOBODY),
            // withdrawing takes words back rather than adding any, so a suspension does not stop it
            post("/statements/{id}/withdraw", "own", c -> "/statements/" + c.ownStatement() + "/withdraw",
                    c -> Map.of(), new Statuses(401, 303, 303, 303, 303)),
            post("/statements/{id}/withdraw", "another's", c -> "/statements/" + c.othersStatement() + "/withdraw",
                    c -> Map.of(), NOBODY),
            // a suspended member can register afresh, as anyone signed out could: refusing it here would stop nobody
            sessionPost("/register", c -> Map.of("handle", c.fixture.freshHandle(), "displayName", "New Person", "password", PASSWORD)),
            sessionPost("/login", c -> Map.of("handle", c.handle(), "password", c.password())),
            sessionPost("/logout", c -> Map.of()),

            action(STATEMENT_ACTION, "hide", c -> "/moderation/statements/" + c.othersStatement() + "/hide", MODERATOR_ACTION),
            action(STATEMENT_ACTION, "restore", c -> "/moderation/statements/" + c.id("hidden", Fixture::hiddenStatement) + "/restore", MODERATOR_ACTION),
            action(STATEMENT_ACTION, "approve", c -> "/moderation/statements/" + c.id("pending", Fixture::pendingStatement) + "/approve", MODERATOR_ACTION),
            action(STATEMENT_ACTION, "reject", c -> "/moderation/statements/" + c.id("pending", Fixture::pendingStatement) + "/reject", MODERATOR_ACTION),
            action(STATEMENT_ACTION, "dismiss-reports", c -> "/moderation/statements/" + c.id("reported", Fixture::reportedStatement) + "/dismiss-reports", MODERATOR_ACTION),
            action(STATEMENT_ACTION, "lock", c -> "/moderation/statements/" + c.othersStatement() + "/lock", MODERATOR_ACTION),
            action(STATEMENT_ACTION, "unlock", c -> "/moderation/statements/" + c.id("locked", Fixture::lockedStatement) + "/unlock", MODERATOR_ACTION),
            action(STATEMENT_ACTION, "erase", c -> "/moderation/statements/" + c.othersStatement() + "/erase", ADMIN_ACTION),
            action(ESSAY_ACTION, "lock", c -> "/moderation/essays/" + c.name("publishedEssay", Fixture::publishedEssay) + "/lock", MODERATOR_ACTION),
            action(ESSAY_ACTION, "unlock", c -> "/moderation/essays/" + c.name("lockedEssay", Fixture::lockedEssay) + "/unlock", MODERATOR_ACTION),
            action(PERSON_ACTION, "suspend", c -> "/moderation/people/" + c.name("freshPerson", Fixture::freshPerson) + "/suspend", MODERATOR_ACTION),
            action(PERSON_ACTION, "lift-suspension", c -> "/moderation/people/" + c.name("suspendedPerson", Fixture::suspendedPerson) + "/lift-suspension", MODERATOR_ACTION),
            action(PERSON_ACTION, "grant-moderator", c -> "/moderation/people/" + c.name("freshPerson", Fixture::freshPerson) + "/grant-moderator", ADMIN_ACTION),
            action(PERSON_ACTION, "revoke-moderator", c -> "/moderation/people/" + c.name("freshModerator", Fixture::freshModerator) + "/revoke-moderator", ADMIN_ACTION),

            post("/admin/essays", "", c -> "/admin/essays",
                    c -> essayForm(c.fixture.freshSlug(), "1"), ADMIN_ACTION),
            post("/admin/essays/{slug}", "", c -> "/admin/essays/" + c.name("publishedEssay", Fixture::publishedEssay),
                    c -> essayForm("ignored", "1"), ADMIN_ACTION),
            post("/admin/essays/{slug}/publish", "", c -> "/admin/essays/" + c.name("draftEssay", Fixture::draftEssay) + "/publish",
                    c -> Map.of(), ADMIN_ACTION),
            post("/admin/essays/{slug}/unpublish", "", c -> "/admin/essays/" + c.name("publishedEssay", Fixture::publishedEssay) + "/unpublish",
                    c -> Map.of(), ADMIN_ACTION),
            post("/admin/preview", "", c -> "/admin/preview", c -> Map.of("markdown", "Some *preview*."),
                    new Statuses(401, 403, 403, 403, 200)));

    @RegisterExtension
    static final SharedApp APP = new SharedApp();
    private static Fixture fixture;

    @BeforeAll
    static void makeFixture() {
        fixture = new Fixture(APP.app());
    }

    @Test
    void theTableListsEveryRouteOfTheRouterAndNoOther() {
        Set<String> routed = new TreeSet<>();
        for (var endpoint : APP.app().javalin().unsafe.internalRouter.allHttpHandlers()) {
            if (!endpoint.endpoint.method.isHttpMethod()) {
                continue; // before- and after-handlers are not routes
            }
            routed.add(endpoint.endpoint.method.name() + " " + endpoint.endpoint.path);
        }
        Set<String> listed = new TreeSet<>();
        TABLE.forEach(row -> listed.add(row.method() + " " + row.pattern()));
        assertThat(listed).as("routes in the table").containsExactlyElementsOf(routed);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEveryRoleWithItsStatus() {
        List<DynamicTest> cases = new ArrayList<>();
        for (Row row : TABLE) {
            for (Role role : Role.values()) {
                int status = row.expected().of(role);
                cases.add(DynamicTest.dynamicTest(row.name() + " as " + role.name().toLowerCase() + " -> " + status,
                        () -> check(row, role, false, status)));
                if (row.json()) {
                    int json = status == 303 ? 200 : status; // a JSON client gets the result, not a redirect
                    cases.add(DynamicTest.dynamicTest(row.name() + " as " + role.name().toLowerCase() + ", JSON -> " + json,
                            () -> check(row, role, true, json)));
                }
            }
        }
        return cases.stream();
    }

    private static void check(Row row, Role role, boolean json, int expected) {
        Caller caller = new Caller(fixture, role, row.newSession() ? fixture.freshSession(role) : fixture.client(role),
                row.method().equals("POST") && expected < 400);
        String path = row.path().apply(caller);
        Page page = switch (row.method()) {
            case "GET" -> json ? caller.client.get(path, JSON) : caller.client.get(path);
            case "POST" -> json ? caller.client.post(path, row.form().apply(caller), JSON)
                    : caller.client.post(path, row.form().apply(caller));
            default -> throw new IllegalArgumentException(row.method());
        };
        assertThat(page.status()).as("%s %s as %s\n%s", row.method(), path, role, page.body()).isEqualTo(expected);
        if (json) {
            assertThat(page.header("Content-Type")).as("JSON answer").startsWith(JSON);
        }
    }

    private static Map<String, String> essayForm(String slug, String baseRevision) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("slug", slug);
        fields.put("title", "An Essay From The Route Table");
        fields.put("date", "2024-05-01");
        fields.put("markdown", "A first paragraph.\n\nA second one, revised " + baseRevision + ".");
        fields.put("baseRevision", baseRevision);
        return fields;
    }

    /** One role's view of the fixture in one case. */
    private record Caller(Fixture fixture, Role role, WebClient client, boolean succeeds) {
        /**
         * A target made for this case when its POST is meant to succeed (and so changes it); reads and
         * refused POSTs change nothing, so they share one target of each kind, which keeps the table fast.
         */
        <T> T target(Class<T> kind, String name, Supplier<T> make) {
            return succeeds ? make.get() : kind.cast(fixture.shared.computeIfAbsent(kind.getSimpleName() + " " + name, k -> make.get()));
        }

        String handle() {
            return fixture.handle(role);
        }

        String password() {
            return role == Role.ADMIN ? Admin.PASSWORD : PASSWORD;
        }

        /** A fresh visible statement by someone else (otto). */
        long id(String kind, Function<Fixture, Long> make) {
            return target(Long.class, kind, () -> make.apply(fixture));
        }

        String name(String kind, Function<Fixture, String> make) {
            return target(String.class, kind, () -> make.apply(fixture));
        }

        long othersStatement() {
            return target(Long.class, "others", () -> fixture.statementBy(fixture.otto));
        }

        /** A fresh statement by the caller; anonymous has none of its own, so it gets someone else's. */
        long ownStatement() {
            return switch (role) {
                case ANONYMOUS -> othersStatement();
                case SUSPENDED -> target(Long.class, "own " + role, fixture.suspendedOwn::pop);
                default -> target(Long.class, "own " + role, () -> fixture.statementBy(client));
            };
        }
    }

    /** The people and targets the table needs, made through the app's own routes wherever a route exists. */
    private static final class Fixture {
        private final TestApp.Running app;
        private final AtomicInteger counter = new AtomicInteger();
        private final WebClient admin;
        private final WebClient moderator;
        private final WebClient member;
        private final WebClient suspended;
        private final WebClient otto;
        /** Statements written by the suspended member before the suspension: they cannot write new ones. */
        private final Deque<Long> suspendedOwn = new ArrayDeque<>();
        private final long logEntry;
        private final Map<String, Object> shared = new HashMap<>();

        Fixture(TestApp.Running app) {
            this.app = app;
            admin = Admin.signedIn(app, "ada");
            moderator = Admin.moderator(app, admin, "moe");
            member = app.client().signedUp("mia");
            otto = app.client().signedUp("otto");
            suspended = app.client().signedUp("sam");
            for (int i = 0; i < 8; i++) {
                suspendedOwn.push(statementBy(suspended));
            }
            done(admin.post("/moderation/people/sam/suspend", Map.of("duration", "indefinite", "reason", "Route table")),
                    "suspend sam");
            logEntry = Db.of(app.config()).withHandle(h -> h.createQuery("SELECT MAX(id) FROM moderation_log")
                    .mapTo(Long.class).one());
        }

        WebClient client(Role role) {
            return switch (role) {
                case ANONYMOUS -> app.client();
                case MEMBER -> member;
                case SUSPENDED -> suspended;
                case MODERATOR -> moderator;
                case ADMIN -> admin;
            };
        }

        String handle(Role role) {
            return switch (role) {
                case ANONYMOUS, MEMBER -> "mia"; // anonymous signs in as a member
                case SUSPENDED -> "sam";
                case MODERATOR -> "moe";
                case ADMIN -> "ada";
            };
        }

        /** A client of its own for this role, signed in afresh (anonymous: a new browser). */
        WebClient freshSession(Role role) {
            WebClient client = app.client();
            if (role != Role.ANONYMOUS) {
                done(client.login(handle(role), role == Role.ADMIN ? Admin.PASSWORD : PASSWORD), "sign in as " + handle(role));
            }
            return client;
        }

        String freshHandle() {
            return "person" + counter.incrementAndGet();
        }

        String freshSlug() {
            return "route-table-" + counter.incrementAndGet();
        }

        long statementBy(WebClient author) {
            return WebClient.postedId(author.comment(ESSAY, "A statement for the route table #" + counter.incrementAndGet()));
        }

        long hiddenStatement() {
            long id = statementBy(otto);
            done(admin.post("/moderation/statements/" + id + "/hide", Map.of("reason", "to restore")), "hide");
            return id;
        }

        long lockedStatement() {
            long id = statementBy(otto);
            done(admin.post("/moderation/statements/" + id + "/lock", Map.of("reason", "to unlock")), "lock");
            return id;
        }

        long reportedStatement() {
            long id = statementBy(otto);
            done(member.post("/statements/" + id + "/reports", Map.of("reason", "spam", "details", "")), "report");
            return id;
        }

        /** Awaiting review: pre-moderation is off in this app, so the statement is put back in the queue directly. */
        long pendingStatement() {
            long id = statementBy(otto);
            Db.of(app.config()).useHandle(h -> h.createUpdate("UPDATE statements SET status = 'pending' WHERE id = :id")
                    .bind("id", id).execute());
            return id;
        }

        String draftEssay() {
            String slug = freshSlug();
            done(admin.post("/admin/essays", essayForm(slug, "1")), "create essay " + slug);
            return slug;
        }

        String publishedEssay() {
            String slug = draftEssay();
            done(admin.post("/admin/essays/" + slug + "/publish", Map.of()), "publish " + slug);
            return slug;
        }

        String lockedEssay() {
            String slug = publishedEssay();
            done(admin.post("/moderation/essays/" + slug + "/lock", Map.of("reason", "to unlock")), "lock " + slug);
            return slug;
        }

        String freshPerson() {
            String handle = freshHandle();
            app.client().signedUp(handle);
            return handle;
        }

        String suspendedPerson() {
            String handle = freshPerson();
            done(admin.post("/moderation/people/" + handle + "/suspend", Map.of("duration", "7d", "reason", "to lift")), "suspend");
            return handle;
        }

        String freshModerator() {
            String handle = freshHandle();
            Admin.moderator(app, admin, handle);
            return handle;
        }

        /** Fails the setup unless the step was done (303). */
        private static void done(Page page, String what) {
            if (page.status() != 303) {
                throw new IllegalStateException(what + " failed: " + page.status() + "\n" + page.body());
            }
        }
    }
}
