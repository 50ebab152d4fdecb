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
    String COLUMNS = "id, handle, display_name, password_hash, created_at";

    @SqlUpdate("INSERT INTO accounts (handle, handle_key, display_name, password_hash, created_at) "
            + "VALUES (:handle, :handleKey, :displayName, :passwordHash, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("handle") String handle, @Bind("handleKey") String handleKey,
                @Bind("displayName") String displayName, @Bind("passwordHash") String passwordHash,
                @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE handle_key = :handleKey")
    Optional<Account> findByHandleKey(@Bind("handleKey") String handleKey);

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
    Optional<Account> findById(@Bind("id") long id);
}
