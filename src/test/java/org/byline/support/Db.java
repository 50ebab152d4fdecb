package org.byline.support;

import org.byline.Config;
import org.jdbi.v3.core.Jdbi;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Direct read access to a test app's database, for checking what was (not) written. */
public final class Db {
    private Db() {
    }

    public static Jdbi of(Config config) {
        return Jdbi.create(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    public static long count(Config config, String table) {
        // table names come from the tests themselves, never from input
        return of(config).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /**
     * Every row of every table of the app's own schema, as text, sorted, by table: equal before and after
     * a request exactly when the request wrote nothing.
     */
    public static Map<String, List<String>> contents(Config config) {
        return of(config).withHandle(h -> {
            Map<String, List<String>> contents = new TreeMap<>();
            List<String> tables;
            try {
                tables = tables(h.getConnection().getMetaData(), h.getConnection().getSchema());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>(h.createQuery("SELECT * FROM \"" + table + "\"") // as the catalogue spells it
                        .mapToMap().map(row -> new TreeMap<>(row).toString()).list());
                rows.sort(null);
                contents.put(table.toLowerCase(Locale.ROOT), rows);
            }
            return contents;
        });
    }

    /** The rows that differ between two {@link #contents} snapshots, table by table ("-" gone, "+" new); empty when none. */
    public static List<String> changes(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> changes = new ArrayList<>();
        for (String table : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            List<String> was = before.getOrDefault(table, List.of());
            List<String> is = after.getOrDefault(table, List.of());
            was.stream().filter(row -> !is.contains(row)).forEach(row -> changes.add(table + " - " + shorten(row)));
            is.stream().filter(row -> !was.contains(row)).forEach(row -> changes.add(table + " + " + shorten(row)));
        }
        return changes;
    }

    private static String shorten(String row) {
        return row.length() > 400 ? row.substring(0, 400) + "…" : row;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> tables(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT);
                if (type.equals("TABLE") || type.equals("BASE TABLE")) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables found in schema " + schema);
        }
        return tables;
    }
}
