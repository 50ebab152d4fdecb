package org.byline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.byline.support.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthzIsOkWithASmallJsonBody() throws Exception {
        TestApp.run(app -> {
            Page page = app.client().get("/healthz");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("application/json");
            assertThat(JSON.readTree(page.body()).get("status").asText()).isEqualTo("ok");
        });
    }

    @Test
    void essaysAreListed() throws Exception {
        TestApp.run(app -> {
            JsonNode essays = JSON.readTree(app.client().get("/api/essays").body());
            assertThat(essays).hasSize(2);
            assertThat(essays.findValuesAsText("slug"))
                    .containsExactlyInAnyOrder("f1-score-rises-while-loss-keeps-increasing", "loss-of-attribution");
            JsonNode first = essays.get(0);
            assertThat(first.get("commentCount").asInt()).isZero();
            assertThat(first.get("author").get("handle").asText()).isEqualTo("owner");
            assertThat(first.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
    }

    @Test
    void commentsComeAsATreeWithAuthorsAndParagraphs() throws Exception {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long root = WebClient.postedId(alice.comment("loss-of-attribution", Map.of("body", "root", "paragraph", "p-1")));
            long reply = WebClient.postedId(app.client().signedUp("bob")
                    .comment("loss-of-attribution", Map.of("body", "reply", "parentId", String.valueOf(root))));
            JsonNode tree = JSON.readTree(app.client().get("/api/essays/loss-of-attribution/comments").body());
            JsonNode first = tree.get("comments").get(0);
            assertThat(first.get("id").asLong()).isEqualTo(root);
            assertThat(first.get("author").get("handle").asText()).isEqualTo("alice");
            assertThat(first.get("author").get("displayName").asText()).isEqualTo("Person alice");
            assertThat(first.get("paragraph").asText()).isEqualTo("p-1");
            assertThat(first.get("parentId").isNull()).isTrue();
            assertThat(first.get("createdAt").asText()).endsWith("Z");
            JsonNode child = first.get("replies").get(0);
            assertThat(child.get("id").asLong()).isEqualTo(reply);
            assertThat(child.get("parentId").asLong()).isEqualTo(root);
            assertThat(child.get("author").get("handle").asText()).isEqualTo("bob");
        });
    }

    @Test
    void unknownEssayIsA404InJson() throws Exception {
        TestApp.run(app -> {
            Page page = app.client().get("/api/essays/nope/comments");
            assertThat(page.status()).isEqualTo(404);
            assertThat(JSON.readTree(page.body()).get("error").asText()).contains("nope");
        });
    }
}
