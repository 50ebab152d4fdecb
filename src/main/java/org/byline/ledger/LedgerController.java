package org.byline.ledger;

import io.javalin.http.Context;
import org.byline.account.Account;
import org.byline.comment.Statement;
import org.byline.comment.StatementPages;
import org.byline.comment.StatementRevision;
import org.byline.comment.Statements;
import org.byline.web.Access;
import org.byline.web.ErrorPages;
import org.byline.web.HttpProblem;
import org.byline.web.Ids;
import org.byline.web.Pages;
import org.byline.web.TextInput;
import org.byline.web.Viewer;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public ledger (HTML and JSON), its signed head and key, receipts for authors, and the admins' check. */
public final class LedgerController {
    static final int PAGE = 100;
    static final int API_MAX = 1_000;

    public record LedgerPage(Viewer viewer, List<Ledger.Entry> entries, LedgerEntries.Head head, Long olderBefore,
                             String fingerprint) {
    }

    public record VerifyPage(Viewer viewer, LedgerVerifier.Result result) {
    }

    private final LedgerEntries entries;
    private final LedgerVerifier verifier;
    private final SigningKey key;
    private final Statements statements;
    private final StatementPages statementPages;
    private final Pages pages;
    private final Access access;
    private final Clock clock;

    public LedgerController(LedgerEntries entries, LedgerVerifier verifier, SigningKey key, Statements statements,
                            StatementPages statementPages,
                            Pages pages, Access access, Clock clock) {
        this.entries = entries;
        this.verifier = verifier;
        this.key = key;
        this.statements = statements;
        this.statementPages = statementPages;
        this.pages = pages;
        this.access = access;
        this.clock = clock;
    }

    /** GET /ledger?before=SEQ: newest first, {@value PAGE} a page. */
    public void page(Context ctx) {
        long before = Ids.parse(ctx.queryParam("before")).orElse(Long.MAX_VALUE);
        List<Ledger.Entry> list = entries.newestBefore(before, PAGE + 1);
        Long older = list.size() > PAGE ? list.get(PAGE - 1).seq() : null;
        pages.render(ctx, "ledger/ledger.jte", new LedgerPage(pages.viewer(ctx), list.subList(0, Math.min(PAGE, list.size())),
                entries.head(), older, key.fingerprint()));
    }

    /** GET /api/ledger?after=SEQ&limit=N: oldest first, for re-checking the chain from any point. */
    public void api(Context ctx) {
        long after = ctx.queryParam("after") == null ? 0 : Ids.parse(ctx.queryParam("after")).orElse(0L);
        int limit = (int) Math.max(1, Math.min(API_MAX, Ids.parse(ctx.queryParam("limit")).orElse((long) PAGE)));
        List<Ledger.Entry> list = entries.oldestAfter(after, limit + 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", list.subList(0, Math.min(limit, list.size())).stream().map(LedgerEntries::json).toList());
        out.put("next", list.size() > limit ? "/api/ledger?after=" + list.get(limit - 1).seq() + "&limit=" + limit : null);
        ErrorPages.keepRendered(ctx);
        ctx.json(out);
    }

    /** GET /ledger/head: the latest entry's sequence number and hash, signed now. */
    public void head(Context ctx) {
        LedgerEntries.Head head = entries.head();
        String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        Checkpoint signed = Checkpoint.sign(key, Checkpoint.HEAD, head.seq(), head.hash(), at);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", signed.seq());
        out.put("hash", signed.hash());
        out.put("at", signed.at());
        out.put("publicKey", signed.publicKey());
        out.put("signature", signed.signature());
        out.put("signed", Checkpoint.HEAD + "\\nSEQ\\nHASH\\nAT (UTF-8, Ed25519)");
        ctx.header("Cache-Control", "no-store");
        ErrorPages.keepRendered(ctx);
        ctx.json(out);
    }

    /** GET /ledger/key: the public key heads and receipts are signed with. */
    public void publicKey(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("algorithm", "Ed25519");
        out.put("publicKey", key.publicKeyBase64());
        out.put("encoding", "base64 X.509 SubjectPublicKeyInfo (DER)");
        out.put("fingerprint", key.fingerprint());
        ErrorPages.keepRendered(ctx);
        ctx.json(out);
    }

    /** GET /statements/{id}/receipt[?revision=N]: for the author only, a canonical JSON download. */
    public void receipt(Context ctx) {
        Account author = access.requireSignedIn(ctx);
        long id = Ids.parse(ctx.pathParam("id")).orElseThrow(() ->
                HttpProblem.notFound("There is no statement \"" + TextInput.shorten(ctx.pathParam("id")) + "\"."));
        Statement statement = statementPages.find(pages.viewer(ctx), id);
        if (statement.authorId() != author.id()) {
            throw HttpProblem.forbidden("Only the author of statement #" + id + " can download its receipt.");
        }
        long asked = Ids.parse(ctx.queryParam("revision")).orElse((long) statement.revision());
        if (asked > statement.revision()) {
            throw HttpProblem.notFound("Statement #" + statement.id() + " has no revision " + asked + ".");
        }
        int revision = (int) asked;
        String text = statements.revisions(id).stream().filter(r -> r.revision() == revision && r.body() != null)
                .map(StatementRevision::body).findFirst().orElseThrow(() ->
                HttpProblem.notFound("Statement #" + id + " has no revision " + revision + " whose text is kept."));
        Ledger.Entry entry = entries.statementRevision(id, revision).orElseThrow(() ->
                new HttpProblem(409, "Statement #" + id + " revision " + revision + " has no ledger entry."));
        String receipt = Receipt.issue(id, revision, text, entry, key, clock.instant());
        ctx.header("Content-Disposition", "attachment; filename=\"byline-statement-" + id + "-r" + revision + "-receipt.json\"");
        ctx.header("Cache-Control", "no-store");
        ErrorPages.keepRendered(ctx);
        ctx.contentType("application/json; charset=utf-8").result(receipt);
    }

    /** GET /admin/verify: runs the verifier now and shows what it found. */
    public void verify(Context ctx) {
        access.requireAdmin(ctx);
        LedgerVerifier.Result result = verifier.verify();
        if (!result.ok()) {
            ctx.status(409); // the page still renders; the status lets monitoring notice
            ErrorPages.keepRendered(ctx);
        }
        pages.render(ctx, "ledger/verify.jte", new VerifyPage(pages.viewer(ctx), result));
    }
}
