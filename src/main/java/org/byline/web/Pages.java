package org.byline.web;

import io.javalin.http.Context;
import org.byline.account.Sessions;

import java.util.Map;

/** Renders a page model into its template, with the viewer every page needs. */
public final class Pages {
    private final Sessions sessions;
    private final Csrf csrf;

    public Pages(Sessions sessions, Csrf csrf) {
        this.sessions = sessions;
        this.csrf = csrf;
    }

    public Viewer viewer(Context ctx) {
        return new Viewer(sessions.current(ctx).orElse(null), csrf.token(ctx), ctx.path());
    }

    /** Renders {@code template} with the single parameter {@code page}. */
    public void render(Context ctx, String template, Object page) {
        ctx.header("Cache-Control", "no-cache");
        ctx.render(template, Map.of("page", page));
    }
}
