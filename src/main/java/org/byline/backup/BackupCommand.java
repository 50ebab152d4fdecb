package org.byline.backup;

import org.byline.Config;
import org.byline.db.H2Files;
import org.byline.ledger.SigningKey;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code backup FILE}: a consistent copy of the embedded H2 database, taken while the app serves (or
 * not), with the ledger signing key, in one new zip readable by its owner only. H2's {@code BACKUP TO}
 * copies the database file under MVCC, so the copy holds exactly the transactions committed when it
 * began; with {@code AUTO_SERVER} (see {@link Config#h2FileUrl}) it runs inside the serving app.
 * Exit 0 on success, 1 when the backup failed, 2 for a usage error or a PostgreSQL database.
 */
public final class BackupCommand {
    static final String USAGE = "usage: backup FILE  (FILE must not exist yet)";

    private BackupCommand() {
    }

    public static int run(Config config, String[] args, PrintStream out, PrintStream err) {
        Path file = CommandLine.fileArgument(args, USAGE, err);
        if (file == null) {
            return 2;
        }
        if (PostgresAdvice.applies(config)) {
            PostgresAdvice.backup(config, file, err);
            return 2;
        }
        if (!CommandLine.isEmbeddedH2File(config, "backup", err)) {
            return 2;
        }
        if (Files.exists(file)) {
            err.println("backup: " + file + " already exists; a backup never replaces a file, give a new name");
            return 1;
        }
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            err.println("backup: cannot write " + file + ": directory " + dir + " does not exist");
            return 1;
        }
        Path archive = null;
        Path h2Backup;
        try {
            // both owner-only on POSIX and with unpredictable names: they hold the whole database
            archive = Files.createTempFile(dir, ".byline-backup-", ".tmp");
            h2Backup = Files.createTempFile(dir, ".byline-backup-", ".h2.zip");
        } catch (IOException e) {
            if (archive != null) {
                CommandLine.deleteQuietly(archive);
            }
            err.println("backup: cannot write in " + dir + ": " + CommandLine.describe(e));
            return 1;
        }
        try {
            copyDatabase(config, h2Backup);
            String fingerprint = writeArchive(config, h2Backup, archive);
            try (FileChannel written = FileChannel.open(archive, StandardOpenOption.WRITE)) {
                written.force(true); // on disk before it is called a backup
            }
            long bytes = Files.size(archive);
            Files.move(archive, file); // no replace: someone may have created FILE meanwhile
            CommandLine.syncDirectory(dir); // the new name, too, survives a power cut
            out.println("Backed up the database" + (fingerprint != null ? " and the ledger signing key (" + fingerprint + ")" : "")
                    + " to " + file + " (" + bytes + " bytes). Keep it secret: it holds the signing key and password hashes.");
            if (fingerprint == null) {
                err.println("backup: warning: no ledger signing key at " + config.ledgerKeyFile() + ", so none is in the backup");
            }
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("backup: " + file + " was created while the backup ran; nothing replaced");
            return 1;
        } catch (IOException | RuntimeException e) {
            String cause = CommandLine.describe(e);
            String hint = !H2Files.autoServer(config.dbUrl()) && cause.contains("already in use")
                    ? " (this H2 URL has no AUTO_SERVER=TRUE, so only a stopped app can be backed up)" : "";
            err.println("backup failed: " + cause + hint);
            return 1;
        } finally {
            CommandLine.deleteQuietly(h2Backup);
            CommandLine.deleteQuietly(archive);
        }
    }

    /** H2's own online backup; IFEXISTS so that a wrong data directory is an error, not a new empty database. */
    private static void copyDatabase(Config config, Path target) {
        Jdbi.create(config.dbUrl() + ";IFEXISTS=TRUE", config.dbUser(), config.dbPassword())
                .useHandle(h -> h.execute("BACKUP TO ?", target.toString()));
    }

    /** Writes database file, key and manifest into {@code archive}; returns the key's fingerprint, or null without a key. */
    private static String writeArchive(Config config, Path h2Backup, Path archive) throws IOException {
        Path keyFile = config.ledgerKeyFile();
        String fingerprint = Files.exists(keyFile) ? SigningKey.loadOrCreate(keyFile).fingerprint() : null;
        byte[] key = fingerprint != null ? Files.readAllBytes(keyFile) : null;
        try (ZipFile h2 = new ZipFile(h2Backup.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            List<ZipEntry> databaseFiles = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> entries = h2.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(BackupArchive.DATABASE_SUFFIX)) {
                    databaseFiles.add(entry); // H2 adds nothing else a restore needs (no trace or lock files)
                }
            }
            if (databaseFiles.size() != 1) {
                throw new IOException("H2's backup held " + databaseFiles.size() + " database files, expected 1");
            }
            ZipEntry database = databaseFiles.get(0);
            // one pass each: the database is digested as it is copied, the key read once; the manifest,
            // which needs both digests, goes last (restore finds it by name)
            zip.putNextEntry(new ZipEntry(BackupArchive.DATABASE_PREFIX + database.getName()));
            String databaseDigest;
            try (InputStream in = h2.getInputStream(database)) {
                databaseDigest = BackupArchive.copyWithSha256(in, zip);
            }
            zip.closeEntry();
            String keyDigest = null;
            if (key != null) {
                zip.putNextEntry(new ZipEntry(BackupArchive.SIGNING_KEY));
                keyDigest = BackupArchive.copyWithSha256(new ByteArrayInputStream(key), zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
            zip.write(manifest(fingerprint, databaseDigest, keyDigest).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return fingerprint;
    }

    /** The digests let restore tell a damaged backup from a good one before it writes anything. */
    private static String manifest(String fingerprint, String databaseDigest, String keyDigest) throws IOException {
        Properties p = new Properties();
        p.setProperty(BackupArchive.DATABASE_SHA256, databaseDigest);
        if (keyDigest != null) {
            p.setProperty(BackupArchive.SIGNING_KEY_SHA256, keyDigest);
        }
        p.setProperty("format", BackupArchive.FORMAT);
        p.setProperty("created", Instant.now().toString());
        p.setProperty("database", "h2 " + org.h2.engine.Constants.VERSION);
        p.setProperty("signing-key", Boolean.toString(fingerprint != null));
        if (fingerprint != null) {
            p.setProperty("signing-key-fingerprint", fingerprint);
        }
        StringWriter text = new StringWriter();
        p.store(text, "Byline backup: restore with java -jar byline.jar restore FILE");
        return text.toString();
    }
}
