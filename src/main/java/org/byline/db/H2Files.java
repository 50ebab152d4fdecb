package org.byline.db;

import java.nio.file.Path;
import java.util.Locale;

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

    /** Whether the URL has the database served to other processes (its key then sits in the lock file). */
    public static boolean autoServer(String jdbcUrl) {
        return jdbcUrl.toUpperCase(Locale.ROOT).replace(" ", "").contains(";AUTO_SERVER=TRUE");
    }
}
