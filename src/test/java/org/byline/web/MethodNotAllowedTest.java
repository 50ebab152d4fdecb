package org.byline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.byline.support.SharedApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A known address asked with a method it does not serve answers 405 with Allow; an unknown address stays 404. */
class MethodNotAllowedTest {
    @RegisterExtension
    static final SharedApp APP = new SharedApp();

    private static WebClient client() {
        return APP.app().client();
    }

    @Test
    void getOnAPostOnlyRouteIs405WithAllowPost() {
        Page page = client().get("/logout");
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.header("Allow")).isEqualTo("POST");
        assertThat(page.html().select("h1").text()).isEqualTo("Method not allowed");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    @Test
    void getOnAPostOnlyRouteAskedForAsJsonIs405AsJson() throws Exception {
        Page page = client().get("/moderation/statements/1/hide", "application/json");
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.header("Allow")).isEqualTo("POST");
        assertThat(page.header("Content-Type")).startsWith("application/json");
        var json = new ObjectMapper().readTree(page.body());
        assertThat(json.get("status").asInt()).isEqualTo(405);
        assertThat(json.get("error").asText()).isEqualTo("This address does not accept that kind of request.");
    }

    @Test
    void postWithAValidTokenOnAGetOnlyRouteIs405WithAllowGet() {
        Page page = client().post("/simulation", Map.of());
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.header("Allow")).isEqualTo("GET");
    }

    @Test
    void aRouteWithGetAndPostNamesBothInAllow() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(APP.app().baseUrl() + "/login"))
                        .method("PUT", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void anUnknownAddressIsStill404WithoutAllow() {
        Page page = client().get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Allow")).isNull();
        assertThat(page.html().select("h1").text()).isEqualTo("Not found");
    }
}
