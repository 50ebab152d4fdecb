package org.byline.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Where the files of an H2 {@code jdbc:h2:file:} URL are, read the way H2 reads the URL. */
public final class H2Files {
    public static final String DATABASE_SUFFIX = ".mv.db";

    private H2Files() {
    }

    /** The database file a URL names, e.g. {@code /srv/data/byline.mv.db} for {@code jdbc:h2:file:/srv/data/byline;...}. */
    public static Path databaseFile(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        path = options < 0 ? path : path.substring(0, options);
        // H2 reads a leading ~ as the user's home directory
        if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path + DATABASE_SUFFIX).toAbsolutePath().normalize();
    }

    /**
     * Whether the URL has the database served to other processes (its key then sits in the lock file):
     * an AUTO_SERVER option H2 reads as true (TRUE, T, YES, Y or 1, in any case).
     */
    public static boolean autoServer(String jdbcUrl) {
        String[] parts = jdbcUrl.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && parts[i].substring(0, eq).strip().equalsIgnoreCase("AUTO_SERVER")) {
                return TRUE_WORDS.contains(parts[i].substring(eq + 1).strip().toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }

    private static final Set<String> TRUE_WORDS = Set.of("true", "t", "yes", "y", "1");
}
