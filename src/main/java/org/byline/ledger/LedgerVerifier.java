package org.byline.ledger;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Re-checks the whole ledger against the database, the same way anyone can from /api/ledger: the
 * chain first (gapless, linked, every hash recomputed, the head on the last entry), then every
 * statement and essay revision's text against the content hash its ledger entry recorded. Stops
 * at the first problem, because everything after a break is suspect anyway.
 */
public final class LedgerVerifier {
    private static final int FETCH = 1_000;

    /** The outcome: {@code problem} is null when everything holds. */
    public record Result(String problem, long entries, long statementRevisions, long essayRevisions, long millis) {
        public boolean ok() {
            return problem == null;
        }

        public String summary() {
            String counts = entries + " ledger entries, " + statementRevisions + " statement revisions and "
                    + essayRevisions + " essay revisions";
            return ok() ? "Ledger verified: " + counts + " checked in " + millis + " ms."
                    : "Ledger verification FAILED: " + problem;
        }
    }

    /** The first entry recorded for a target, and how many there are. */
    private static final class Recorded {
        final long seq;
        final String contentHash;
        long secondSeq;
        int count = 1;

        Recorded(long seq, String contentHash) {
            this.seq = seq;
            this.contentHash = contentHash;
        }
    }

    /** Why checking stopped. */
    private static final class Broken extends RuntimeException {
        Broken(String problem) {
            super(problem, null, false, false);
        }
    }

    private final Jdbi jdbi;

    public LedgerVerifier(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Result verify() {
        long started = System.nanoTime();
        long[] counts = new long[3];
        String problem;
        try {
            // one transaction, so appends that land meanwhile cannot make a consistent ledger look broken
            jdbi.useTransaction(h -> {
                Map<String, Recorded> revisions = new HashMap<>();
                Map<Long, Long> erasures = new HashMap<>();
                counts[0] = checkChain(h, revisions, erasures);
                counts[1] = checkStatements(h, revisions, erasures);
                counts[2] = checkEssays(h, revisions);
            });
            problem = null;
        } catch (Broken broken) {
            problem = broken.getMessage();
        }
        return new Result(problem, counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
    }

    private static long checkChain(Handle h, Map<String, Recorded> revisions, Map<Long, Long> erasures) {
        long expected = 1;
        String prev = Ledger.GENESIS;
        try (ResultIterator<Ledger.Entry> entries = h.createQuery("SELECT " + LedgerEntries.COLUMNS + " FROM ledger ORDER BY seq")
                .setFetchSize(FETCH).map(LedgerEntries.MAPPER).iterator()) {
            while (entries.hasNext()) {
                Ledger.Entry e = entries.next();
                if (e.seq() != expected) {
                    throw new Broken("ledger entry #" + expected + " is missing (the next entry is #" + e.seq() + ")");
                }
                if (!e.entryHash().equals(recomputed(e))) {
                    throw new Broken("ledger entry #" + e.seq() + " was altered: its fields do not hash to its entry hash");
                }
                if (!e.prevHash().equals(prev)) {
                    throw new Broken("ledger entry #" + e.seq() + " does not link to entry #" + (e.seq() - 1)
                            + ": its previous hash differs (one of them was altered or replaced)");
                }
                index(e, revisions, erasures);
                prev = e.entryHash();
                expected++;
            }
        }
        long last = expected - 1;
        LedgerEntries.Head head = LedgerEntries.head(h);
        if (head.seq() > last) {
            throw new Broken("ledger entry #" + (last + 1) + " is missing (the head says the ledger ends at #" + head.seq() + ")");
        }
        if (head.seq() != last || !head.hash().equals(prev)) {
            throw new Broken("the ledger head (#" + head.seq() + ") does not match the last entry (#" + last + ")");
        }
        return last;
    }

    private static String recomputed(Ledger.Entry e) {
        try {
            return e.recomputedHash();
        } catch (IllegalArgumentException newlineInField) {
            return "";
        }
    }

    private static void index(Ledger.Entry e, Map<String, Recorded> revisions, Map<Long, Long> erasures) {
        switch (e.action()) {
            case "statement-posted", "statement-revised", "essay-revision" -> {
                Recorded known = revisions.get(e.target());
                if (known == null) {
                    revisions.put(e.target(), new Recorded(e.seq(), e.contentHash()));
                } else if (known.count++ == 1) {
                    known.secondSeq = e.seq();
                }
            }
            case "moderation:erase" -> {
                if (e.target().startsWith("statement:")) {
                    try {
                        erasures.put(Long.parseLong(e.target().substring("statement:".length())), e.seq());
                    } catch (NumberFormatException ignored) {
                        // not a statement id: it erases nothing
                    }
                }
            }
            default -> {
                // other events carry no text that is kept elsewhere
            }
        }
    }

    private static long checkStatements(Handle h, Map<String, Recorded> revisions, Map<Long, Long> erasures) {
        long checked = 0;
        try (ResultIterator<Object[]> rows = h.createQuery(
                        "SELECT statement_id, revision, body, content_hash FROM statement_revisions ORDER BY statement_id, revision")
                .setFetchSize(FETCH)
                .map((rs, ctx) -> new Object[]{rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)}).iterator()) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                long id = (Long) row[0];
                int revision = (Integer) row[1];
                String body = (String) row[2];
                String what = "statement #" + id + " revision " + revision;
                Recorded entry = recorded(revisions, Ledger.statementTarget(id, revision), what);
                if (body == null) {
                    Long erased = erasures.get(id);
                    if (erased == null || erased < entry.seq) {
                        throw new Broken(what + ": its text is gone but the ledger records no erasure after entry #" + entry.seq);
                    }
                } else if (!Ledger.contentHash(body).equals(entry.contentHash)) {
                    throw new Broken(what + ": text does not match ledger entry #" + entry.seq);
                }
                if (!entry.contentHash.equals(row[3])) {
                    throw new Broken(what + ": its stored content hash does not match ledger entry #" + entry.seq);
                }
                checked++;
            }
        }
        return checked;
    }

    private static long checkEssays(Handle h, Map<String, Recorded> revisions) {
        long checked = 0;
        try (ResultIterator<Object[]> rows = h.createQuery("SELECT e.slug, r.revision, r.title, r.published_on, r.markdown "
                        + "FROM essay_revisions r JOIN essays e ON e.id = r.essay_id ORDER BY e.slug, r.revision")
                .setFetchSize(FETCH)
                .map((rs, ctx) -> new Object[]{rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)}).iterator()) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                String slug = (String) row[0];
                int revision = (Integer) row[1];
                String what = "essay " + slug + " revision " + revision;
                Recorded entry = recorded(revisions, Ledger.essayTarget(slug, revision), what);
                String hash = Ledger.essayContentHash((String) row[2], (LocalDate) row[3], (String) row[4]);
                if (!hash.equals(entry.contentHash)) {
                    throw new Broken(what + ": text does not match ledger entry #" + entry.seq);
                }
                checked++;
            }
        }
        return checked;
    }

    private static Recorded recorded(Map<String, Recorded> revisions, String target, String what) {
        Recorded entry = revisions.get(target);
        if (entry == null) {
            throw new Broken(what + " has no ledger entry");
        }
        if (entry.count > 1) {
            throw new Broken(what + " has more than one ledger entry (#" + entry.seq + " and #" + entry.secondSeq + ")");
        }
        return entry;
    }
}
