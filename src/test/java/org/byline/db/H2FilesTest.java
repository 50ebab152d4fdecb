package org.byline.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The files of an H2 URL are found where H2 itself puts them. */
class H2FilesTest {
    @Test
    void theDatabaseFileOfAnAbsolutePathIsBesideIt() {
        assertThat(H2Files.databaseFile("jdbc:h2:file:/srv/byline/data/byline;AUTO_SERVER=TRUE"))
                .isEqualTo(Path.of("/srv/byline/data/byline.mv.db"));
    }

    @Test
    void aLeadingTildeIsTheHomeDirectory() {
        assertThat(H2Files.databaseFile("jdbc:h2:file:~/byline/db"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "byline", "db.mv.db"));
    }

    @Test
    void aRelativePathIsFromTheWorkingDirectory() {
        assertThat(H2Files.databaseFile("jdbc:h2:file:./data/byline;RETENTION_TIME=5000"))
                .isEqualTo(Path.of("data", "byline.mv.db").toAbsolutePath());
    }

    @Test
    void autoServerIsReadFromTheOptions() {
        assertThat(H2Files.autoServer("jdbc:h2:file:/d/byline;auto_server=true;RETENTION_TIME=5000")).isTrue();
        assertThat(H2Files.autoServer("jdbc:h2:file:/d/byline;RETENTION_TIME=5000")).isFalse();
        assertThat(H2Files.autoServer("jdbc:h2:file:/d/byline;AUTO_SERVER=1")).isTrue();
        assertThat(H2Files.autoServer("jdbc:h2:file:/d/byline; Auto_Server = yes")).isTrue();
        assertThat(H2Files.autoServer("jdbc:h2:file:/d/byline;AUTO_SERVER=FALSE")).isFalse();
    }
}
