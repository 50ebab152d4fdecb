package org.byline.web;

import io.javalin.http.Context;
import org.byline.account.Account;
import org.byline.account.Sessions;
import org.byline.moderation.Suspensions;

import java.util.Map;

/** Renders a page model into its template, with the viewer every page needs. */
public final class Pages {
    private final Sessions sessions;
    private final Csrf csrf;
    private final Suspensions suspensions;

    public Pages(Sessions sessions, Csrf csrf, Suspensions suspensions) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.suspensions = suspensions;
    }

    /** The viewer of a GET page, who comes back to this very address after signing in. */
    public Viewer viewer(Context ctx) {
        String query = ctx.queryString();
        return viewer(ctx, query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query);
    }

    /** The viewer of a page re-shown after a POST: {@code returnTo} is the page the form belongs to. */
    public Viewer viewer(Context ctx, String returnTo) {
        Account account = sessions.current(ctx).orElse(null);
        return new Viewer(account, csrf.token(ctx), returnTo, suspensions.active(account).orElse(null));
    }

    /** Renders {@code template} with the single parameter {@code page}. */
    public void render(Context ctx, String template, Object page) {
        ctx.header("Cache-Control", "no-cache");
        ctx.render(template, Map.of("page", page));
    }
}
