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
 * headers too large): the same security headers as every page, and a short plain sentence that names
 * the problem Jetty found, instead of Jetty's HTML page (and, if ever switched on, stack traces).
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
        response.write(true, body(code, message), callback);
    }

    /** Requests the parser refused (bad request line, headers too large) never become a Request: their answer is built here. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.apply(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        return body(status, reason);
    }

    private static ByteBuffer body(int status, String jettyMessage) {
        return ByteBuffer.wrap((status + " " + ErrorPages.title(status) + ": " + sentence(status, jettyMessage) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What was wrong, in our words, from the reason Jetty gives (its HttpParser and HttpURI messages); a
     * reason we do not know gets the status's general sentence rather than Jetty's wording.
     */
    static String sentence(int status, String jettyMessage) {
        String reason = jettyMessage == null ? "" : jettyMessage;
        return switch (reason) {
            case "Bad UTF-8 encoding" -> "The address is not valid UTF-8: one of its %-escapes does not spell a character.";
            case "Illegal Path Character" -> "The address holds a character that must be %-encoded.";
            case "Bad HostPort", "Bad Host", "No Host", "Duplicate Host Header" ->
                    "The Host header is missing, repeated, or not a host name.";
            case "Bad Request" -> status == 400
                    ? "The request is not well-formed HTTP: look for a stray or incomplete %-escape in the address, or a malformed header."
                    : ErrorPages.defaultMessage(status);
            default -> ErrorPages.defaultMessage(status);
        };
    }
}
