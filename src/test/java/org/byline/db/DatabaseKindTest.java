package org.byline.db;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the database matrix: the suite really runs on the database it was asked for. */
class DatabaseKindTest {
    @Test
    void theAppAndTheTestsUseTheChosenDatabase() {
        TestApp.run(app -> {
            assertThat(app.config().dbUrl()).startsWith(TestDatabase.isPostgres() ? "jdbc:postgresql:" : "jdbc:h2:");
            String product = Db.of(app.config()).withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());
            assertThat(product).isEqualTo(TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
            assertThat(app.client().get("/healthz").body()).contains("\"database\":\"ok\"");
        });
    }
}
