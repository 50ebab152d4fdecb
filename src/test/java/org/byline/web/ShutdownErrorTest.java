package org.byline.web;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request in flight when the JVM stops can find the database closed by H2's shutdown hook (found by
 * sending SIGTERM to the jar under 16 readers: ERROR "Database is already closed [90121]" about one run
 * in two). ErrorPages answers those 503 with Retry-After and keeps 500 for everything else; these are
 * H2's and Jdbi's own exceptions, as they arrive.
 */
class ShutdownErrorTest {

    @Test
    void h2sDatabaseClosedAtShutdownUnderJdbiIsRecognised() {
        var closed = DbException.get(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN).getSQLException();
        assertThat(ErrorPages.cutShortByShutdown(new ConnectionException(closed))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNotMistakenForShutdown() {
        var closed = DbException.get(ErrorCode.DATABASE_IS_CLOSED).getSQLException();
        var syntax = DbException.get(ErrorCode.SYNTAX_ERROR_1, "x").getSQLException();
        assertThat(ErrorPages.cutShortByShutdown(new ConnectionException(closed))).isFalse();
        assertThat(ErrorPages.cutShortByShutdown(new RuntimeException(syntax))).isFalse();
        assertThat(ErrorPages.cutShortByShutdown(new IllegalStateException("no cause"))).isFalse();
    }
}
