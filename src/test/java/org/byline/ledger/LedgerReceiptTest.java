package org.byline.ledger;

import org.byline.support.Cli;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipts: issued to the author only, checkable offline, valid only byte for byte. */
class LedgerReceiptTest {
    static final String ESSAY = "loss-of-attribution";

    static Path save(String receipt) throws Exception {
        Path file = Files.createTempFile("receipt-", ".json");
        Files.writeString(file, receipt, StandardCharsets.UTF_8);
        return file;
    }

    static String changeOneByte(String receipt, String near) {
        int at = receipt.indexOf(near);
        assertThat(at).as("position to change").isPositive();
        char c = receipt.charAt(at);
        return receipt.substring(0, at) + (char) (c == 'A' ? 'B' : 'A') + receipt.substring(at + 1);
    }

    @Test
    void aReceiptIssuedBeforeFurtherActivityStillVerifiesAfterIt() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "What I said, *exactly*."));
            WebClient.Page download = alice.get("/statements/" + id + "/receipt");
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.header("Content-Disposition")).contains("attachment", "byline-statement-" + id + "-r1-receipt.json");
            Path file = save(download.body());

            WebClient bob = app.client().signedUp("bob");
            for (int i = 0; i < 5; i++) {
                WebClient.postedId(bob.comment(ESSAY, "Later statement " + i));
            }
            assertThat(alice.post("/statements/" + id + "/edit", Map.of("body", "What I say now.")).status()).isEqualTo(303);

            Cli result = Cli.verify(app.config(), "--receipt", file.toString());
            assertThat(result.exit()).as(result.all()).isZero();
            assertThat(result.out()).contains("Receipt valid: statement #" + id + " revision 1 is ledger entry #")
                    .contains("fingerprint: sha256:");
            String published = alice.get("/ledger/key").body();
            String fingerprint = result.out().replaceAll("(?s).*fingerprint: (sha256:[0-9a-f]+).*", "$1");
            assertThat(published).contains(fingerprint);
            assertThat(download.body()).contains("\"text\":\"What I said, *exactly*.\"");
        });
    }

    @Test
    void aReceiptWithOneChangedByteDoesNotVerify() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "I said this."));
            String receipt = alice.get("/statements/" + id + "/receipt").body();
            assertThat(Cli.verify(app.config(), "--receipt", save(receipt).toString()).exit()).isZero();

            String inText = receipt.replace("\"I said this.\"", "\"I said that.\"");
            Cli text = Cli.verify(app.config(), "--receipt", save(inText).toString());
            assertThat(text.exit()).isEqualTo(1);
            assertThat(text.err()).contains("the text does not hash to the receipt's content hash");

            String inSignature = changeOneByte(receipt, receipt.substring(receipt.indexOf("\"signature\":\"") + 20, receipt.indexOf("\"signature\":\"") + 21));
            Cli signature = Cli.verify(app.config(), "--receipt", save(inSignature).toString());
            assertThat(signature.exit()).isEqualTo(1);
            assertThat(signature.err()).contains("Receipt INVALID");

            String extraSpace = receipt.replace("{\"checkpoint\":", "{ \"checkpoint\":");
            Cli whitespace = Cli.verify(app.config(), "--receipt", save(extraSpace).toString());
            assertThat(whitespace.exit()).isEqualTo(1);
            assertThat(whitespace.err()).contains("not in canonical form");
        });
    }

    @Test
    void everyChangedByteIsCaught() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "Short."));
            byte[] receipt = alice.get("/statements/" + id + "/receipt").body().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < receipt.length; i++) {
                byte[] changed = receipt.clone();
                changed[i] = (byte) (changed[i] ^ 0x01);
                assertThat(Receipt.check(changed).ok()).as("byte %d changed", i).isFalse();
            }
        });
    }

    @Test
    void onlyTheAuthorGetsAReceipt() {
        TestApp.run(app -> {
            WebClient alice = app.client().signedUp("alice");
            long id = WebClient.postedId(alice.comment(ESSAY, "Mine."));
            assertThat(app.client().signedUp("bob").get("/statements/" + id + "/receipt").status()).isEqualTo(403);
            assertThat(app.client().get("/statements/" + id + "/receipt").status()).isEqualTo(401);
            assertThat(alice.get("/statements/" + id).html().select("a[href=/statements/" + id + "/receipt]")).hasSize(1);
            assertThat(app.client().get("/statements/" + id).html().select("a[href$=/receipt]")).isEmpty();
        });
    }
}
