package org.byline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Holds back the answer to every request that may have written until its commits are durable
 * (Database.persistCommits): the response is sent after the after-handlers run.
 */
public final class AcknowledgedWrites {
    private final Runnable persistCommits;
    private final ErrorPages errorPages;

    public AcknowledgedWrites(Runnable persistCommits, ErrorPages errorPages) {
        this.persistCommits = persistCommits;
        this.errorPages = errorPages;
    }

    public void register(RoutesConfig routes) {
        routes.after(this::persistBeforeAnswering);
    }

    private void persistBeforeAnswering(Context ctx) {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            return;
        }
        try {
            persistCommits.run();
        } catch (RuntimeException e) {
            errorPages.unconfirmedWrite(ctx, e);
        }
    }
}
