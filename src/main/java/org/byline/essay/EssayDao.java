package org.byline.essay;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Essay.class)
public interface EssayDao {
    String LATEST = "SELECT e.id, e.slug, r.revision, r.title, r.published_on, r.markdown, r.content_hash, "
            + "a.handle AS author_handle, a.display_name AS author_display_name "
            + "FROM essays e "
            + "JOIN essay_revisions r ON r.essay_id = e.id "
            + "  AND r.revision = (SELECT MAX(r2.revision) FROM essay_revisions r2 WHERE r2.essay_id = e.id) "
            + "JOIN accounts a ON a.id = r.author_id ";

    @SqlQuery(LATEST + "ORDER BY r.published_on DESC, e.id")
    List<Essay> listLatest();

    @SqlQuery(LATEST + "WHERE e.slug = :slug")
    Optional<Essay> findLatest(@Bind("slug") String slug);

    @SqlQuery("SELECT id FROM essays WHERE slug = :slug")
    Optional<Long> findId(@Bind("slug") String slug);

    @SqlUpdate("INSERT INTO essays (slug, author_id, created_at) VALUES (:slug, :authorId, :now)")
    @GetGeneratedKeys("id")
    long insertEssay(@Bind("slug") String slug, @Bind("authorId") long authorId, @Bind("now") Instant now);

    @SqlQuery("SELECT content_hash FROM essay_revisions WHERE essay_id = :essayId ORDER BY revision DESC LIMIT 1")
    Optional<String> latestHash(@Bind("essayId") long essayId);

    @SqlQuery("SELECT COALESCE(MAX(revision), 0) FROM essay_revisions WHERE essay_id = :essayId")
    int latestRevision(@Bind("essayId") long essayId);

    @SqlUpdate("INSERT INTO essay_revisions (essay_id, revision, title, published_on, markdown, content_hash, author_id, created_at) "
            + "VALUES (:essayId, :revision, :title, :publishedOn, :markdown, :contentHash, :authorId, :now)")
    void insertRevision(@Bind("essayId") long essayId, @Bind("revision") int revision, @Bind("title") String title,
                        @Bind("publishedOn") LocalDate publishedOn, @Bind("markdown") String markdown,
                        @Bind("contentHash") String contentHash, @Bind("authorId") long authorId, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM essay_revisions WHERE essay_id = :essayId")
    int revisionCount(@Bind("essayId") long essayId);
}
