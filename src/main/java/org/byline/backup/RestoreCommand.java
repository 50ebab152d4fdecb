package org.byline.backup;

import org.byline.Config;
import org.byline.db.H2Files;
import org.byline.db.PrivateDirectories;
import org.byline.ledger.SigningKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code restore FILE}: puts a {@code backup} archive's database file and signing key where the
 * {@code BYLINE_*} settings say, into an empty or absent data directory only, so a restore never mixes
 * with or overwrites a site. Everything is checked before the first byte is written; a failure half-way
 * removes what it wrote. Exit 0 on success, 1 when refused or failed, 2 for a usage error or PostgreSQL.
 */
public final class RestoreCommand {
    static final String USAGE = "usage: restore FILE  (into an empty or absent data directory)";

    private RestoreCommand() {
    }

    public static int run(Config config, String[] args, PrintStream out, PrintStream err) {
        Path file = CommandLine.fileArgument(args, USAGE, err);
        if (file == null) {
            return 2;
        }
        if (PostgresAdvice.applies(config)) {
            PostgresAdvice.restore(config, file, err);
            return 2;
        }
        if (!CommandLine.isEmbeddedH2File(config, "restore", err)) {
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            err.println("restore: " + file + " is not a file");
            return 1;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BackupArchive.Checked backup = BackupArchive.check(zip);
            String refusal = refusal(config, zip, backup);
            if (refusal != null) {
                err.println("restore: " + refusal + "; nothing was written");
                return 1;
            }
            String fingerprint = extract(config, zip, backup);
            out.println("Restored the backup of " + backup.manifest().getProperty("created") + " into " + config.dataDir().toAbsolutePath()
                    + (fingerprint != null ? " with the ledger signing key " + fingerprint : " (it had no signing key)")
                    + ". Run java -jar byline.jar verify before starting the app.");
            return 0;
        } catch (ZipException e) {
            err.println("restore: " + file + " is not a Byline backup (not a zip archive)");
            return 1;
        } catch (BackupArchive.NotABackup e) {
            err.println("restore: " + file + " is not a Byline backup (" + e.getMessage() + ")");
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("restore failed, nothing left behind: " + CommandLine.describe(e));
            return 1;
        }
    }

    /** Why the target cannot take this backup, or null when it can. */
    private static String refusal(Config config, ZipFile zip, BackupArchive.Checked backup) throws IOException {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            return "the data directory " + dataDir + " is a file";
        }
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    return "the data directory " + dataDir + " is not empty; restore only into an empty or absent directory";
                }
            }
        }
        Path database = H2Files.databaseFile(config.dbUrl());
        if (Files.exists(database)) {
            return "a database already exists at " + database;
        }
        Path keyFile = config.ledgerKeyFile().toAbsolutePath().normalize();
        if (backup.signingKey() != null && Files.exists(keyFile) && !sameBytes(zip, backup.signingKey(), keyFile)) {
            return "a different ledger signing key already exists at " + keyFile;
        }
        return null;
    }

    private static boolean sameBytes(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return Arrays.equals(in.readAllBytes(), Files.readAllBytes(file));
        }
    }

    /**
     * Each file goes to a temporary name beside its target, then is moved into place; on failure all are removed.
     * Returns the fingerprint of the restored signing key (null when the backup had none), read back from its
     * new place so that a key that does not load fails the restore here rather than the next start-up.
     */
    private static String extract(Config config, ZipFile zip, BackupArchive.Checked backup) throws IOException {
        List<Path> written = new ArrayList<>();
        try {
            place(zip, backup.database(), H2Files.databaseFile(config.dbUrl()), written);
            if (backup.signingKey() == null) {
                return null;
            }
            Path keyFile = config.ledgerKeyFile().toAbsolutePath().normalize();
            if (!Files.exists(keyFile)) {
                place(zip, backup.signingKey(), keyFile, written);
            }
            String fingerprint = SigningKey.loadOrCreate(keyFile).fingerprint();
            String expected = backup.manifest().getProperty("signing-key-fingerprint");
            if (expected != null && !expected.equals(fingerprint)) {
                throw new IOException("the restored signing key has fingerprint " + fingerprint + ", the backup's manifest says " + expected);
            }
            return fingerprint;
        } catch (IOException | RuntimeException e) {
            for (int i = written.size() - 1; i >= 0; i--) {
                CommandLine.deleteQuietly(written.get(i)); // files first, then the directories made for them
            }
            throw e;
        }
    }

    private static void place(ZipFile zip, ZipEntry entry, Path target, List<Path> written) throws IOException {
        Path dir = target.getParent();
        written.addAll(PrivateDirectories.create(dir));
        Path temp = Files.createTempFile(dir, ".byline-restore-", ".tmp"); // owner-only on POSIX
        written.add(temp);
        // written into the temporary file as created, keeping its owner-only permissions (the key is secret)
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(temp)) {
            in.transferTo(out);
        }
        try (FileChannel restored = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            restored.force(true); // on disk before it takes its name
        }
        Files.move(temp, target);
        written.add(target);
        CommandLine.syncDirectory(dir);
    }
}
