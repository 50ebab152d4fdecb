package org.byline.web;

import io.javalin.http.Context;

/**
 * The client's address for rate limits. Behind a reverse proxy every request comes from the proxy,
 * so the operator names the header the proxy sets (BYLINE_CLIENT_IP_HEADER, e.g. X-Real-IP); it is
 * trusted only when configured, since clients can send any header.
 */
public final class ClientAddress {
    private final String header;

    public ClientAddress(String header) {
        this.header = header == null || header.isBlank() ? null : header.strip();
    }

    public String of(Context ctx) {
        if (header != null) {
            String value = ctx.header(header);
            if (value != null && !value.isBlank()) {
                // X-Forwarded-For lists hops; the last one was appended by our own proxy
                String[] hops = value.split(",");
                String last = hops[hops.length - 1].strip();
                return last.length() > 64 ? last.substring(0, 64) : last;
            }
        }
        return ctx.ip();
    }
}
