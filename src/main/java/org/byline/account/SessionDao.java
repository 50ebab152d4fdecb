package org.byline.account;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

public interface SessionDao {
    @SqlUpdate("INSERT INTO sessions (id_hash, account_id, created_at, expires_at) VALUES (:idHash, :accountId, :now, :expiresAt)")
    void insert(@Bind("idHash") String idHash, @Bind("accountId") long accountId,
                @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT account_id FROM sessions WHERE id_hash = :idHash AND expires_at > :now")
    Optional<Long> findAccountId(@Bind("idHash") String idHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM sessions WHERE id_hash = :idHash")
    void delete(@Bind("idHash") String idHash);

    @SqlUpdate("DELETE FROM sessions WHERE expires_at <= :now")
    int deleteExpired(@Bind("now") Instant now);
}
