package org.byline.moderation;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

@RegisterConstructorMapper(Report.class)
@RegisterConstructorMapper(ReportDao.ReportedStatement.class)
public interface ReportDao {
    String SELECT = "SELECT r.id, r.statement_id, a.handle AS reporter_handle, r.reason, r.details, r.created_at, "
            + "r.resolved_entry_id FROM reports r JOIN accounts a ON a.id = r.reporter_id ";

    /** A statement with open reports, for the queue. */
    record ReportedStatement(long statementId, long openReports, Instant latest) {
    }

    @SqlUpdate("INSERT INTO reports (statement_id, reporter_id, reason, details, created_at, open_key) "
            + "VALUES (:statementId, :reporterId, :reason, :details, :now, :openKey)")
    void insert(@Bind("statementId") long statementId, @Bind("reporterId") long reporterId, @Bind("reason") String reason,
                @Bind("details") String details, @Bind("now") Instant now, @Bind("openKey") String openKey);

    @SqlQuery(SELECT + "WHERE r.statement_id = :statementId ORDER BY r.id DESC")
    List<Report> forStatement(@Bind("statementId") long statementId);

    @SqlQuery("SELECT statement_id, COUNT(*) AS open_reports, MAX(created_at) AS latest FROM reports "
            + "WHERE open_key IS NOT NULL GROUP BY statement_id ORDER BY open_reports DESC, latest DESC LIMIT :limit")
    List<ReportedStatement> reportedStatements(@Bind("limit") int limit);
}
