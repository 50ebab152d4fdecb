package org.byline.backup;

import org.byline.Config;
import org.byline.support.Cli;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** On PostgreSQL, {@code backup} and {@code restore} hand over to pg_dump and pg_restore: exact commands, nothing written. */
class PostgresBackupTest {
    Config site;

    @BeforeEach
    void postgresSite() {
        assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only; H2: BackupRestoreTest");
        site = TestApp.config(TestApp.freshDataDir(), env -> { });
    }

    @AfterEach
    void dropDatabase() {
        if (site != null) {
            TestDatabase.drop(site.dbUrl());
        }
    }

    @Test
    void backupPrintsThePgDumpCommandAndWritesNothing() {
        Path file = TestApp.freshDataDir().resolve("site.dump");
        String database = site.dbUrl().substring(site.dbUrl().lastIndexOf('/') + 1);

        Cli result = Cli.backup(site, file.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("pg_dump -Fc -h localhost -p ", " -U postgres -d " + database + " -f " + file,
                "install -m 600 " + site.ledgerKeyFile().toAbsolutePath().normalize() + " " + file + ".ledger-signing-key");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void restorePrintsThePgRestoreCommandAndWritesNothing() {
        Path file = TestApp.freshDataDir().resolve("site.dump");

        Cli result = Cli.restore(site, file.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("pg_restore --no-owner --exit-on-error -h localhost", " " + file,
                "java -jar byline.jar verify");
        assertThat(Files.exists(site.ledgerKeyFile())).isFalse();
    }
}
