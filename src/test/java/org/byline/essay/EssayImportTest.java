package org.byline.essay;

import org.byline.support.Db;
import org.byline.support.TestApp;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EssayImportTest {

    @Test
    void restartingNeverDuplicatesEssays() {
        var config = TestApp.config(TestApp.freshDataDir(), env -> { });
        TestApp.run(config, app -> assertThat(Db.count(config, "essays")).isEqualTo(2));
        TestApp.run(config, app -> {
            assertThat(Db.count(config, "essays")).isEqualTo(2);
            assertThat(Db.count(config, "essay_revisions")).isEqualTo(2);
            assertThat(app.client().get("/").html().select(".essay-card")).hasSize(2);
        });
    }

    @Test
    void aChangedFileBecomesANewRevision() throws Exception {
        Path essays = Files.createTempDirectory("byline-essays-");
        Path file = essays.resolve("loss-of-attribution.md");
        Files.copy(Path.of("db/essays/loss-of-attribution.md"), file);
        var config = TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_ESSAYS_DIR", essays.toString()));
        TestApp.run(config, app -> assertThat(Db.count(config, "essay_revisions")).isEqualTo(1));

        Files.writeString(file, Files.readString(file) + "\nA paragraph added later.\n");
        TestApp.run(config, app -> {
            assertThat(Db.count(config, "essays")).isEqualTo(1);
            assertThat(Db.count(config, "essay_revisions")).isEqualTo(2);
            var page = app.client().get("/essays/loss-of-attribution").html();
            assertThat(page.select(".essay-body p[id^=p-]").last().text()).isEqualTo("A paragraph added later.");
        });
        TestApp.run(config, app -> assertThat(Db.count(config, "essay_revisions")).isEqualTo(2));
    }

    @Test
    void frontMatterIsRequired() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EssayFile.parse("bad.md", "no front matter"))
                .hasMessageContaining("bad.md").hasMessageContaining("slug");
    }
}
