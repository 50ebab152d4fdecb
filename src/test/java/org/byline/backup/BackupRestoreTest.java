package org.byline.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.byline.Config;
import org.byline.ledger.SigningKey;
import org.byline.support.Cli;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.byline.support.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code backup} and {@code restore} on the embedded H2 database, in-process as an operator would run
 * them on a stopped site. (The online backup from a second process is {@link OnlineBackupTest}.)
 */
class BackupRestoreTest {
    static final String ESSAY = "loss-of-attribution";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One site, some activity, stopped, then backed up: what the tests below restore. */
    static Path backup;
    static long statementId;
    static String publicKey;
    static Path receipt;

    @BeforeAll
    static void backUpAStoppedSite() throws IOException {
        assumeFalse(TestDatabase.isPostgres(), "backup/restore of the embedded database; PostgreSQL: PostgresBackupTest");
        Config[] site = new Config[1];
        TestApp.run(app -> {
            site[0] = app.config();
            WebClient alice = app.client().signedUp("alice");
            statementId = WebClient.postedId(alice.comment(ESSAY, "Backed up, word for word."));
            publicKey = JSON.readTree(alice.get("/ledger/key").body()).get("publicKey").asText();
            receipt = Files.writeString(Files.createTempFile("byline-receipt-", ".json"),
                    alice.get("/statements/" + statementId + "/receipt").body());
        });
        backup = TestApp.freshDataDir().resolve("site.zip");
        Cli result = Cli.backup(site[0], backup.toString());
        assertThat(result.exit()).as(result.all()).isZero();
    }

    static Config emptySite() {
        return TestApp.config(TestApp.freshDataDir().resolve("data"), env -> { });
    }

    @Test
    void aRestoredDataDirectoryVerifies() {
        Config restored = emptySite();
        Cli restore = Cli.restore(restored, backup.toString());
        assertThat(restore.exit()).as(restore.all()).isZero();
        assertThat(restore.out()).contains("Restored", SigningKey.fingerprint(publicKey));

        Cli verify = Cli.verify(restored);
        assertThat(verify.exit()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("1 statement revisions", "2 essay revisions");
    }

    @Test
    void aRestoredSiteServesTheStatementsAndSignsWithTheSameKey() {
        Config restored = emptySite();
        assertThat(Cli.restore(restored, backup.toString()).exit()).isZero();
        TestApp.run(restored, app -> {
            WebClient reader = app.client();
            assertThat(reader.get("/statements/" + statementId).body()).contains("Backed up, word for word.");
            assertThat(JSON.readTree(reader.get("/ledger/key").body()).get("publicKey").asText()).isEqualTo(publicKey);
            JsonNode head = JSON.readTree(reader.get("/ledger/head").body());
            String signed = "byline-ledger-head-v1\n" + head.get("seq").asLong() + "\n" + head.get("hash").asText() + "\n" + head.get("at").asText();
            assertThat(SigningKey.verify(publicKey, signed, head.get("signature").asText())).isTrue();
            // a receipt issued before the backup names the key the restored site publishes
            Cli check = Cli.verify(app.config(), "--receipt", receipt.toString());
            assertThat(check.exit()).as(check.all()).isZero();
            assertThat(check.out()).contains(SigningKey.fingerprint(publicKey));
        });
    }

    @Test
    void restoreRefusesANonEmptyDataDirectoryAndWritesNothing() throws IOException {
        Config occupied = emptySite();
        Files.createDirectories(occupied.dataDir());
        Files.writeString(occupied.dataDir().resolve("notes.txt"), "someone's file");

        Cli restore = Cli.restore(occupied, backup.toString());
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err().strip()).contains("is not empty").doesNotContain("\n");
        assertThat(listing(occupied.dataDir())).containsExactly("notes.txt");
    }

