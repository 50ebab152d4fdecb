package org.byline;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.byline.account.AccountController;
import org.byline.account.Accounts;
import org.byline.account.Owner;
import org.byline.account.PasswordHasher;
import org.byline.account.PersonController;
import org.byline.account.Sessions;
import org.byline.comment.CommentController;
import org.byline.comment.Comments;
import org.byline.db.Database;
import org.byline.db.SiteSecrets;
import org.byline.essay.EssayController;
import org.byline.essay.EssayImporter;
import org.byline.essay.Essays;
import org.byline.simulation.SimulationController;
import org.byline.web.Cookies;
import org.byline.web.Csrf;
import org.byline.web.ErrorPages;
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
        Javalin app = create(config).start(config.port());
        LOG.info("Byline is serving on http://localhost:{}/", app.port());
    }

    public static Javalin create(Config config) {
        Clock clock = Clock.systemUTC();
        Database database = Database.open(config);
        var jdbi = database.jdbi();

        var owner = Owner.ensure(jdbi, config, clock);
        Path essaysDir = config.essaysDir() != null ? config.essaysDir()
                : Files.isDirectory(DEFAULT_ESSAYS_DIR) ? DEFAULT_ESSAYS_DIR : null;
        new EssayImporter(jdbi, clock).importAll(essaysDir, owner);

        Cookies cookies = new Cookies(config.servedOverHttps());
        Csrf csrf = new Csrf(SiteSecrets.getOrCreate(jdbi, "csrf"), cookies);
        Sessions sessions = new Sessions(jdbi, cookies, csrf, clock);
        Pages pages = new Pages(sessions, csrf);
        SecurityHeaders headers = new SecurityHeaders(config.servedOverHttps());
        boolean limits = config.rateLimitsOn();

        Essays essays = new Essays(jdbi);
        Comments comments = new Comments(jdbi, clock);
        Accounts accounts = new Accounts(jdbi, new PasswordHasher(), clock);
        EssayController essayController = new EssayController(essays, comments, pages);
        CommentController commentController = new CommentController(essays, comments, sessions, essayController,
                pages, new RateLimiter(10, 60_000, limits, clock));
        AccountController accountController = new AccountController(accounts, sessions, pages,
                new RateLimiter(10, 60_000, limits, clock), new RateLimiter(5, 3_600_000, limits, clock));
        PersonController personController = new PersonController(accounts, comments, pages);
        SimulationController simulationController = new SimulationController(pages);
        ErrorPages errorPages = new ErrorPages(pages);

        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
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
                    csrf.verify(ctx);
                }
            });
            errorPages.register(routes);

            routes.get("/", essayController::index);
            routes.get("/essays/{slug}", essayController::show);
            routes.post("/essays/{slug}/comments", commentController::post);
            routes.get("/statements/{id}", commentController::show);
            routes.get("/people/{handle}", personController::show);
            routes.get("/register", accountController::registerForm);
            routes.post("/register", accountController::register);
            routes.get("/login", accountController::loginForm);
            routes.post("/login", accountController::login);
            routes.post("/logout", accountController::logout);
            routes.get("/simulation", simulationController::show);
            routes.get("/favicon.ico", ctx -> ctx.redirect("/static/img/favicon.svg", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));

            routes.get("/api/essays", essayController::apiList);
            routes.get("/api/essays/{slug}/comments", essayController::apiComments);
            routes.get("/healthz", ctx -> {
                boolean healthy = database.isHealthy();
                ctx.status(healthy ? 200 : 503).json(Map.of("status", healthy ? "ok" : "failing", "database", healthy ? "ok" : "unreachable"));
            });
        });
    }
}
