package org.byline.backup;

import org.byline.Config;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On PostgreSQL the database belongs to PostgreSQL's own tools: {@code pg_dump} takes a consistent
 * snapshot while every instance keeps serving, and {@code pg_restore} knows its format. Byline does not
 * wrap them (their versions must match the server's); it prints the exact commands instead, with the
 * signing key file copied beside the dump, since the key is not in the database.
 */
final class PostgresAdvice {
    private PostgresAdvice() {
    }

    static boolean applies(Config config) {
        return config.dbUrl().startsWith("jdbc:postgresql:");
    }

    /** The signing key's copy next to a dump: {@code FILE.ledger-signing-key}. */
    static Path keyBeside(Path dump) {
        return dump.resolveSibling(dump.getFileName() + "." + BackupArchive.SIGNING_KEY);
    }

    static void backup(Config config, Path file, PrintStream err) {
        err.println("backup: the database is PostgreSQL; back it up with pg_dump (it runs while the app serves) "
                + "and copy the ledger signing key beside the dump. Nothing was written. Run:");
        err.println("  pg_dump -Fc " + connection(config) + " -f " + quote(file));
        err.println("  install -m 600 " + quote(config.ledgerKeyFile().toAbsolutePath().normalize()) + " " + quote(keyBeside(file)));
    }

    static void restore(Config config, Path file, PrintStream err) {
        err.println("restore: the database is PostgreSQL; restore the pg_dump file with pg_restore into an empty "
                + "database and put the ledger signing key back. Nothing was written. Run:");
        err.println("  pg_restore --no-owner --exit-on-error " + connection(config) + " " + quote(file));
        err.println("  install -m 600 " + quote(keyBeside(file)) + " " + quote(config.ledgerKeyFile().toAbsolutePath().normalize()));
        err.println("  java -jar byline.jar verify");
    }

    /**
     * {@code -h HOST -p PORT -U USER -d NAME} from the JDBC URL; the password comes from PGPASSWORD or ~/.pgpass.
     * Both forms of the driver's URL: {@code jdbc:postgresql://host:port/name} and {@code jdbc:postgresql:name}.
     */
    static String connection(Config config) {
        String url = config.dbUrl().substring("jdbc:".length());
        // pg_dump takes a connection URI as its database name too; its query (which may hold a
        // password=) and any user:password@ are left out: these lines are for printing
        String printable = url.replaceFirst("\\?.*$", "").replaceFirst("^(postgresql://)[^/?]*@", "$1");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return userOption(config) + "-d " + quote(printable);
        }
        if (!uri.isOpaque() && uri.getRawAuthority() != null && uri.getHost() == null) {
            return userOption(config) + "-d " + quote(printable); // several hosts (h1:5432,h2:5432): libpq reads them from a URI
        }
        StringBuilder s = new StringBuilder();
        if (uri.getHost() != null) {
            s.append("-h ").append(quote(uri.getHost())).append(' ');
        }
        if (uri.getPort() > 0) {
            s.append("-p ").append(uri.getPort()).append(' ');
        }
        s.append(userOption(config));
        String name = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath() == null ? "" : uri.getPath();
        name = name.replaceFirst("^/", "").replaceFirst("\\?.*$", "");
        return name.isEmpty() ? s.toString().strip() : s.append("-d ").append(quote(name)).toString();
    }

    /** BYLINE_DB_USER, or else the URL's own user= (which the printed URL leaves out with its query). */
    private static String userOption(Config config) {
        String user = config.dbUser();
        if (user.isBlank()) {
            Matcher m = USER_PARAMETER.matcher(config.dbUrl());
            user = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "";
        }
        return user.isBlank() ? "" : "-U " + quote(user) + " ";
    }

    private static final Pattern USER_PARAMETER = Pattern.compile("[?&]user=([^&]*)");

    /** A POSIX shell word: single quotes, with any single quote written as '\''. */
    private static String quote(Object word) {
        String text = word.toString();
        return text.matches("[A-Za-z0-9_./:@%+=-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
