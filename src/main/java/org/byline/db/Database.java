package org.byline.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.byline.Config;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** The connection pool, migrated schema and Jdbi handle shared by every feature. */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean embeddedH2;

    private Database(HikariDataSource dataSource, boolean embeddedH2) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        this.embeddedH2 = embeddedH2;
    }

    public static Database open(Config config) {
        if (config.dbUrl().startsWith("jdbc:h2:file:")) {
            keepPrivate(config);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.dbUrl());
        hikari.setUsername(config.dbUser());
        hikari.setPassword(config.dbPassword());
        hikari.setMaximumPoolSize(config.dbPoolSize());
        hikari.setPoolName("byline");
        // fail fast (a 503 from /healthz, an error page) rather than hang when the database is gone
        hikari.setConnectionTimeout(5_000);
        hikari.setValidationTimeout(2_000);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, config.dbUrl().startsWith("jdbc:h2:file:"));
    }

    /**
     * The data directory, and the directory of an H2 file served through AUTO_SERVER, are the app
     * user's alone: H2's lock file there holds the key to the database (Config.h2FileUrl). A data
     * directory an earlier version created 0755 is closed; another directory is not ours to change,
     * so an open one stops the start with what to do (without AUTO_SERVER there is no key, only the
     * file itself to read: a warning).
     */
    private static void keepPrivate(Config config) {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        Path databaseDir = H2Files.databaseFile(config.dbUrl()).getParent();
        try {
            PrivateDirectories.create(dataDir);
            if (PrivateDirectories.openToOthers(dataDir)) {
                PrivateDirectories.closeToOthers(dataDir);
                LOG.warn("data directory {} was open to other users; it is now the app user's only (mode 0700)", dataDir);
            }
            if (!databaseDir.equals(dataDir)) {
                PrivateDirectories.create(databaseDir);
                if (PrivateDirectories.openToOthers(databaseDir)) {
                    if (H2Files.autoServer(config.dbUrl())) {
                        throw new IllegalStateException("the directory of the H2 database, " + databaseDir
                                + ", is open to other users, and with AUTO_SERVER its lock file holds the key to the"
                                + " database: make it the app user's only (chmod 700 " + databaseDir + ")");
                    }
                    LOG.warn("the directory of the H2 database, {}, is open to other users: they may read the database"
                            + " file (password hashes, sessions); make it the app user's only (chmod 700)", databaseDir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or check the directory " + dataDir + " / " + databaseDir, e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean isHealthy() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Puts every commit made so far into the database file, synced, before a write is acknowledged. H2
     * writes commits to its file in the background, up to 500 ms later, so a killed process lost
     * statements it had already acknowledged (CrashSafetyIT); {@link H2CommitSync} waits for the chunk
     * that holds them, makes the file's header lead to it and syncs the file, which also lets Config.h2FileUrl shorten H2's retention time
     * safely. (H2's WRITE_DELAY=0 writes each commit too, but it stops the background writer that
     * reclaims old chunks: the file grew without bound, see bench/H2FileGrowth.java.) A PostgreSQL
     * commit is durable when it returns.
     */
    public void persistCommits() {
        if (embeddedH2) {
            jdbi.useHandle(handle -> {
                try {
                    if (!H2CommitSync.writeAndSync(handle.getConnection())) {
                        handle.execute("CHECKPOINT SYNC"); // the database is another process's: ask it over SQL
                    }
                } catch (SQLException e) {
                    throw new ConnectionException(e);
                }
            });
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
