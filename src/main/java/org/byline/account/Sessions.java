package org.byline.account;

import io.javalin.http.Context;
import org.byline.web.Cookies;
import org.byline.web.Csrf;
import org.byline.web.Tokens;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Sign-in state kept in the database, so every instance sees the same sessions. */
public final class Sessions {
    public static final String COOKIE = "byline_session";
    public static final Duration LIFETIME = Duration.ofDays(30);
    private static final String ATTRIBUTE = "byline.account";

    private final Jdbi jdbi;
    private final Cookies cookies;
    private final Csrf csrf;
    private final Clock clock;

    public Sessions(Jdbi jdbi, Cookies cookies, Csrf csrf, Clock clock) {
        this.jdbi = jdbi;
        this.cookies = cookies;
        this.csrf = csrf;
        this.clock = clock;
    }

    /** Starts a new session under a new id (never reusing one the browser already had). */
    public void signIn(Context ctx, Account account) {
        endCurrent(ctx);
        String id = Tokens.random();
        Instant now = clock.instant();
        jdbi.useExtension(SessionDao.class, dao -> {
            dao.deleteExpired(now);
            dao.insert(Tokens.sha256Hex(id), account.id(), now, now.plus(LIFETIME));
        });
        cookies.set(ctx, COOKIE, id, (int) LIFETIME.toSeconds());
        csrf.rotate(ctx, id);
        ctx.attribute(ATTRIBUTE, Optional.of(account));
    }

    public void signOut(Context ctx) {
        endCurrent(ctx);
        cookies.clear(ctx, COOKIE);
        csrf.rotate(ctx, null);
        ctx.attribute(ATTRIBUTE, Optional.empty());
    }

    /** The signed-in account of this request, looked up once per request. */
    public Optional<Account> current(Context ctx) {
        Optional<Account> cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String id = ctx.cookie(COOKIE);
        Optional<Account> account = Optional.empty();
        if (id != null && !id.isBlank()) {
            Instant now = clock.instant();
            account = jdbi.withHandle(h -> h.attach(SessionDao.class).findAccountId(Tokens.sha256Hex(id), now)
                    .flatMap(accountId -> h.attach(AccountDao.class).findById(accountId)));
        }
        ctx.attribute(ATTRIBUTE, account);
        return account;
    }

    private void endCurrent(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null && !id.isBlank()) {
            jdbi.useExtension(SessionDao.class, dao -> dao.delete(Tokens.sha256Hex(id)));
        }
    }
}
