package org.byline.moderation;

import org.byline.comment.Statement;
import org.byline.comment.StatementDao;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/** What waits for moderators: statements held for review, and statements with open reports. */
public final class ModerationQueue {
    private static final int LIMIT = 200;

    /** A statement in the queue with its open reports (empty for a held statement). */
    public record Item(Statement statement, long openReports, List<Report> reports) {
    }

    /** The author's record, shown beside their statement so moderators judge a pattern, not one line. */
    public record AuthorHistory(int published, List<ModerationEntry> actions) {
    }

    private final Jdbi jdbi;

    public ModerationQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Item> pending() {
        return jdbi.withExtension(StatementDao.class, dao -> dao.listPending(LIMIT)).stream()
                .map(s -> new Item(s, 0, List.of())).toList();
    }

    /** Most-reported first, then the most recently reported. */
    public List<Item> reported() {
        return jdbi.withHandle(h -> {
            StatementDao statements = h.attach(StatementDao.class);
            ReportDao reports = h.attach(ReportDao.class);
            return reports.reportedStatements(LIMIT).stream()
                    .map(r -> statements.findById(r.statementId()).map(s -> new Item(s, r.openReports(),
                            reports.forStatement(s.id()).stream().filter(x -> x.resolvedEntryId() == null).toList())))
                    .flatMap(Optional::stream).toList();
        });
    }

    public List<Report> reports(long statementId) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.forStatement(statementId));
    }

    public AuthorHistory history(long accountId) {
        return jdbi.withHandle(h -> new AuthorHistory(
                h.attach(StatementDao.class).countPublishedByAuthor(accountId),
                h.attach(ModerationLogDao.class).concerning(accountId, 20)));
    }

    public List<ModerationEntry> log(String kind, long targetId) {
        return jdbi.withExtension(ModerationLogDao.class, dao -> dao.forTarget(kind, targetId));
    }
}
