package org.byline.ledger;

import org.byline.web.Tokens;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The hash-chained public ledger. Every event is appended inside the same transaction as the change
 * it records, so either both happen or neither.
 *
 * <p>Canonical encoding (version 1): the entry hash is the lower-case hex SHA-256 of the UTF-8 bytes of
 * <pre>byline-ledger-v1\nSEQ\nAT\nACTOR\nACTION\nTARGET\nCONTENT_HASH\nPREV_HASH</pre>
 * where SEQ is the decimal sequence number (1, 2, ...), AT the time as yyyy-MM-ddTHH:mm:ss.SSSZ in
 * UTC, and PREV_HASH the previous entry's hash (64 zeros before the first entry). No field may
 * contain a newline. CONTENT_HASH is the hex SHA-256 of the UTF-8 text the event concerns (a
 * statement revision's Markdown, an essay revision's Markdown, a moderation reason).
 */
public final class Ledger {
    public static final String GENESIS = "0".repeat(64);
    public static final String VERSION = "byline-ledger-v1";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** One ledger entry, exactly as stored and published. */
    public record Entry(long seq, String at, String actor, String action, String target, String contentHash,
                        String prevHash, String entryHash) {

        /** The hash this entry should have, recomputed from its fields. */
        public String recomputedHash() {
            return hash(seq, at, actor, action, target, contentHash, prevHash);
        }
    }

    private Ledger() {
    }

    /**
     * Appends an entry after the current head. The head row is locked for the rest of the caller's
     * transaction, so concurrent appenders (threads or instances) queue and the chain stays linear.
     */
    public static Entry append(Handle h, Instant now, String actor, String action, String target, String contentHash) {
        var head = h.createQuery("SELECT seq, hash FROM ledger_head WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> new Object[]{rs.getLong("seq"), rs.getString("hash")}).one();
        long seq = (Long) head[0] + 1;
        String prev = (String) head[1];
        String at = AT.format(now.truncatedTo(ChronoUnit.MILLIS));
        String hash = hash(seq, at, actor, action, target, contentHash, prev);
        h.createUpdate("INSERT INTO ledger (seq, at, actor, action, target, content_hash, prev_hash, entry_hash) "
                        + "VALUES (:seq, :at, :actor, :action, :target, :contentHash, :prev, :hash)")
                .bind("seq", seq).bind("at", at).bind("actor", actor).bind("action", action).bind("target", target)
                .bind("contentHash", contentHash).bind("prev", prev).bind("hash", hash).execute();
        h.createUpdate("UPDATE ledger_head SET seq = :seq, hash = :hash WHERE id = 1")
                .bind("seq", seq).bind("hash", hash).execute();
        return new Entry(seq, at, actor, action, target, contentHash, prev, hash);
    }

    public static String hash(long seq, String at, String actor, String action, String target, String contentHash, String prevHash) {
        for (String field : new String[]{at, actor, action, target, contentHash, prevHash}) {
            if (field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("ledger fields cannot contain a newline");
            }
        }
        return Tokens.sha256Hex(String.join("\n", VERSION, Long.toString(seq), at, actor, action, target, contentHash, prevHash));
    }

    /** The content hash of a text: hex SHA-256 of its UTF-8 bytes. */
    public static String contentHash(String text) {
        return Tokens.sha256Hex(text);
    }

    /** The content hash of an essay revision: its title, date and Markdown, one per line. */
    public static String essayContentHash(String title, java.time.LocalDate publishedOn, String markdown) {
        return contentHash(title + "\n" + publishedOn + "\n" + markdown);
    }

    public static String essayTarget(String slug, int revision) {
        return "essay:" + slug + "@" + revision;
    }

    public static String statementTarget(long statementId, int revision) {
        return "statement:" + statementId + "@" + revision;
    }

    public static String person(String handle) {
        return "@" + handle;
    }
}
