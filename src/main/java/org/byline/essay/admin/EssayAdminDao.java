package org.byline.essay.admin;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What only admins read and write: every essay whatever its state, every revision, publishing. */
public interface EssayAdminDao {
    String ROWS = "SELECT e.id, e.slug, e.published, e.published_changed_at, "
            + "pc.handle AS published_changed_by_handle, pc.display_name AS published_changed_by_display_name, "
            + "r.revision, r.title, r.published_on, r.source, r.created_at AS revised_at, "
            + "ed.handle AS editor_handle, ed.display_name AS editor_display_name, "
            + "au.handle AS author_handle, au.display_name AS author_display_name, "
            + "(SELECT COUNT(*) FROM essay_revisions c WHERE c.essay_id = e.id) AS revision_count "
            + "FROM essays e "
            + "JOIN essay_revisions r ON r.essay_id = e.id "
            + "  AND r.revision = (SELECT MAX(r2.revision) FROM essay_revisions r2 WHERE r2.essay_id = e.id) "
            + "JOIN accounts ed ON ed.id = r.author_id "
            + "JOIN accounts au ON au.id = e.author_id "
            + "LEFT JOIN accounts pc ON pc.id = e.published_changed_by ";

    String REVISION_COLUMNS = "e.slug, r.revision, r.title, r.published_on, r.source, r.created_at, "
            + "a.handle AS author_handle, a.display_name AS author_display_name ";
    String REVISION_FROM = "FROM essay_revisions r JOIN essays e ON e.id = r.essay_id JOIN accounts a ON a.id = r.author_id ";

    @SqlQuery(ROWS + "ORDER BY r.published_on DESC, e.id DESC")
    @RegisterConstructorMapper(AdminEssayRow.class)
    List<AdminEssayRow> listAll();

    @SqlQuery(ROWS + "WHERE e.slug = :slug")
    @RegisterConstructorMapper(AdminEssayRow.class)
    Optional<AdminEssayRow> findRow(@Bind("slug") String slug);

    @SqlQuery("SELECT r.revision, r.title, r.published_on, r.source, r.created_at, "
            + "a.handle AS author_handle, a.display_name AS author_display_name "
            + REVISION_FROM + "WHERE e.slug = :slug ORDER BY r.revision DESC")
    @RegisterConstructorMapper(RevisionSummary.class)
    List<RevisionSummary> revisions(@Bind("slug") String slug);

    @SqlQuery("SELECT " + REVISION_COLUMNS + ", r.markdown, r.content_hash "
            + REVISION_FROM + "WHERE e.slug = :slug AND r.revision = :revision")
    @RegisterConstructorMapper(EssayRevision.class)
    Optional<EssayRevision> revision(@Bind("slug") String slug, @Bind("revision") int revision);

    /** A new essay written in the browser: a draft, with the creating admin's byline. */
    @SqlUpdate("INSERT INTO essays (slug, author_id, created_at, published) VALUES (:slug, :authorId, :now, FALSE)")
    @GetGeneratedKeys("id")
    long insertDraft(@Bind("slug") String slug, @Bind("authorId") long authorId, @Bind("now") Instant now);

    /** Publishes or unpublishes, only when that changes something; names the admin who did it. */
    @SqlUpdate("UPDATE essays SET published = :published, published_changed_by = :adminId, published_changed_at = :now "
            + "WHERE id = :id AND published <> :published")
    int setPublished(@Bind("id") long id, @Bind("published") boolean published, @Bind("adminId") long adminId,
                     @Bind("now") Instant now);
}
