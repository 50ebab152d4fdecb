package org.byline;

import java.nio.file.Path;
import java.util.Map;

/** Everything the app reads from its environment, resolved once so tests and {@code main} share it. */
public record Config(
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        boolean rateLimitsOn,
        String ownerHandle,
        String ownerDisplayName,
        Path essaysDir,
        String publicUrl,
        String clientIpHeader,
        int premoderation,
        Path ledgerKeyFile) {

    public static final int DEFAULT_PORT = 7070;

    public static Config fromEnv(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("BYLINE_DATA_DIR", "./data"));
        String dbUrl = env.get("BYLINE_DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            dbUrl = h2FileUrl(dataDir);
        }
        if (dbUrl.startsWith("jdbc:h2:")) {
            // AUTO_SERVER's port only needs to be reached from this host. Set here, before any H2 connection
            // (app, backup, restore, verify), because H2 reads the property once, when it first loads.
            System.getProperties().putIfAbsent("h2.bindAddress", "127.0.0.1");
        }
        return new Config(
                parsePort(env.get("BYLINE_PORT")),
                dataDir,
                dbUrl,
                env.getOrDefault("BYLINE_DB_USER", dbUrl.startsWith("jdbc:h2:") ? "sa" : ""),
                env.getOrDefault("BYLINE_DB_PASSWORD", ""),
                Integer.parseInt(env.getOrDefault("BYLINE_DB_POOL_SIZE", "10")),
                !"off".equalsIgnoreCase(env.getOrDefault("BYLINE_RATE_LIMIT", "on")),
                env.getOrDefault("BYLINE_OWNER_HANDLE", "owner"),
                env.getOrDefault("BYLINE_OWNER_NAME", "Site Owner"),
                env.containsKey("BYLINE_ESSAYS_DIR") ? Path.of(env.get("BYLINE_ESSAYS_DIR")) : null,
                env.getOrDefault("BYLINE_PUBLIC_URL", ""),
                env.getOrDefault("BYLINE_CLIENT_IP_HEADER", ""),
                parseNonNegative("BYLINE_PREMODERATION", env.getOrDefault("BYLINE_PREMODERATION", "1")),
                // the ledger's signing key stays out of the database, so a database dump cannot forge signatures
                env.containsKey("BYLINE_LEDGER_KEY_FILE") ? Path.of(env.get("BYLINE_LEDGER_KEY_FILE"))
                        : dataDir.resolve("ledger-signing-key"));
    }

    /**
     * The embedded default: an H2 database file inside the data directory.
     * <ul>
     * <li>AUTO_SERVER lets a second process (the {@code backup} command) open the file while the app
     * holds it: the first process to open it serves it on a random loopback port, to
     * clients that present the random key it writes into the lock file beside the database; with no
     * process holding it, the next one opens it embedded. H2 refuses AUTO_SERVER with
     * DB_CLOSE_ON_EXIT=FALSE, so H2's shutdown hook closes the database when the JVM exits.</li>
     * <li>Commits reach the file before a write is acknowledged through {@code Database.persistCommits},
     * not WRITE_DELAY=0 (see there).</li>
     * <li>RETENTION_TIME=5000: with a store per write, H2 writes a chunk per write and keeps each
     * replaced chunk for the retention time (45 s by default) before reusing its space, so under steady
     * writes the file held 45 s of chunks (bench/H2FileGrowth.java). H2 waits that long so that the file
     * system has written a chunk's replacement before its space is reused. persistCommits fsyncs after
     * every write request, so what an answer depends on is on disk long before; chunks H2 writes on
     * its own (background stores, compaction) wait for the next request's fsync or the page cache's
     * flush (about 30 s on Linux), which matters after a power cut, not after a killed process.</li>
     * </ul>
     */
    public static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("byline") + ";AUTO_SERVER=TRUE;RETENTION_TIME=5000";
    }

    private static int parsePort(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        int port = Integer.parseInt(value.trim());
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("BYLINE_PORT must be 0..65535, got " + value);
        }
        return port;
    }

    private static int parseNonNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number >= 0, got " + value);
    }

    public boolean servedOverHttps() {
        return publicUrl.startsWith("https://");
    }
}