    @Test
    void restoreRefusesADataDirectoryThatHoldsADatabase() {
        Config site = emptySite();
        assertThat(Cli.restore(site, backup.toString()).exit()).isZero();
        List<String> before = listing(site.dataDir());

        Cli again = Cli.restore(site, backup.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("is not empty", "nothing was written");
        assertThat(listing(site.dataDir())).isEqualTo(before).contains("byline.mv.db", "ledger-signing-key");
    }

    @Test
    void restoreRefusesADifferentSigningKeyAlreadyInPlace() throws IOException {
        Path otherKey = TestApp.freshDataDir().resolve("mounted-key");
        SigningKey.loadOrCreate(otherKey);
        String keyBefore = Files.readString(otherKey);
        Config site = TestApp.config(TestApp.freshDataDir().resolve("data"), env -> env.put("BYLINE_LEDGER_KEY_FILE", otherKey.toString()));

        Cli restore = Cli.restore(site, backup.toString());
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("a different ledger signing key already exists at " + otherKey);
        assertThat(Files.exists(site.dataDir())).isFalse();
        assertThat(Files.readString(otherKey)).isEqualTo(keyBefore);
    }

    /** A backup from before manifests held digests: the key is checked by loading it once restored. */
    @Test
    void aBackupWhoseSigningKeyDoesNotLoadIsNotRestoredAndLeavesNothing() throws IOException {
        Path damaged = rewrittenBackup("damaged-key.zip", (name, bytes) ->
                name.equals(BackupArchive.SIGNING_KEY) ? "not a key".getBytes(StandardCharsets.US_ASCII)
                        : name.equals(BackupArchive.MANIFEST) ? withoutProperty(bytes, BackupArchive.SIGNING_KEY_SHA256)
                        : bytes);
        Config site = emptySite();

        Cli restore = Cli.restore(site, damaged.toString());
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("restore failed, nothing left behind", "ledger signing key");
        assertThat(Files.exists(site.dataDir())).isFalse();
    }

    @Test
    void restoreRefusesAFileThatIsNotAZip() throws IOException {
        Path text = Files.writeString(TestApp.freshDataDir().resolve("notes.zip"), "not a backup at all");
        Config site = emptySite();

        Cli restore = Cli.restore(site, text.toString());
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err().strip()).isEqualTo("restore: " + text + " is not a Byline backup (not a zip archive)");
        assertThat(Files.exists(site.dataDir())).isFalse();
    }

    @Test
    void restoreRefusesAZipThatIsNotABackup() throws IOException {
        Path zip = TestApp.freshDataDir().resolve("photos.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("database/byline.mv.db"));
            out.write("just bytes".getBytes(StandardCharsets.UTF_8));
        }
        Config site = emptySite();

        Cli restore = Cli.restore(site, zip.toString());
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("is not a Byline backup (no byline-backup.properties in it)");
        assertThat(Files.exists(site.dataDir())).isFalse();
    }

    @Test
    void restoreRefusesABackupWhoseDatabaseWasDamaged() throws IOException {
        Path damaged = rewrittenBackup("damaged.zip", (name, bytes) -> {
            if (name.startsWith(BackupArchive.DATABASE_PREFIX)) {
                bytes[bytes.length / 2] ^= 1; // one bit, as a bad disk or a bad copy would
            }
            return bytes;
        });
        Config site = emptySite();

        Cli restore = Cli.restore(site, damaged.toString());
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("is not a Byline backup (its database file does not match the manifest's SHA-256");
        assertThat(Files.exists(site.dataDir())).isFalse();
    }

