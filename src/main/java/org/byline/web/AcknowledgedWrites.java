package org.byline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back the answer to every request that may have written until its commits are durable
 * (Database.persistCommits): the response is sent after the after-handlers run.
 */
public final class AcknowledgedWrites {
    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgedWrites.class);
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
            if (ctx.statusCode() >= 400) {
                // refused or failed already: it saved nothing, and its answer says what was wrong
                LOG.warn("{} {} answered {}; persisting after it failed too", ctx.method(), ctx.path(), ctx.statusCode(), e);
                return;
            }
            errorPages.unconfirmedWrite(ctx, e);
        }
    }
}
