package org.byline.essay.admin;

import org.byline.Config;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.byline.essay.admin.Admins.ATTRIBUTION;

/** The importer and the browser side by side: restarts never undo an admin's revision. */
class EssayAdminImportTest {
    static final String BROWSER_TEXT = "Rewritten in the browser.\n\nA second paragraph.\n";

    record Setup(Path file, Config config) {
    }

    static Setup seedOnly() throws Exception {
        Path essays = Files.createTempDirectory("byline-essays-");
        Path file = essays.resolve(ATTRIBUTION + ".md");
        Files.copy(Path.of("db/essays/" + ATTRIBUTION + ".md"), file);
        return new Setup(file, TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_ESSAYS_DIR", essays.toString())));
    }

    /** (revision, source, author handle) of every revision, oldest first. */
    static List<String> history(Config config) {
        return Db.of(config).withHandle(h -> h.createQuery(
                        "SELECT r.revision, r.source, a.handle FROM essay_revisions r JOIN accounts a ON a.id = r.author_id "
                                + "ORDER BY r.revision")
                .map((rs, ctx) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)).list());
    }

    static void reviseInTheBrowser(Setup setup) {
        TestApp.run(setup.config(), app -> {
            WebClient ada = Admins.admin(app, "ada");
            assertThat(Admins.revise(ada, ATTRIBUTION, BROWSER_TEXT).status()).isEqualTo(303);
        });
    }

    @Test
    void aBrowserRevisionOfASeedEssaySurvivesARestart() throws Exception {
        Setup setup = seedOnly();
        reviseInTheBrowser(setup);
        TestApp.run(setup.config(), app -> {
            assertThat(history(setup.config())).containsExactly("1 file owner", "2 browser ada");
            var page = app.client().get("/essays/" + ATTRIBUTION).html();
            assertThat(page.select(".essay-body p[id^=p-]").eachText()).containsExactly("Rewritten in the browser.", "A second paragraph.");
        });
    }

    @Test
    void aLaterChangeToTheFileStillBecomesANewRevision() throws Exception {
        Setup setup = seedOnly();
        reviseInTheBrowser(setup);
        TestApp.run(setup.config(), app -> assertThat(Db.count(setup.config(), "essay_revisions")).isEqualTo(2));

        Files.writeString(setup.file(), Files.readString(setup.file()) + "\nA paragraph added to the file later.\n");
        TestApp.run(setup.config(), app -> {
            assertThat(history(setup.config())).containsExactly("1 file owner", "2 browser ada", "3 file owner");
            var page = app.client().get("/essays/" + ATTRIBUTION).html();
            assertThat(page.select(".essay-body p[id^=p-]").last().text()).isEqualTo("A paragraph added to the file later.");
        });
        TestApp.run(setup.config(), app -> assertThat(Db.count(setup.config(), "essay_revisions")).isEqualTo(3));
    }

    @Test
    void anUnpublishedSeedEssayStaysUnpublishedAfterARestart() throws Exception {
        Setup setup = seedOnly();
        TestApp.run(setup.config(), app -> assertThat(Admins.admin(app, "ada")
                .post("/admin/essays/" + ATTRIBUTION + "/unpublish", Map.of()).status()).isEqualTo(303));
        TestApp.run(setup.config(), app -> {
            assertThat(app.client().get("/essays/" + ATTRIBUTION).status()).isEqualTo(404);
            assertThat(app.client().get("/").html().select(".essay-card")).isEmpty();
        });
    }

    @Test
    void theEssayFilesAreNeverWritten() throws Exception {
        Setup setup = seedOnly();
        String before = Files.readString(setup.file());
        reviseInTheBrowser(setup);
        assertThat(Files.readString(setup.file())).isEqualTo(before);
    }
}
