package org.byline.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An author's proof of what they said and when: a statement revision's text, its ledger entry and
 * a signed checkpoint for that entry, in {@link CanonicalJson} so that any changed byte shows.
 * Checking needs no database, only the file (and, to trust the key, the site's published one).
 */
public final class Receipt {
    public static final String FORMAT = "byline-receipt-v1";

    private Receipt() {
    }

    /** The receipt for {@code entry}, which records revision {@code revision} of statement {@code statementId}. */
    public static String issue(long statementId, int revision, String text, Ledger.Entry entry, SigningKey key, Instant now) {
        String at = now.truncatedTo(ChronoUnit.MILLIS).toString();
        Checkpoint checkpoint = Checkpoint.sign(key, Checkpoint.ENTRY, entry.seq(), entry.entryHash(), at);
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("kind", checkpoint.kind());
        signed.put("seq", checkpoint.seq());
        signed.put("entryHash", checkpoint.hash());
        signed.put("at", checkpoint.at());
        signed.put("publicKey", checkpoint.publicKey());
        signed.put("signature", checkpoint.signature());
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("format", FORMAT);
        receipt.put("statementId", statementId);
        receipt.put("revision", (long) revision);
        receipt.put("text", text);
        receipt.put("contentHash", Ledger.contentHash(text));
        receipt.put("entry", LedgerEntries.json(entry));
        receipt.put("checkpoint", signed);
        return CanonicalJson.write(receipt);
    }

    /** What checking a receipt found: the problem (null when it holds) and what it shows. */
    public record Check(String problem, long statementId, long revision, long seq, String at, String fingerprint) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Checks a receipt file's bytes offline; the first failed rule is the problem. */
    public static Check check(byte[] file) {
        String json = new String(file, StandardCharsets.UTF_8);
        Map<String, Object> r;
        try {
            r = CanonicalJson.readObject(json);
            if (!Arrays.equals(CanonicalJson.write(r).getBytes(StandardCharsets.UTF_8), file)) {
                return failed("the file is not in canonical form, so it was changed after it was issued");
            }
        } catch (IOException | IllegalArgumentException e) {
            return failed("the file is not a receipt (not valid JSON of the receipt's form)");
        }
        try {
            if (!FORMAT.equals(r.get("format")) || !r.keySet().equals(Set.of("format", "statementId", "revision",
                    "text", "contentHash", "entry", "checkpoint"))) {
                return failed("the file is not a " + FORMAT + " receipt");
            }
            long id = (Long) r.get("statementId");
            long revision = (Long) r.get("revision");
            String text = (String) r.get("text");
            String contentHash = (String) r.get("contentHash");
            Map<?, ?> e = (Map<?, ?>) r.get("entry");
            Map<?, ?> c = (Map<?, ?>) r.get("checkpoint");
            Ledger.Entry entry = new Ledger.Entry((Long) e.get("seq"), (String) e.get("at"), (String) e.get("actor"),
                    (String) e.get("action"), (String) e.get("target"), (String) e.get("contentHash"),
                    (String) e.get("prevHash"), (String) e.get("entryHash"));
            Checkpoint checkpoint = new Checkpoint((String) c.get("kind"), (Long) c.get("seq"), (String) c.get("entryHash"),
                    (String) c.get("at"), (String) c.get("publicKey"), (String) c.get("signature"));
            String fingerprint = checkpoint.publicKey() == null ? null : SigningKey.fingerprint(checkpoint.publicKey());
            String problem = problem(id, revision, text, contentHash, entry, checkpoint);
            return new Check(problem, id, revision, entry.seq(), entry.at(), fingerprint);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            return failed("the receipt lacks a field or has one of the wrong kind");
        }
    }

    private static String problem(long id, long revision, String text, String contentHash, Ledger.Entry entry, Checkpoint checkpoint) {
        if (!Ledger.contentHash(text).equals(contentHash)) {
            return "the text does not hash to the receipt's content hash";
        }
        if (!contentHash.equals(entry.contentHash())) {
            return "the ledger entry records a different content hash";
        }
        if (!List.of("statement-posted", "statement-revised").contains(entry.action())
                || !Ledger.statementTarget(id, (int) revision).equals(entry.target())) {
            return "the ledger entry is not the posting or revision of statement #" + id + " revision " + revision;
        }
        if (!entry.recomputedHash().equals(entry.entryHash())) {
            return "the ledger entry's fields do not hash to its entry hash";
        }
        if (!Checkpoint.ENTRY.equals(checkpoint.kind()) || checkpoint.seq() != entry.seq()
                || !checkpoint.hash().equals(entry.entryHash())) {
            return "the signed checkpoint is not for this ledger entry";
        }
        if (!checkpoint.signatureValid()) {
            return "the signature does not verify under the receipt's public key";
        }
        return null;
    }

    private static Check failed(String problem) {
        return new Check(problem, 0, 0, 0, null, null);
    }
}
