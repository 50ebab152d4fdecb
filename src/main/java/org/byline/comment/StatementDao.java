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
            + "s.author_id, a.handle AS author_handle, a.display_name AS author_display_name, s.body, s.created_at, "
            + "s.status, s.status_entry_id, mm.handle AS status_moderator, m.rule AS status_rule, "
            + "m.reason AS status_reason, m.created_at AS status_at, s.lock_entry_id "
            + "FROM statements s JOIN essays e ON e.id = s.essay_id JOIN accounts a ON a.id = s.author_id "
            + "LEFT JOIN moderation_log m ON m.id = s.status_entry_id LEFT JOIN accounts mm ON mm.id = m.moderator_id ";

    /** Statements readers can count: published ones, including those hidden (they stay as tombstones). */
    String PUBLISHED = "s.status IN ('visible', 'hidden')";

    record EssayCount(long essayId, long count) {
    }

    @SqlUpdate("INSERT INTO statements (essay_id, essay_revision, parent_id, paragraph, author_id, body, created_at, status) "
            + "VALUES (:essayId, :essayRevision, :parentId, :paragraph, :authorId, :body, :createdAt, :status)")
    @GetGeneratedKeys("id")
    long insert(@Bind("essayId") long essayId, @Bind("essayRevision") int essayRevision, @Bind("parentId") Long parentId,
                @Bind("paragraph") String paragraph, @Bind("authorId") long authorId, @Bind("body") String body,
                @Bind("createdAt") Instant createdAt, @Bind("status") String status);

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

    @SqlQuery("SELECT COUNT(*) FROM statements s WHERE s.author_id = :authorId AND " + PUBLISHED)
    int countPublishedByAuthor(@Bind("authorId") long authorId);

    @SqlUpdate("UPDATE statements SET status = :status, status_entry_id = :entryId WHERE id = :id")
    int setStatus(@Bind("id") long id, @Bind("status") String status, @Bind("entryId") long entryId);

    @SqlUpdate("UPDATE statements SET lock_entry_id = :entryId WHERE id = :id")
    int setLock(@Bind("id") long id, @Bind("entryId") Long entryId);
}
