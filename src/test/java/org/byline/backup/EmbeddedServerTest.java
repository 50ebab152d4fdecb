package org.byline.backup;

import org.byline.Config;
import org.byline.db.Database;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The H2 server that lets the backup command reach a running site is reachable from this host only, and
 * the lock file holding its key is in a directory only the app's user can read.
 */
class EmbeddedServerTest {
    @Test
    void theDatabaseServerAnswersOnLoopbackButNotOnTheNetwork() throws SocketException {
        assumeFalse(TestDatabase.isPostgres(), "the embedded H2 database only");
        Optional<InetAddress> network = NetworkInterface.networkInterfaces()
                .filter(nic -> !isLoopback(nic))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
        assumeTrue(network.isPresent(), "this host has a network address besides loopback");
        TestApp.run(app -> {
            Properties lock = new Properties();
            try (Reader reader = Files.newBufferedReader(app.config().dataDir().resolve("byline.lock.db"))) {
                lock.load(reader);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
            assertThatThrownBy(() -> {
                try (Socket outside = new Socket()) {
                    outside.connect(new InetSocketAddress(network.get(), port), 2_000);
                }
            }).isInstanceOf(IOException.class);
        });
    }

    @Test
    void theDataDirectoryTheAppCreatesIsReadableByItsUserOnly() throws IOException {
        assumeFalse(TestDatabase.isPostgres(), "the embedded H2 database only");
        Path dataDir = TestApp.freshDataDir().resolve("new").resolve("data");
        Config config = TestApp.config(dataDir, env -> { });
        TestApp.run(config, app -> { });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aDataDirectoryOpenToOthersIsClosedAtStart() throws IOException {
        assumeFalse(TestDatabase.isPostgres(), "the embedded H2 database only");
        Path dataDir = openToOthers(TestApp.freshDataDir().resolve("data"));
        TestApp.run(TestApp.config(dataDir, env -> { }), app -> { });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    }

    @Test
    void anAutoServerDatabaseInADirectoryOpenToOthersIsRefused() throws IOException {
        assumeFalse(TestDatabase.isPostgres(), "the embedded H2 database only");
        Path shared = openToOthers(TestApp.freshDataDir().resolve("shared"));
        Config config = TestApp.config(TestApp.freshDataDir(),
                env -> env.put("BYLINE_DB_URL", "jdbc:h2:file:" + shared.resolve("byline") + ";AUTO_SERVER=TRUE"));
        assertThatThrownBy(() -> Database.open(config).close())
                .hasMessageContaining(shared.toString()).hasMessageContaining("chmod 700");
        assertThat(shared.resolve("byline.mv.db")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
    }

    /** 0755 whatever this process's umask (which a creation mode passes through). */
    private static Path openToOthers(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback();
        } catch (SocketException e) {
            return true;
        }
    }
}
