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
            + "a.handle AS author_handle, a.display_name AS author_display_name, e.lock_entry_id, e.published "
            + "FROM essays e "
            + "JOIN essay_revisions r ON r.essay_id = e.id "
            + "  AND r.revision = (SELECT MAX(r2.revision) FROM essay_revisions r2 WHERE r2.essay_id = e.id) "
            // the byline is the essay's author; each revision names its own author (see essay_revisions)
            + "JOIN accounts a ON a.id = e.author_id ";

    /** The published essays, newest first: what readers see. */
    @SqlQuery(LATEST + "WHERE e.published = TRUE ORDER BY r.published_on DESC, e.id")
    List<Essay> listLatest();

    /** A published essay: drafts and unpublished essays are not found. */
    @SqlQuery(LATEST + "WHERE e.slug = :slug AND e.published = TRUE")
    Optional<Essay> findLatest(@Bind("slug") String slug);

    /** An essay whether or not it is published: for admins only. */
    @SqlQuery(LATEST + "WHERE e.slug = :slug")
    Optional<Essay> findLatestIncludingUnpublished(@Bind("slug") String slug);

    @SqlQuery("SELECT id FROM essays WHERE slug = :slug")
    Optional<Long> findId(@Bind("slug") String slug);

    @SqlUpdate("INSERT INTO essays (slug, author_id, created_at) VALUES (:slug, :authorId, :now)")
    @GetGeneratedKeys("id")
    long insertEssay(@Bind("slug") String slug, @Bind("authorId") long authorId, @Bind("now") Instant now);

    @SqlQuery("SELECT COALESCE(MAX(revision), 0) FROM essay_revisions WHERE essay_id = :essayId")
    int latestRevision(@Bind("essayId") long essayId);

    @SqlUpdate("INSERT INTO essay_revisions (essay_id, revision, title, published_on, markdown, content_hash, author_id, created_at) "
            + "VALUES (:essayId, :revision, :title, :publishedOn, :markdown, :contentHash, :authorId, :now)")
    void insertRevision(@Bind("essayId") long essayId, @Bind("revision") int revision, @Bind("title") String title,
                        @Bind("publishedOn") LocalDate publishedOn, @Bind("markdown") String markdown,
                        @Bind("contentHash") String contentHash, @Bind("authorId") long authorId, @Bind("now") Instant now);

    /** Adds a revision with its source: 'file' (the importer) or 'browser' (an admin). */
    @SqlUpdate("INSERT INTO essay_revisions (essay_id, revision, title, published_on, markdown, content_hash, author_id, created_at, source) "
            + "VALUES (:essayId, :revision, :title, :publishedOn, :markdown, :contentHash, :authorId, :now, :source)")
    void insertRevision(@Bind("essayId") long essayId, @Bind("revision") int revision, @Bind("title") String title,
                        @Bind("publishedOn") LocalDate publishedOn, @Bind("markdown") String markdown,
                        @Bind("contentHash") String contentHash, @Bind("authorId") long authorId, @Bind("now") Instant now,
                        @Bind("source") String source);

    /** The hash of the file this essay was last imported from; empty when it never came from a file. */
    @SqlQuery("SELECT file_hash FROM essays WHERE id = :id AND file_hash IS NOT NULL")
    Optional<String> findFileHash(@Bind("id") long id);

    /** Records a new import, only if nobody recorded another since {@code previous} was read. */
    @SqlUpdate("UPDATE essays SET file_hash = :hash WHERE id = :id AND file_hash = :previous")
    int replaceFileHash(@Bind("id") long id, @Bind("previous") String previous, @Bind("hash") String hash);

    /** Records the first import of a file for this essay, only if nobody recorded one meanwhile. */
    @SqlUpdate("UPDATE essays SET file_hash = :hash WHERE id = :id AND file_hash IS NULL")
    int setFirstFileHash(@Bind("id") long id, @Bind("hash") String hash);

    @SqlQuery("SELECT markdown FROM essay_revisions WHERE essay_id = :essayId AND revision = :revision")
    Optional<String> findMarkdown(@Bind("essayId") long essayId, @Bind("revision") int revision);

}
