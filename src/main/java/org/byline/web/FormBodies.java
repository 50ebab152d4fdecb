package org.byline.web;

import io.javalin.http.Context;

import java.util.Locale;

/**
 * Every form Byline serves posts application/x-www-form-urlencoded in UTF-8. Anything else (multipart,
 * JSON, an unknown charset) is refused up front with a 415 that says so, rather than failing deep in
 * the form parser.
 */
public final class FormBodies {
    private FormBodies() {
    }

    public static void requireUrlEncoded(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank()) {
            if (ctx.contentLength() <= 0) {
                return; // an empty POST (e.g. a bare button) has no body to parse
            }
            throw unsupported();
        }
        String[] parts = type.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            throw unsupported();
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param.length > 1 ? param[1].strip().replace("\"", "").toLowerCase(Locale.ROOT) : "";
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new HttpProblem(415, "Forms are accepted in UTF-8 only, not \"" + TextInput.shorten(charset) + "\".");
                }
            }
        }
    }

    private static HttpProblem unsupported() {
        return new HttpProblem(415, "Send forms as application/x-www-form-urlencoded (UTF-8), as the site's own forms do.");
    }
}
