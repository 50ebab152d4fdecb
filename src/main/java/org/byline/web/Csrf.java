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
 * it under a key shared by all instances. A forged cross-site POST carries the cookie but cannot
 * know the token.
 */
public final class Csrf {
    public static final String COOKIE = "byline_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "byline.csrfToken";

    private final byte[] key;
    private final Cookies cookies;

    public Csrf(byte[] key, Cookies cookies) {
        this.key = key.clone();
        this.cookies = cookies;
    }

    /** The token for this browser's forms, creating the browser's cookie when it has none. */
    public String token(Context ctx) {
        String cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isBlank()) {
            cookie = Tokens.random();
            cookies.set(ctx, COOKIE, cookie, -1);
        }
        String token = sign(cookie);
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** A fresh cookie (and so fresh tokens) at sign-in and sign-out. */
    public void rotate(Context ctx) {
        String cookie = Tokens.random();
        cookies.set(ctx, COOKIE, cookie, -1);
        ctx.attribute(ATTRIBUTE, sign(cookie));
    }

    /** Rejects a state-changing request whose token does not match its cookie. */
    public void verify(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String sent = ctx.header(HEADER);
        if (sent == null) {
            sent = ctx.formParam(FIELD);
        }
        if (cookie == null || cookie.isBlank() || sent == null
                || !MessageDigest.isEqual(sign(cookie).getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw HttpProblem.forbidden("This form could not be verified (missing or stale security token). "
                    + "Go back, reload the page and submit it again; nothing was saved.");
        }
    }

    private String sign(String cookie) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(cookie.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
