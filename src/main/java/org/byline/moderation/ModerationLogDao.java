package org.byline.moderation;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(ModerationEntry.class)
public interface ModerationLogDao {
    String SELECT = "SELECT m.id, m.created_at, a.handle AS moderator_handle, m.rule, m.action, m.target_kind, "
            + "m.target_id, COALESCE(ta.handle, te.slug) AS target_name, m.reason, m.ends_at "
            + "FROM moderation_log m LEFT JOIN accounts a ON a.id = m.moderator_id "
            + "LEFT JOIN accounts ta ON m.target_kind = 'account' AND ta.id = m.target_id "
            + "LEFT JOIN essays te ON m.target_kind = 'essay' AND te.id = m.target_id ";

    @SqlUpdate("INSERT INTO moderation_log (created_at, moderator_id, rule, action, target_kind, target_id, reason, ends_at) "
            + "VALUES (:now, :moderatorId, :rule, :action, :targetKind, :targetId, :reason, :endsAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("now") Instant now, @Bind("moderatorId") Long moderatorId, @Bind("rule") String rule,
                @Bind("action") String action, @Bind("targetKind") String targetKind, @Bind("targetId") long targetId,
                @Bind("reason") String reason, @Bind("endsAt") Instant endsAt);

    @SqlQuery(SELECT + "WHERE m.id = :id")
    Optional<ModerationEntry> findById(@Bind("id") long id);

    /** A page of the log, newest first; a null filter matches everything. */
    @SqlQuery(SELECT + "WHERE m.id < :beforeId "
            + "AND (CAST(:moderator AS VARCHAR(30)) IS NULL OR a.handle_key = :moderator) "
            + "AND (CAST(:action AS VARCHAR(30)) IS NULL OR m.action = :action) "
            + "ORDER BY m.id DESC LIMIT :limit")
    List<ModerationEntry> page(@Bind("moderator") String moderatorHandleKey, @Bind("action") String action,
                               @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** Everything done to an account or to any of its statements, newest first. */
    @SqlQuery(SELECT + "WHERE (m.target_kind = 'account' AND m.target_id = :accountId) "
            + "OR (m.target_kind = 'statement' AND m.target_id IN (SELECT id FROM statements WHERE author_id = :accountId)) "
            + "ORDER BY m.id DESC LIMIT :limit")
    List<ModerationEntry> concerning(@Bind("accountId") long accountId, @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE m.target_kind = :kind AND m.target_id = :id ORDER BY m.id DESC")
    List<ModerationEntry> forTarget(@Bind("kind") String kind, @Bind("id") long id);
}
