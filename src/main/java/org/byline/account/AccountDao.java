package org.byline.account;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

@RegisterConstructorMapper(Account.class)
public interface AccountDao {
    String COLUMNS = "id, handle, display_name, created_at, role, suspension_entry_id";

    @SqlUpdate("INSERT INTO accounts (handle, handle_key, handle_skeleton, display_name, password_hash, created_at) "
            + "VALUES (:handle, :handleKey, :handleSkeleton, :displayName, :passwordHash, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("handle") String handle, @Bind("handleKey") String handleKey, @Bind("handleSkeleton") String handleSkeleton,
                @Bind("displayName") String displayName, @Bind("passwordHash") String passwordHash,
                @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE handle_key = :handleKey")
    Optional<Account> findByHandleKey(@Bind("handleKey") String handleKey);

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
    Optional<Account> findById(@Bind("id") long id);

    /** Empty when the account has no password (it cannot sign in). */
    @SqlQuery("SELECT password_hash FROM accounts WHERE id = :id AND password_hash IS NOT NULL")
    Optional<String> findPasswordHash(@Bind("id") long id);

    @SqlUpdate("UPDATE accounts SET role = :role WHERE id = :id")
    int setRole(@Bind("id") long id, @Bind("role") String role);

    @SqlUpdate("UPDATE accounts SET password_hash = :passwordHash WHERE id = :id")
    int setPasswordHash(@Bind("id") long id, @Bind("passwordHash") String passwordHash);

    @SqlUpdate("UPDATE accounts SET suspension_entry_id = :entryId WHERE id = :id")
    int setSuspension(@Bind("id") long id, @Bind("entryId") Long entryId);

}
