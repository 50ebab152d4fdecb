package org.byline.ledger;

import org.byline.support.Cli;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verify} against a real database: it passes untouched data and names the first thing changed behind the app's back. */
class LedgerVerifyTest {
    static final String ESSAY = "loss-of-attribution";

    /** Some activity: two people post, one edits; the essays were imported at start. */
    static long someActivity(TestApp.Running app) {
        WebClient alice = app.client().signedUp("alice");
        WebClient bob = app.client().signedUp("bob");
        long first = WebClient.postedId(alice.comment(ESSAY, "The first statement."));
        WebClient.postedId(bob.comment(ESSAY, "A second one."));
        assertThat(alice.post("/statements/" + first + "/edit", Map.of("body", "The first statement, revised.")).status()).isEqualTo(303);
        WebClient.postedId(alice.comment(ESSAY, "A third."));
        return first;
    }

    @Test
    void untouchedDataVerifies() {
        TestApp.run(app -> {
            someActivity(app);
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).as(result.all()).isZero();
            assertThat(result.out()).startsWith("Ledger verified: ").contains("4 statement revisions", "2 essay revisions");
        });
    }

    @Test
    void aStatementTextChangedInTheDatabaseIsNamed() {
        TestApp.run(app -> {
            long id = someActivity(app);
            Db.of(app.config()).useHandle(h -> h.createUpdate(
                    "UPDATE statement_revisions SET body = 'I never said that.' WHERE statement_id = :id AND revision = 2")
                    .bind("id", id).execute());
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("statement #" + id + " revision 2: text does not match ledger entry #");
        });
    }

    @Test
    void aDeletedLedgerRowIsNamedAsMissing() {
        TestApp.run(app -> {
            someActivity(app);
            Db.of(app.config()).useHandle(h -> h.execute("DELETE FROM ledger WHERE seq = 4"));
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("ledger entry #4 is missing");
        });
    }

    @Test
    void theLastLedgerRowDeletedIsNamedAsMissing() {
        TestApp.run(app -> {
            someActivity(app);
            long last = Db.count(app.config(), "ledger");
            Db.of(app.config()).useHandle(h -> h.execute("DELETE FROM ledger WHERE seq = " + last));
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("ledger entry #" + last + " is missing");
        });
    }

    @Test
    void oneChangedFieldOfAnEntryNamesThatEntry() {
        TestApp.run(app -> {
            someActivity(app);
            Db.of(app.config()).useHandle(h -> h.execute("UPDATE ledger SET actor = '@mallory' WHERE seq = 3"));
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("ledger entry #3 was altered");
        });
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheLinkToTheNext() {
        TestApp.run(app -> {
            someActivity(app);
            Db.of(app.config()).useHandle(h -> {
                var e = h.createQuery("SELECT " + LedgerEntries.COLUMNS + " FROM ledger WHERE seq = 3").map(LedgerEntries.MAPPER).one();
                String forged = Ledger.hash(e.seq(), e.at(), "@mallory", e.action(), e.target(), e.contentHash(), e.prevHash());
                h.createUpdate("UPDATE ledger SET actor = '@mallory', entry_hash = :hash WHERE seq = 3").bind("hash", forged).execute();
            });
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("ledger entry #4 does not link to entry #3");
        });
    }

    @Test
    void anEssayRevisionChangedInTheDatabaseIsNamed() {
        TestApp.run(app -> {
            Db.of(app.config()).useHandle(h -> h.execute("UPDATE essay_revisions SET title = 'Something else' "
                    + "WHERE essay_id = (SELECT id FROM essays WHERE slug = '" + ESSAY + "')"));
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("essay " + ESSAY + " revision 1: text does not match ledger entry #");
        });
    }

    @Test
    void aStatementTextBlankedWithoutAnErasureIsNamed() {
        TestApp.run(app -> {
            long id = someActivity(app);
            Db.of(app.config()).useHandle(h -> h.createUpdate("UPDATE statement_revisions SET body = NULL WHERE statement_id = :id")
                    .bind("id", id).execute());
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("statement #" + id + " revision 1: its text is gone but the ledger records no erasure");
        });
    }

    @Test
    void anErasedStatementStillVerifies() {
        TestApp.run(app -> {
            long id = someActivity(app);
            WebClient admin = app.client().signedUp("ada");
            Db.of(app.config()).useHandle(h -> h.execute("UPDATE accounts SET role = 'admin' WHERE handle = 'ada'"));
            assertThat(admin.post("/moderation/statements/" + id + "/erase", Map.of("reason", "Court order 12/34")).status())
                    .isIn(303, 200);
            long blanked = Db.of(app.config()).withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM statement_revisions WHERE body IS NULL AND statement_id = " + id).mapTo(Long.class).one());
            assertThat(blanked).isEqualTo(2);
            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).as(result.all()).isZero();
        });
    }
}
