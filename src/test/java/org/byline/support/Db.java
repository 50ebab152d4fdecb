package org.byline.support;

import org.byline.Config;
import org.jdbi.v3.core.Jdbi;

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
}
