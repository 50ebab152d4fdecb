package org.byline.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** Every cookie Byline sets is HttpOnly and SameSite=Lax, and Secure when served over HTTPS. */
public final class Cookies {
    private final boolean secure;

    public Cookies(boolean secure) {
        this.secure = secure;
    }

    public void set(Context ctx, String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value, "/", maxAgeSeconds, false, true, null, SameSite.LAX);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(secure || "https".equalsIgnoreCase(ctx.scheme()));
        cookie.setMaxAge(maxAgeSeconds);
        ctx.cookie(cookie);
    }

    public void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }
}
