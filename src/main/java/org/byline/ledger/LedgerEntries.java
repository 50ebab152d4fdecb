package org.byline.ledger;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the ledger: pages of entries, one entry, the head. */
public final class LedgerEntries {
    static final String COLUMNS = "seq, at, actor, action, target, content_hash, prev_hash, entry_hash";
    static final RowMapper<Ledger.Entry> MAPPER = (rs, ctx) -> new Ledger.Entry(rs.getLong("seq"), rs.getString("at"),
            rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("content_hash"),
            rs.getString("prev_hash"), rs.getString("entry_hash"));

    /** The latest sequence number and hash, as the head row records them (0 and the genesis hash when empty). */
    public record Head(long seq, String hash) {
    }

    private final Jdbi jdbi;

    public LedgerEntries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Head head() {
        return jdbi.withHandle(LedgerEntries::head);
    }

    static Head head(Handle h) {
        return h.createQuery("SELECT seq, hash FROM ledger_head WHERE id = 1")
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one();
    }

    /** Up to {@code limit} entries with seq below {@code before}, newest first. */
    public List<Ledger.Entry> newestBefore(long before, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE seq < :before ORDER BY seq DESC LIMIT :limit")
                .bind("before", before).bind("limit", limit).map(MAPPER).list());
    }

    /** Up to {@code limit} entries with seq above {@code after}, oldest first. */
    public List<Ledger.Entry> oldestAfter(long after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", after).bind("limit", limit).map(MAPPER).list());
    }

    /** The statement-posted or statement-revised entry for one statement revision. */
    public Optional<Ledger.Entry> statementRevision(long statementId, int revision) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE target = :target "
                        + "AND action IN ('statement-posted', 'statement-revised') ORDER BY seq LIMIT 1")
                .bind("target", Ledger.statementTarget(statementId, revision)).map(MAPPER).findOne());
    }

    /** An entry as published in JSON (the field names the re-checking algorithm uses). */
    public static Map<String, Object> json(Ledger.Entry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("at", e.at());
        out.put("actor", e.actor());
        out.put("action", e.action());
        out.put("target", e.target());
        out.put("contentHash", e.contentHash());
        out.put("prevHash", e.prevHash());
        out.put("entryHash", e.entryHash());
        return out;
    }
}
