package org.byline.backup;

import org.byline.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pg_dump / pg_restore connection options printed for each form of the driver's JDBC URL. */
class PostgresAdviceTest {

    private static String connection(String url, String user) {
        return PostgresAdvice.connection(Config.fromEnv(Map.of("BYLINE_DB_URL", url, "BYLINE_DB_USER", user)));
    }

    @Test
    void hostPortAndDatabaseComeFromAFullUrl() {
        assertThat(connection("jdbc:postgresql://db.internal:5433/byline?sslmode=require", "app"))
                .isEqualTo("-h db.internal -p 5433 -U app -d byline");
    }

    @Test
    void aUrlWithoutHostNamesOnlyTheDatabase() {
        assertThat(connection("jdbc:postgresql:byline", "app")).isEqualTo("-U app -d byline");
        assertThat(connection("jdbc:postgresql:byline?ssl=true", "")).isEqualTo("-d byline");
    }

    @Test
    void aUrlWithoutDatabaseLeavesTheDefaultToPgDump() {
        assertThat(connection("jdbc:postgresql://localhost/", "app")).isEqualTo("-h localhost -U app");
    }

    @Test
    void aNameThatNeedsQuotingIsQuotedForTheShell() {
        assertThat(connection("jdbc:postgresql://localhost/it's", "o'brien")).isEqualTo("-h localhost -U 'o'\\''brien' -d 'it'\\''s'");
    }

    @Test
    void aUrlJavaCannotParseIsPassedAsAConnectionUri() {
        assertThat(connection("jdbc:postgresql://localhost/by line", "app")).isEqualTo("-U app -d 'postgresql://localhost/by line'");
    }

    @Test
    void aPasswordInTheUrlIsNeverPrinted() {
        assertThat(connection("jdbc:postgresql://localhost/by line?user=app&password=s3cret", ""))
                .isEqualTo("-U app -d 'postgresql://localhost/by line'");
        assertThat(connection("jdbc:postgresql://app:p@ss@db1,db2/byline", "")).isEqualTo("-d 'postgresql://db1,db2/byline'");
        assertThat(connection("jdbc:postgresql://db/byline?password=s3cret", "app")).doesNotContain("s3cret");
    }

    @Test
    void severalHostsArePassedAsAConnectionUri() {
        assertThat(connection("jdbc:postgresql://db1:5432,db2:5433/byline?targetServerType=primary", "app"))
                .isEqualTo("-U app -d 'postgresql://db1:5432,db2:5433/byline'");
    }
}
