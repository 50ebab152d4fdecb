package org.byline.web;

import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Signed double-submit tokens: a random HttpOnly cookie per browser, and in every form the HMAC of
 * that cookie and the session cookie under a key shared by all instances. A forged cross-site POST
 * carries the cookies but cannot know the token; a planted cookie is useless once the victim's
 * session differs from the attacker's.
 */
public final class Csrf {
    public static final String COOKIE = "byline_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String TOKEN = "byline.csrfToken";
    private static final String SESSION = "byline.csrfSession";

    private final byte[] key;
    private final Cookies cookies;
    private final String sessionCookie;

    public Csrf(byte[] key, Cookies cookies, String sessionCookie) {
        this.key = key.clone();
        this.cookies = cookies;
        this.sessionCookie = sessionCookie;
    }

    /** The token for this browser's forms, creating the browser's cookie when it has none. */
    public String token(Context ctx) {
        String cached = ctx.attribute(TOKEN);
        if (cached != null) {
            return cached;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isBlank()) {
            cookie = Tokens.random();
            cookies.set(ctx, COOKIE, cookie, -1);
        }
        String token = sign(cookie, session(ctx));
        ctx.attribute(TOKEN, token);
        return token;
    }

    /** A fresh cookie (and so fresh tokens) when the session changes: at sign-in and sign-out. */
    public void rotate(Context ctx, String newSessionValue) {
        String cookie = Tokens.random();
        cookies.set(ctx, COOKIE, cookie, -1);
        ctx.attribute(SESSION, newSessionValue == null ? "" : newSessionValue);
        ctx.attribute(TOKEN, sign(cookie, newSessionValue));
    }

    /** Rejects a state-changing request whose token (form field or header) does not match its cookies. */
    public void verify(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String sent = ctx.header(HEADER);
        if (sent == null) {
            sent = ctx.formParam(FIELD);
        }
        if (cookie == null || cookie.isBlank() || sent == null
                || !MessageDigest.isEqual(sign(cookie, session(ctx)).getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw HttpProblem.forbidden("This form could not be verified (missing or stale security token). "
                    + "Go back, reload the page and submit it again; nothing was saved.");
        }
    }

    private String session(Context ctx) {
        String rotated = ctx.attribute(SESSION);
        if (rotated != null) {
            return rotated;
        }
        String value = ctx.cookie(sessionCookie);
        return value == null ? "" : value;
    }

    private String sign(String cookie, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(cookie.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update((session == null ? "" : session).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
