package org.byline.web;

import org.byline.support.HtmlSafety;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.XssPayloads;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every line of every public payload list in ../shared/cases/xss/ as a comment body and as a display name. */
class XssPayloadTest {
    static final String ESSAY = "loss-of-attribution";

    @Test
    void payloadsAsCommentBodiesRenderAsInertText() {
        List<String> payloads = XssPayloads.all();
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            List<Long> ids = new ArrayList<>();
            for (String payload : payloads) {
                Page posted = alice.comment(ESSAY, payload);
                assertThat(posted.status()).as("posting %s", payload).isIn(303, 422);
                assertThat(HtmlSafety.problems(posted.body())).as("response to %s", payload).isEmpty();
                if (posted.status() == 303) {
                    ids.add(WebClient.postedId(posted));
                }
            }
            assertThat(ids).hasSizeGreaterThan(payloads.size() * 9 / 10);
            assertThat(HtmlSafety.problems(app.client().get("/essays/" + ESSAY).body())).isEmpty();
            assertThat(HtmlSafety.problems(app.client().get("/people/alice").body())).isEmpty();
            for (long id : ids) {
                assertThat(HtmlSafety.problems(app.client().get("/statements/" + id).body())).as("statement %d", id).isEmpty();
            }
            // the payload text is still there to read, as text
            assertThat(app.client().get("/statements/" + ids.get(0)).html().selectFirst(".statement-body").text()).isNotBlank();
        });
    }

    @Test
    void payloadsAsDisplayNamesRenderAsInertText() {
        List<String> payloads = XssPayloads.all();
        TestApp.run(app -> {
            int accepted = 0;
            for (int i = 0; i < payloads.size(); i++) {
                String payload = payloads.get(i);
                WebClient person = app.client();
                Page registered = person.register("x" + i, payload, "correct horse battery");
                assertThat(HtmlSafety.problems(registered.body())).as("registration page for %s", payload).isEmpty();
                if (registered.status() != 303) {
                    assertThat(registered.status()).as("registering %s", payload).isEqualTo(422);
                    continue;
                }
                accepted++;
                WebClient.postedId(person.comment(ESSAY, "statement " + i));
                Page personPage = person.get("/people/x" + i);
                assertThat(HtmlSafety.problems(personPage.body())).as("person page for %s", payload).isEmpty();
                assertThat(personPage.html().selectFirst("h1").text()).startsWith(payload.strip().replaceAll("\\s+", " ").substring(0, 1));
            }
            assertThat(accepted).isGreaterThan(100);
            assertThat(HtmlSafety.problems(app.client().get("/essays/" + ESSAY).body())).isEmpty();
        });
    }
}
