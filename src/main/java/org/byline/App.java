package org.byline;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.byline.account.AccountController;
import org.byline.account.CreateAdminCommand;
import org.byline.account.Accounts;
import org.byline.account.Owner;
import org.byline.account.PasswordHasher;
import org.byline.account.PersonController;
import org.byline.account.Sessions;
import org.byline.backup.BackupCommand;
import org.byline.backup.RestoreCommand;
import org.byline.comment.CommentController;
import org.byline.comment.Quotes;
import org.byline.comment.RevisionController;
import org.byline.comment.StatementPages;
import org.byline.comment.Statements;
import org.byline.essay.EssayApi;
import org.byline.essay.EssayPages;
import org.byline.ledger.LedgerController;
import org.byline.ledger.LedgerEntries;
import org.byline.ledger.LedgerVerifier;
import org.byline.ledger.SigningKey;
import org.byline.ledger.VerifyCommand;
import org.byline.moderation.Moderation;
import org.byline.moderation.ModerationController;
import org.byline.moderation.ModerationQueue;
import org.byline.moderation.ReportController;
import org.byline.moderation.Reports;
import org.byline.moderation.Suspensions;
import org.byline.web.AcknowledgedWrites;
import org.byline.web.Access;
import org.byline.db.Database;
import org.byline.db.SiteSecrets;
import org.byline.essay.EssayController;
import org.byline.essay.EssayImporter;
import org.byline.essay.Essays;
import org.byline.simulation.SimulationController;
import org.byline.web.ClientAddress;
import org.byline.web.Cookies;
import org.byline.web.Csrf;
import org.byline.web.ErrorPages;
import org.byline.web.FormBodies;
import org.byline.web.JettyErrors;
import org.byline.web.JteRenderer;
import org.byline.web.Pages;
import org.byline.web.RateLimiter;
import org.byline.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Wiring only: builds the Javalin app from a {@link Config}. Tests and {@code main} share it. */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final Path DEFAULT_ESSAYS_DIR = Path.of("db", "essays");
    public static final long MAX_REQUEST_BYTES = 1_000_000;

    private App() {
    }

    public static void main(String[] args) {
        Config config = Config.fromEnv(System.getenv());
        if (args.length > 0) {
            if (args[0].equals("create-admin")) {
                System.exit(CreateAdminCommand.run(config, args, System.in, System.out, System.err));
            }
            if (args[0].equals("verify")) {
                System.exit(VerifyCommand.run(config, args, System.out, System.err));
            }
            if (args[0].equals("backup")) {
                System.exit(BackupCommand.run(config, args, System.out, System.err));
            }
            if (args[0].equals("restore")) {
                System.exit(RestoreCommand.run(config, args, System.out, System.err));
            }
            System.err.println("usage: java -jar byline.jar [create-admin --handle NAME [--name \"Display Name\"] | verify [--receipt FILE]"
                    + " | backup FILE | restore FILE]");
            System.exit(2);
        }
        Javalin app = create(config).start(config.port());
        // SIGTERM (systemd, docker, kill) runs shutdown hooks: stop serving and close the pool. (Acknowledged
        // writes are already in the file, see Database.persistCommits; H2's own hook closes its database too.)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            LOG.info("Byline has stopped and closed its database");
        }, "byline-shutdown"));
        LOG.info("Byline is serving on http://localhost:{}/", app.port());
    }

    public static Javalin create(Config config) {
        Database database = Database.open(config);
        try {
            return create(config, database, Clock.systemUTC());
        } catch (RuntimeException e) {
            database.close(); // a failed start must not keep the H2 file locked
            throw e;
        }
    }

    private static Javalin create(Config config, Database database, Clock clock) {
        var jdbi = database.jdbi();

        var owner = Owner.ensure(jdbi, config, clock);
        Path essaysDir = config.essaysDir() != null ? config.essaysDir()
                : Files.isDirectory(DEFAULT_ESSAYS_DIR) ? DEFAULT_ESSAYS_DIR : null;
        new EssayImporter(jdbi, clock).importAll(essaysDir, owner);

        Cookies cookies = new Cookies(config.servedOverHttps());
        Csrf csrf = new Csrf(SiteSecrets.getOrCreate(jdbi, "csrf"), cookies, Sessions.COOKIE);
        Sessions sessions = new Sessions(jdbi, cookies, csrf, clock);
        Suspensions suspensions = new Suspensions(jdbi, clock);
        Pages pages = new Pages(sessions, csrf, suspensions);
        Access access = new Access(sessions);
        SecurityHeaders headers = new SecurityHeaders(config.servedOverHttps());
        boolean limits = config.rateLimitsOn();

        Essays essays = new Essays(jdbi);
        Statements statements = new Statements(jdbi, clock, config.premoderation(), new Quotes(jdbi, essays));
        EssayPages essayPages = new EssayPages(essays, statements);
        StatementPages statementPages = new StatementPages(essays, statements, essayPages);
        Accounts accounts = new Accounts(jdbi, new PasswordHasher(), clock);
        EssayController essayController = new EssayController(essays, statements, essayPages, pages);
        EssayApi essayApi = new EssayApi(essayController, essayPages, statements, pages);
        CommentController commentController = new CommentController(essays, statements, essayPages, statementPages,
                pages, new RateLimiter(10, 60_000, limits, clock));
        AccountController accountController = new AccountController(accounts, sessions, pages,
                new RateLimiter(10, 60_000, limits, clock), new RateLimiter(20, 900_000, limits, clock),
                new RateLimiter(20, 3_600_000, limits, clock), new ClientAddress(config.clientIpHeader()));
        Moderation moderation = new Moderation(jdbi, clock);
        ModerationController moderationController = new ModerationController(moderation, new ModerationQueue(jdbi),
                statements, statementPages, essays, essayPages, accounts, suspensions, pages, access, jdbi);
        ReportController reportController = new ReportController(new Reports(jdbi, clock), statementPages, pages, access,
                new RateLimiter(20, 3_600_000, limits, clock));
        RevisionController revisionController = new RevisionController(statements, statementPages, essayPages, pages, access);
        PersonController personController = new PersonController(accounts, statements, essays, pages, jdbi);
        SimulationController simulationController = new SimulationController(pages);
        ErrorPages errorPages = new ErrorPages(pages);
        LedgerController ledgerController = new LedgerController(new LedgerEntries(jdbi), new LedgerVerifier(jdbi),
                SigningKey.loadOrCreate(config.ledgerKeyFile()), statements, statementPages, pages, access, clock);
        // essay admin wiring
        var essayAdmin = new org.byline.essay.admin.EssayAdminController(
                new org.byline.essay.admin.EssayEditing(jdbi, clock), pages, access, clock);

        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.http.prefer405over404 = true;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(headers)));
            cfg.fileRenderer(new JteRenderer());
            cfg.staticFiles.add(staticFiles -> {
                staticFiles.hostedPath = "/static";
                staticFiles.directory = "/static";
                staticFiles.location = Location.CLASSPATH;
                staticFiles.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            cfg.staticFiles.add(webjars -> {
                webjars.hostedPath = "/webjars";
                webjars.directory = "/META-INF/resources/webjars";
                webjars.location = Location.CLASSPATH;
                webjars.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
            });
            cfg.events.serverStopped(database::close);

            var routes = cfg.routes;
            routes.before(ctx -> {
                headers.apply(ctx);
                if (ctx.method().name().equals("POST")) {
                    FormBodies.requireUrlEncoded(ctx);
                    csrf.verify(ctx);
                }
            });
            errorPages.register(routes);
            new AcknowledgedWrites(database::persistCommits, errorPages).register(routes);

            routes.get("/", essayController::index);
            routes.get("/essays/{slug}", essayController::show);
            routes.post("/essays/{slug}/comments", commentController::post);
            routes.get("/statements/{id}", commentController::show);
            routes.post("/statements/{id}/reports", reportController::report);
            routes.get("/statements/{id}/history", revisionController::history);
            routes.get("/statements/{id}/edit", revisionController::editForm);
            routes.post("/statements/{id}/edit", revisionController::edit);
            routes.post("/statements/{id}/withdraw", revisionController::withdraw);
            routes.get("/statements/{id}/receipt", ledgerController::receipt);
            routes.get("/people/{handle}", personController::show);
            routes.get("/register", accountController::registerForm);
            routes.post("/register", accountController::register);
            routes.get("/login", accountController::loginForm);
            routes.post("/login", accountController::login);
            routes.post("/logout", accountController::logout);
            routes.get("/simulation", simulationController::show);
            routes.get("/favicon.ico", ctx -> ctx.redirect("/static/img/favicon.svg", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));

            routes.get("/moderation", moderationController::queue);
            routes.get("/moderation/statements/{id}", moderationController::statement);
            routes.post("/moderation/statements/{id}/{action}", moderationController::actOnStatement);
            routes.get("/moderation/essays/{slug}", moderationController::essay);
            routes.post("/moderation/essays/{slug}/{action}", moderationController::actOnEssay);
            routes.get("/moderation/people/{handle}", moderationController::person);
            routes.post("/moderation/people/{handle}/{action}", moderationController::actOnPerson);
            routes.get("/moderation/log", moderationController::log);
            routes.get("/moderation/log/{id}", moderationController::entry);
            // essay admin routes
            routes.before("/essays/{slug}", essayAdmin::showUnpublishedToAdmins);
            routes.get("/admin/essays", essayAdmin::list);
            routes.get("/admin/essays/new", essayAdmin::newForm);
            routes.post("/admin/essays", essayAdmin::create);
            routes.get("/admin/essays/{slug}/edit", essayAdmin::editForm);
            routes.post("/admin/essays/{slug}", essayAdmin::revise);
            routes.post("/admin/essays/{slug}/publish", essayAdmin::publish);
            routes.post("/admin/essays/{slug}/unpublish", essayAdmin::unpublish);
            routes.get("/admin/essays/{slug}/revisions", essayAdmin::revisions);
            routes.get("/admin/essays/{slug}/revisions/{revision}", essayAdmin::revision);
            routes.post("/admin/preview", essayAdmin::preview);

            routes.get("/ledger", ledgerController::page);
            routes.get("/ledger/head", ledgerController::head);
            routes.get("/ledger/key", ledgerController::publicKey);
            routes.get("/admin/verify", ledgerController::verify);

            routes.get("/api/essays", essayApi::list);
            routes.get("/api/essays/{slug}/comments", essayApi::comments);
            routes.get("/api/moderation/log", moderationController::apiLog);
            routes.get("/api/moderation/queue", moderationController::apiQueue);
            routes.get("/api/ledger", ledgerController::api);
            routes.get("/healthz", ctx -> {
                boolean healthy = database.isHealthy();
                ErrorPages.keepRendered(ctx);
                ctx.status(healthy ? 200 : 503).json(Map.of("status", healthy ? "ok" : "failing", "database", healthy ? "ok" : "unreachable"));
            });
        });
    }
}
