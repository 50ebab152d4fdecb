package org.byline.comment;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Statement.class)
@RegisterConstructorMapper(StatementDao.EssayCount.class)
public interface StatementDao {
    String SELECT = "SELECT s.id, s.essay_id, e.slug AS essay_slug, s.essay_revision, s.parent_id, s.paragraph, "
            + "s.author_id, a.handle AS author_handle, a.display_name AS author_display_name, sr.body, s.created_at, "
            + "s.status, s.status_entry_id, mm.handle AS status_moderator, m.rule AS status_rule, "
            + "m.reason AS status_reason, m.created_at AS status_at, s.lock_entry_id, s.revision, s.withdrawn_at, "
            + "q.paragraph AS quote_paragraph, q.essay_revision AS quote_essay_revision, q.source_statement AS quote_statement, "
            + "q.source_revision AS quote_statement_revision, qa.handle AS quote_statement_author, "
            + "qs.revision AS quote_statement_current_revision "
            + "FROM statements s JOIN essays e ON e.id = s.essay_id JOIN accounts a ON a.id = s.author_id "
            + "JOIN statement_revisions sr ON sr.statement_id = s.id AND sr.revision = s.revision "
            + "LEFT JOIN statement_quotes q ON q.statement_id = s.id AND q.revision = s.revision "
            + "LEFT JOIN statements qs ON qs.id = q.source_statement LEFT JOIN accounts qa ON qa.id = qs.author_id "
            + "LEFT JOIN moderation_log m ON m.id = s.status_entry_id LEFT JOIN accounts mm ON mm.id = m.moderator_id ";

    /** Statements readers can count: published ones, including those hidden (they stay as tombstones). */
    String PUBLISHED = "s.status IN ('visible', 'hidden', 'withdrawn', 'erased')";

    record EssayCount(long essayId, long count) {
    }

    @SqlUpdate("INSERT INTO statements (essay_id, essay_revision, parent_id, paragraph, author_id, created_at, status, revision) "
            + "VALUES (:essayId, :essayRevision, :parentId, :paragraph, :authorId, :createdAt, :status, 1)")
    @GetGeneratedKeys("id")
    long insert(@Bind("essayId") long essayId, @Bind("essayRevision") int essayRevision, @Bind("parentId") Long parentId,
                @Bind("paragraph") String paragraph, @Bind("authorId") long authorId,
                @Bind("createdAt") Instant createdAt, @Bind("status") String status);

    @SqlUpdate("INSERT INTO statement_revisions (statement_id, revision, body, content_hash, created_at) "
            + "VALUES (:id, :revision, :body, :contentHash, :createdAt)")
    void insertRevision(@Bind("id") long id, @Bind("revision") int revision, @Bind("body") String body,
                        @Bind("contentHash") String contentHash, @Bind("createdAt") Instant createdAt);

    /** Moves the statement to its next revision, only if nobody else did meanwhile. */
    @SqlUpdate("UPDATE statements SET revision = :next WHERE id = :id AND revision = :next - 1 AND status NOT IN ('withdrawn', 'erased')")
    int advanceRevision(@Bind("id") long id, @Bind("next") int next);

    /** Only a published, visible statement can be withdrawn: one under moderation stays as moderated. */
    @SqlUpdate("UPDATE statements SET status = 'withdrawn', withdrawn_at = :now WHERE id = :id AND status = 'visible'")
    int withdraw(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO statement_quotes (statement_id, revision, essay_id, essay_revision, paragraph, source_statement, source_revision) "
            + "VALUES (:id, :revision, :essayId, :essayRevision, :paragraph, :sourceStatement, :sourceRevision)")
    void insertQuote(@Bind("id") long id, @Bind("revision") int revision, @Bind("essayId") Long essayId,
                     @Bind("essayRevision") Integer essayRevision, @Bind("paragraph") String paragraph,
                     @Bind("sourceStatement") Long sourceStatement, @Bind("sourceRevision") Integer sourceRevision);

    @SqlQuery("SELECT body FROM statement_revisions WHERE statement_id = :id AND revision = :revision")
    Optional<String> revisionBody(@Bind("id") long id, @Bind("revision") int revision);

    @SqlQuery("SELECT statement_id, revision, body, content_hash, created_at FROM statement_revisions "
            + "WHERE statement_id = :id ORDER BY revision")
    @RegisterConstructorMapper(StatementRevision.class)
    List<StatementRevision> revisions(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE s.id = :id")
    Optional<Statement> findById(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE s.essay_id = :essayId ORDER BY s.id")
    List<Statement> listByEssay(@Bind("essayId") long essayId);

    /** A person's statements on published essays, newest first. */
    @SqlQuery(SELECT + "WHERE s.author_id = :authorId AND s.id < :beforeId AND e.published = TRUE ORDER BY s.id DESC LIMIT :limit")
    List<Statement> listByAuthor(@Bind("authorId") long authorId, @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE s.status = 'pending' ORDER BY s.id LIMIT :limit")
    List<Statement> listPending(@Bind("limit") int limit);

    @SqlQuery("SELECT s.essay_id, COUNT(*) AS count FROM statements s WHERE " + PUBLISHED + " GROUP BY s.essay_id")
    List<EssayCount> countByEssay();

    /** Statements a moderator let through (or that needed no review): what pre-moderation counts. */
    @SqlQuery("SELECT COUNT(*) FROM statements s WHERE s.author_id = :authorId AND s.status IN ('visible', 'hidden')")
    int countPublishedByAuthor(@Bind("authorId") long authorId);

    @SqlUpdate("UPDATE statements SET status = :status, status_entry_id = :entryId WHERE id = :id")
    int setStatus(@Bind("id") long id, @Bind("status") String status, @Bind("entryId") long entryId);

}
