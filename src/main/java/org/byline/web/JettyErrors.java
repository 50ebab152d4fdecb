package org.byline.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a malformed URI, a bad Host header,
 * headers too large): the same security headers as every page, and a short plain sentence instead of
 * Jetty's HTML page with its message (and, if ever switched on, stack traces).
 */
public final class JettyErrors extends ErrorHandler {
    private final SecurityHeaders headers;

    public JettyErrors(SecurityHeaders headers) {
        this.headers = headers;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // every method gets the headers, not only GET, POST and HEAD
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable fields = response.getHeaders();
        headers.apply(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, body(code), callback);
    }

    /** Requests the parser refused (bad request line, headers too large) never become a Request: their answer is built here. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.apply(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        return body(status);
    }

    private static ByteBuffer body(int status) {
        return ByteBuffer.wrap((status + " " + ErrorPages.title(status) + ": " + ErrorPages.defaultMessage(status) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
