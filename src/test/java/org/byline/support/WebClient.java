package org.byline.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser-like client: keeps cookies, does not follow redirects, fills in the CSRF token like a form would. */
public final class WebClient {
    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient http;

    public WebClient(String baseUrl) {
        this(baseUrl, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(String baseUrl, CookieManager cookies) {
        this.baseUrl = baseUrl;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public record Page(int status, String body, HttpResponse<String> response) {
        public Document html() {
            return Jsoup.parse(body);
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The value this response set for cookie {@code name}, or null when it set none. */
        public String setCookie(String name) {
            return response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                    .reduce((first, last) -> last).orElse(null);
        }

        public String location() {
            return header("Location");
        }
    }

    /**
     * The same browser (same cookies) talking to another server, as behind a load balancer that sends
     * each request to any instance.
     */
    public WebClient sameBrowserAt(String otherBaseUrl) {
        return new WebClient(otherBaseUrl, cookies);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** GETs with an {@code Accept} header, e.g. {@code application/json} for the JSON form of a page or error. */
    public Page get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET().build());
    }

    /** POSTs a form with this browser's CSRF token and an {@code Accept} header. */
    public Page post(String path, Map<String, String> fields, String accept) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken());
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(encode(withToken))).build());
    }

    /** POSTs the fields exactly as given (no token added): what a forged or broken request looks like. */
    public Page postRaw(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
    }

    /** POSTs a form with a token and one extra header (e.g. the client address a proxy would set). */
    public Page postRawWithHeader(String path, String header, String value, Map<String, String> fields) {
        return postRawWithHeader(path, header, value, fields, true);
    }

    /** As above; without the token when {@code withCsrfToken} is false (a forged cross-site form). */
    public Page postRawWithHeader(String path, String header, String value, Map<String, String> fields, boolean withCsrfToken) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (withCsrfToken) {
            withToken.put("_csrf", csrfToken());
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(encode(withToken))).build());
    }

    /**
     * Sends exactly these bytes with exactly these headers (Content-Type and the rest as given, none
     * added): for bodies no well-behaved form would produce, such as invalid UTF-8 or a wrong type.
     */
    public Page send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** POSTs a form with this browser's current CSRF token, as the site's own forms do. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken());
        return postRaw(path, withToken);
    }

    /** The token a form on this site would carry for this browser (reads it off the login page). */
    public String csrfToken() {
        Element field = get("/login").html().selectFirst("input[name=_csrf]");
        if (field == null) {
            throw new IllegalStateException("no CSRF field on /login");
        }
        return field.attr("value");
    }

    public Page register(String handle, String displayName, String password) {
        return post("/register", Map.of("handle", handle, "displayName", displayName, "password", password));
    }

    public Page login(String handle, String password) {
        return post("/login", Map.of("handle", handle, "password", password));
    }

    /** Registers a person and leaves this client signed in as them. */
    public WebClient signedUp(String handle) {
        Page page = register(handle, "Person " + handle, "correct horse battery");
        if (page.status() != 303) {
            throw new IllegalStateException("registration of " + handle + " failed: " + page.status() + "\n" + page.body());
        }
        return this;
    }

    public Page comment(String slug, String body) {
        return post("/essays/" + slug + "/comments", Map.of("body", body));
    }

    public Page comment(String slug, Map<String, String> fields) {
        return post("/essays/" + slug + "/comments", fields);
    }

    /** The id of the statement a successful post redirected to. */
    public static long postedId(Page page) {
        String location = page.location();
        if (page.status() != 303 || location == null || !location.contains("#s-")) {
            throw new IllegalStateException("not a successful post: " + page.status() + " " + location + "\n" + page.body());
        }
        return Long.parseLong(location.substring(location.indexOf("#s-") + 3));
    }

    public HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
