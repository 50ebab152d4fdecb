package org.byline.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.byline.web.ClientAddress;
import org.byline.web.ErrorPages;
import org.byline.web.Pages;
import org.byline.web.RateLimiter;
import org.byline.web.Viewer;

import java.util.Map;

/** Registration, sign-in and sign-out. */
public final class AccountController {

    public record RegisterPage(Viewer viewer, String handle, String displayName, Map<String, String> problems, String next) {
        public String problem(String field) {
            return problems.get(field);
        }
    }

    public record LoginPage(Viewer viewer, String handle, String problem, String next) {
    }

    private final Accounts accounts;
    private final Sessions sessions;
    private final Pages pages;
    private final RateLimiter loginLimit;
    private final RateLimiter accountFailureLimit;
    private final RateLimiter registerLimit;
    private final ClientAddress clients;

    /**
     * {@code loginLimit} counts every sign-in attempt per client; {@code accountFailureLimit} counts
     * only failed ones per account, so a stranger guessing at an account slows it down without being
     * able to keep its owner out with a handful of wrong passwords.
     */
    public AccountController(Accounts accounts, Sessions sessions, Pages pages, RateLimiter loginLimit,
                             RateLimiter accountFailureLimit, RateLimiter registerLimit, ClientAddress clients) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.pages = pages;
        this.loginLimit = loginLimit;
        this.accountFailureLimit = accountFailureLimit;
        this.registerLimit = registerLimit;
        this.clients = clients;
    }

    public void registerForm(Context ctx) {
        pages.render(ctx, "account/register.jte", new RegisterPage(pages.viewer(ctx), "", "", Map.of(), next(ctx)));
    }

    public void register(Context ctx) {
        String next = next(ctx);
        if (!registerLimit.tryAcquire("register:" + clients.of(ctx))) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.header("Retry-After", String.valueOf(registerLimit.windowSeconds()));
            ErrorPages.keepRendered(ctx);
            pages.render(ctx, "account/register.jte", new RegisterPage(pages.viewer(ctx), orEmpty(ctx.formParam("handle")),
                    orEmpty(ctx.formParam("displayName")),
                    Map.of("handle", "Too many registrations from your network in the last hour. Please try again later."), next));
            return;
        }
        Accounts.Registration result = accounts.register(ctx.formParam("handle"), ctx.formParam("displayName"), ctx.formParam("password"));
        if (!result.ok()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            pages.render(ctx, "account/register.jte",
                    new RegisterPage(pages.viewer(ctx), result.handle(), result.displayName(), result.problems(), next));
            return;
        }
        sessions.signIn(ctx, accounts.byHandle(result.handle()).orElseThrow());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    public void loginForm(Context ctx) {
        pages.render(ctx, "account/login.jte", new LoginPage(pages.viewer(ctx), "", null, next(ctx)));
    }

    public void login(Context ctx) {
        String next = next(ctx);
        String handle = orEmpty(ctx.formParam("handle")).strip();
        String handleKey = Handles.key(handle.length() > 30 ? handle.substring(0, 30) : handle);
        boolean clientOk = loginLimit.tryAcquire("login-ip:" + clients.of(ctx));
        boolean accountOk = !accountFailureLimit.isOver("login-failures:" + handleKey);
        if (!clientOk || !accountOk) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.header("Retry-After", String.valueOf(loginLimit.windowSeconds()));
            ErrorPages.keepRendered(ctx);
            pages.render(ctx, "account/login.jte", new LoginPage(pages.viewer(ctx), handle,
                    "Too many sign-in attempts. Please wait " + loginLimit.windowSeconds() + " seconds and try again.", next));
            return;
        }
        var account = accounts.authenticate(handle, ctx.formParam("password"));
        if (account.isEmpty()) {
            accountFailureLimit.record("login-failures:" + handleKey);
            ctx.status(HttpStatus.UNAUTHORIZED);
            ErrorPages.keepRendered(ctx);
            pages.render(ctx, "account/login.jte",
                    new LoginPage(pages.viewer(ctx), handle, "The handle or the password is wrong.", next));
            return;
        }
        sessions.signIn(ctx, account.get());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx) {
        sessions.signOut(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Where to go after signing in: a path on this site only, never another host. */
    private static String next(Context ctx) {
        String next = ctx.formParam("next");
        if (next == null) {
            next = ctx.queryParam("next");
        }
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 500 || next.chars().anyMatch(c -> c < 0x21)) {
            return "/";
        }
        return next;
    }
}
