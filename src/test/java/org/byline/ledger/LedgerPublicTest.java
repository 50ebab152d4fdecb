package org.byline.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** What anyone can fetch (the ledger, its signed head, the key) and what only admins can run. */
class LedgerPublicTest {
    static final String ESSAY = "loss-of-attribution";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theHeadSignatureVerifiesWithThePublishedKey() throws Exception {
        TestApp.run(app -> {
            WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "Something."));
            JsonNode key = JSON.readTree(app.client().get("/ledger/key").body());
            JsonNode head = JSON.readTree(app.client().get("/ledger/head").body());
            assertThat(head.get("seq").asLong()).isEqualTo(Db.count(app.config(), "ledger"));

            // checked with the JDK alone, as a reader without Byline's code would
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText()))));
            String signed = "byline-ledger-head-v1\n" + head.get("seq").asLong() + "\n" + head.get("hash").asText() + "\n" + head.get("at").asText();
            ed25519.update(signed.getBytes(StandardCharsets.UTF_8));
            assertThat(ed25519.verify(Base64.getDecoder().decode(head.get("signature").asText()))).isTrue();
            assertThat(head.get("publicKey").asText()).isEqualTo(key.get("publicKey").asText());
        });
    }

    @Test
    void theKeyIsCreatedOnceInTheDataDirectoryAndKeptAcrossRestarts() {
        var config = TestApp.config(TestApp.freshDataDir(), env -> { });
        String[] first = new String[1];
        TestApp.run(config, app -> first[0] = app.client().get("/ledger/key").body());
        TestApp.run(config, app -> assertThat(app.client().get("/ledger/key").body()).isEqualTo(first[0]));
        assertThat(config.ledgerKeyFile()).exists().startsWith(config.dataDir());
    }

    @Test
    void anyoneCanRecheckTheChainFromTheApi() throws Exception {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            for (int i = 0; i < 5; i++) {
                WebClient.postedId(alice.comment(ESSAY, "Statement " + i));
            }
            String prev = "0".repeat(64);
            long expected = 1;
            String next = "/api/ledger?after=0&limit=3";
            while (next != null) {
                JsonNode page = JSON.readTree(app.client().get(next).body());
                for (JsonNode e : page.get("entries")) {
                    assertThat(e.get("seq").asLong()).isEqualTo(expected++);
                    assertThat(e.get("prevHash").asText()).isEqualTo(prev);
                    String line = String.join("\n", "byline-ledger-v1", e.get("seq").asText(), e.get("at").asText(),
                            e.get("actor").asText(), e.get("action").asText(), e.get("target").asText(),
                            e.get("contentHash").asText(), e.get("prevHash").asText());
                    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
                    assertThat(e.get("entryHash").asText()).isEqualTo(hash);
                    prev = hash;
                }
                next = page.get("next").isNull() ? null : page.get("next").asText();
            }
            assertThat(expected - 1).isEqualTo(Db.count(app.config(), "ledger")).isGreaterThanOrEqualTo(7);
            assertThat(JSON.readTree(app.client().get("/ledger/head").body()).get("hash").asText()).isEqualTo(prev);
        });
    }

    @Test
    void theLedgerPageListsNewestFirst() {
        TestApp.run(app -> {
            WebClient.postedId(app.client().signedUp("alice").comment(ESSAY, "Something."));
            var rows = app.client().get("/ledger").html().select("table.ledger tbody tr");
            assertThat(rows.first().selectFirst("td").text()).isEqualTo("3");
            assertThat(rows.first().text()).contains("@alice", "statement-posted");
            assertThat(rows.last().selectFirst("td").text()).isEqualTo("1");
        });
    }

    @Test
    void adminVerifyIsForbiddenToAMember() {
        TestApp.run(app -> {
            assertThat(app.client().signedUp("alice").get("/admin/verify").status()).isEqualTo(403);
            assertThat(app.client().get("/admin/verify").status()).isEqualTo(401);
        });
    }

    @Test
    void adminVerifyShowsTheResultToAnAdmin() {
        TestApp.run(app -> {
            WebClient ada = app.client().signedUp("ada");
            Db.of(app.config()).useHandle(h -> h.execute("UPDATE accounts SET role = 'admin' WHERE handle = 'ada'"));
            WebClient.Page ok = ada.get("/admin/verify");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.html().selectFirst(".verify-ok").text()).contains("2 ledger entries");

            Db.of(app.config()).useHandle(h -> h.execute("UPDATE ledger SET target = 'essay:x@1' WHERE seq = 2"));
            WebClient.Page failed = ada.get("/admin/verify");
            assertThat(failed.status()).isEqualTo(409);
            assertThat(failed.html().selectFirst(".verify-failed").text()).contains("ledger entry #2 was altered");
        });
    }
}