    @Test
    void backupRefusesToReplaceAnExistingFile() throws IOException {
        Path existing = Files.writeString(TestApp.freshDataDir().resolve("important.zip"), "keep me");

        Cli result = Cli.backup(emptySite(), existing.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).contains("already exists").doesNotContain("\n");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void backupIntoAMissingDirectoryIsRefused() {
        Path nowhere = TestApp.freshDataDir().resolve("no-such-dir").resolve("site.zip");

        Cli result = Cli.backup(emptySite(), nowhere.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("backup: cannot write " + nowhere + ": directory " + nowhere.getParent() + " does not exist");
    }

    @Test
    void backupOfADataDirectoryWithoutADatabaseFailsAndCreatesNone() {
        Config empty = emptySite();
        Path target = TestApp.freshDataDir().resolve("site.zip");

        Cli result = Cli.backup(empty, target.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("backup failed: ").contains("not found");
        assertThat(Files.exists(target)).isFalse();
        assertThat(listing(target.getParent())).isEmpty();
    }

    @Test
    void backupAndRestoreRefuseAnH2DatabaseThatIsNotAFile() {
        Config inMemory = TestApp.config(TestApp.freshDataDir(), env -> env.put("BYLINE_DB_URL", "jdbc:h2:mem:byline"));
        Path target = TestApp.freshDataDir().resolve("memory.zip");

        Cli backupOfMemory = Cli.backup(inMemory, target.toString());
        Cli restoreIntoMemory = Cli.restore(inMemory, backup.toString());
        assertThat(backupOfMemory.exit()).isEqualTo(2);
        assertThat(backupOfMemory.err()).contains("backup: only the embedded H2 database file (jdbc:h2:file:...)", "jdbc:h2:mem:byline");
        assertThat(restoreIntoMemory.exit()).isEqualTo(2);
        assertThat(restoreIntoMemory.err()).contains("restore: only the embedded H2 database file");
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void backupAndRestoreWithoutAFileAreUsageErrors() {
        Cli backupUsage = Cli.backup(emptySite());
        Cli restoreUsage = Cli.restore(emptySite());
        assertThat(backupUsage.exit()).isEqualTo(2);
        assertThat(backupUsage.err().strip()).startsWith("usage: backup FILE");
        assertThat(restoreUsage.exit()).isEqualTo(2);
        assertThat(restoreUsage.err().strip()).startsWith("usage: restore FILE");
    }

    @Test
    void aFileNameThePlatformRefusesIsAUsageError() {
        Cli backup = Cli.backup(emptySite(), "backup\u0000.zip");
        assertThat(backup.exit()).isEqualTo(2);
        assertThat(backup.err()).contains("not a file name", "usage: backup FILE");
    }

    @Test
    void aRestoredKeyMustHaveTheManifestsFingerprint() throws IOException {
        Path altered = rewrittenBackup("other-fingerprint.zip", (name, bytes) -> name.equals(BackupArchive.MANIFEST)
                ? withProperty(bytes, "signing-key-fingerprint", "sha256:" + "0".repeat(64)) : bytes);
        Config site = emptySite();

        Cli restore = Cli.restore(site, altered.toString());
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("restore failed, nothing left behind", "the backup's manifest says sha256:000");
        assertThat(Files.exists(site.dataDir())).isFalse();
    }

    /** A copy of the shared backup with each entry's bytes passed through {@code change} (entry name, bytes). */
    private static Path rewrittenBackup(String fileName, BiFunction<String, byte[], byte[]> change) throws IOException {
        Path copy = TestApp.freshDataDir().resolve(fileName);
        try (ZipFile original = new ZipFile(backup.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : Collections.list(original.entries())) {
                byte[] bytes;
                try (var in = original.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(change.apply(entry.getName(), bytes));
                out.closeEntry();
            }
        }
        return copy;
    }

    private static byte[] withoutProperty(byte[] manifest, String name) {
        return changedManifest(manifest, p -> p.remove(name));
    }

    private static byte[] withProperty(byte[] manifest, String name, String value) {
        return changedManifest(manifest, p -> p.setProperty(name, value));
    }

    private static byte[] changedManifest(byte[] manifest, Consumer<Properties> change) {
        try {
            Properties properties = new Properties();
            properties.load(new ByteArrayInputStream(manifest));
            change.accept(properties);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            properties.store(out, null);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> listing(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
