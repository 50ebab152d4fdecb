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
    String SELECT = "SELECT s.id, s.essay_id, e.slug AS essay_slug, "
            + "(SELECT r.title FROM essay_revisions r WHERE r.essay_id = e.id ORDER BY r.revision DESC LIMIT 1) AS essay_title, "
            + "s.parent_id, s.paragraph, a.handle AS author_handle, a.display_name AS author_display_name, s.body, s.created_at "
            + "FROM statements s JOIN essays e ON e.id = s.essay_id JOIN accounts a ON a.id = s.author_id ";

    record EssayCount(long essayId, long count) {
    }

    @SqlUpdate("INSERT INTO statements (essay_id, parent_id, paragraph, author_id, body, created_at) "
            + "VALUES (:essayId, :parentId, :paragraph, :authorId, :body, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("essayId") long essayId, @Bind("parentId") Long parentId, @Bind("paragraph") String paragraph,
                @Bind("authorId") long authorId, @Bind("body") String body, @Bind("createdAt") Instant createdAt);

    @SqlQuery(SELECT + "WHERE s.id = :id")
    Optional<Statement> findById(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE s.essay_id = :essayId ORDER BY s.id")
    List<Statement> listByEssay(@Bind("essayId") long essayId);

    @SqlQuery(SELECT + "WHERE s.author_id = :authorId AND s.id < :beforeId ORDER BY s.id DESC LIMIT :limit")
    List<Statement> listByAuthor(@Bind("authorId") long authorId, @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    @SqlQuery("SELECT essay_id, COUNT(*) AS count FROM statements GROUP BY essay_id")
    List<EssayCount> countByEssay();
}
