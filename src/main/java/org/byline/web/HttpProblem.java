package org.byline.web;

/** A request that cannot be served, with the status and a sentence that names the problem for the person. */
public class HttpProblem extends RuntimeException {
    private final int status;

    public HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpProblem notFound(String what) {
        return new HttpProblem(404, what);
    }

    public static HttpProblem forbidden(String why) {
        return new HttpProblem(403, why);
    }
}
