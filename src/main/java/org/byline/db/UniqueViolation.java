package org.byline.db;

import java.sql.SQLException;

/** Recognises a lost insert race (a unique key already taken), the same way on H2 and PostgreSQL. */
public final class UniqueViolation {
    private static final String SQLSTATE = "23505";

    private UniqueViolation() {
    }

    public static boolean is(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Rethrows anything that is not a unique-key violation. */
    public static void rethrowUnlessRace(RuntimeException error) {
        if (!is(error)) {
            throw error;
        }
    }
}
