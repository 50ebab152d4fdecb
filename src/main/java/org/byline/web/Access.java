package org.byline.web;

import io.javalin.http.Context;
import org.byline.account.Account;
import org.byline.account.Role;
import org.byline.account.Sessions;

/** Who may do what: every guarded handler asks here first. */
public final class Access {
    private final Sessions sessions;

    public Access(Sessions sessions) {
        this.sessions = sessions;
    }

    public Account requireSignedIn(Context ctx) {
        return sessions.current(ctx).orElseThrow(() -> new HttpProblem(401, "Sign in first."));
    }

    public Account requireModerator(Context ctx) {
        Account account = requireSignedIn(ctx);
        if (!account.canModerate()) {
            throw HttpProblem.forbidden("Only moderators and admins can do this.");
        }
        return account;
    }

    public Account requireAdmin(Context ctx) {
        Account account = requireSignedIn(ctx);
        if (account.roleEnum() != Role.ADMIN) {
            throw HttpProblem.forbidden("Only admins can do this.");
        }
        return account;
    }
}
