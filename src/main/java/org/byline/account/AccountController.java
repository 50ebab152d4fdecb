package org.byline.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
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
    private final RateLimiter registerLimit;

    public AccountController(Accounts accounts, Sessions sessions, Pages pages, RateLimiter loginLimit, RateLimiter registerLimit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.pages = pages;
        this.loginLimit = loginLimit;
        this.registerLimit = registerLimit;
    }

    public void registerForm(Context ctx) {
        pages.render(ctx, "account/register.jte", new RegisterPage(pages.viewer(ctx), "", "", Map.of(), next(ctx)));
    }

    public void register(Context ctx) {
        String next = next(ctx);
        registerLimit.check("register:" + ctx.ip(), "registration");
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
        String handle = ctx.formParam("handle") == null ? "" : ctx.formParam("handle").strip();
        loginLimit.check("login-ip:" + ctx.ip(), "sign-in");
        loginLimit.check("login-handle:" + Handles.key(handle), "sign-in");
        var account = accounts.authenticate(handle, ctx.formParam("password"));
        if (account.isEmpty()) {
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
