package org.byline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Map;

/** One place that turns every failed request into a page (or JSON under /api) that names the problem. */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final String MESSAGE = "byline.errorMessage";
    private static final String RENDERED = "byline.rendered";

    public record ErrorPage(Viewer viewer, int status, String title, String message) {
    }

    private final Pages pages;

    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.exception(HttpProblem.class, (e, ctx) -> {
            ctx.attribute(MESSAGE, e.getMessage());
            ctx.status(e.status());
        });
        // Javalin's own exceptions (oversized body, bad request) carry terse messages: say it in our words.
        routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()));
        // a known path asked with a method it does not serve: say which methods it does (RFC 9110, 15.5.6)
        routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            ctx.header("Allow", String.join(", ", e.getDetails().values()));
            ctx.status(405);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (cutShortByShutdown(e)) {
                // H2's own shutdown hook closed the database under a request still in flight (it runs beside
                // ours, and H2 refuses DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER): its transaction rolled back
                LOG.warn("{} {} cut short: the app is shutting down", ctx.method(), ctx.path());
                ctx.header("Retry-After", "5");
                ctx.attribute(MESSAGE, "The site is restarting. Nothing you sent was saved; please try again in a few seconds.");
                ctx.status(503);
                return;
            }
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500);
        });
        for (int status : new int[]{400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 503}) {
            routes.error(status, ctx -> show(ctx, status));
        }
    }

    private void show(Context ctx, int status) {
        if (ctx.attribute(RENDERED) != null) {
            return; // the handler already rendered a page of its own (e.g. a form re-shown with 401)
        }
        String message = ctx.attribute(MESSAGE);
        if (message == null || message.isBlank()) {
            message = defaultMessage(status);
        }
        if (wantsJson(ctx)) {
            ctx.json(Map.of("status", status, "error", message));
            return;
        }
        try {
            pages.render(ctx, "web/error.jte", new ErrorPage(pages.viewer(ctx), status, title(status), message));
        } catch (RuntimeException e) {
            LOG.error("Could not render error page {}", status, e);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + title(status) + ": " + message);
        }
    }

    /**
     * A request's commit went through but could not be confirmed in the database file (the database
     * closed or failed in between). This runs after the error pages have had their turn, so it answers
     * itself, and it does not say "nothing was saved": the commit is most likely kept (H2 writes it when
     * it closes), so a person who simply resent it would post it twice.
     */
    public void unconfirmedWrite(Context ctx, RuntimeException e) {
        LOG.warn("{} {} committed, but its commit could not be confirmed on disk", ctx.method(), ctx.path(), e);
        ctx.res().setHeader("Location", null); // a redirect would present the next page as if all was well
        ctx.header("Retry-After", "5");
        ctx.attribute(RENDERED, null);
        ctx.attribute(MESSAGE, "The site could not confirm that your change was stored (it may be restarting). "
                + "It probably was: look for it in a few seconds before sending it again.");
        ctx.status(503);
        show(ctx, 503);
    }

    /** H2's error for a connection used after its shutdown hook closed the database. */
    static boolean cutShortByShutdown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                return true;
            }
        }
        return false;
    }

    /** API paths, and requests that ask for JSON, get errors as JSON. */
    public static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/") || ctx.path().equals("/healthz")
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    /** Marks a response whose page the handler rendered itself, so the error page does not replace it. */
    public static void keepRendered(Context ctx) {
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign in needed";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Already done";
            case 413 -> "Too large";
            case 414 -> "Address too long";
            case 415 -> "Unsupported form encoding";
            case 431 -> "Headers too large";
            case 429 -> "Too many requests";
            case 503 -> "Unavailable";
            case 505 -> "HTTP version not supported";
            default -> "Something went wrong";
        };
    }

    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 401 -> "You need to sign in first.";
            case 403 -> "You are not allowed to do that.";
            case 404 -> "There is no page at this address. It may have moved, or the link may be mistyped.";
            case 405 -> "This address does not accept that kind of request.";
            case 413 -> "What you sent is larger than this site accepts (1 MB). Shorten it and try again.";
            case 414 -> "The address is longer than this site accepts.";
            case 431 -> "The request's headers (cookies, most often) are larger than this site accepts.";
            case 415 -> "Send forms as application/x-www-form-urlencoded (UTF-8), as the site's own forms do.";
            case 429 -> "Too many requests in a short time. Please wait a minute and try again.";
            case 503 -> "The site is temporarily unavailable. Please try again shortly.";
            case 505 -> "This site speaks HTTP/1.1 (and 1.0) only.";
            default -> "The site hit an error it did not expect. Nothing you sent was half-saved; please try again.";
        };
    }
}
