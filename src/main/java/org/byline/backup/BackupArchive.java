package org.byline.backup;

import org.byline.db.H2Files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The layout of a Byline backup: one zip holding a manifest, the H2 database file from H2's own
 * {@code BACKUP TO} and, when the site has one, the ledger signing key (which lives outside the
 * database on purpose, see {@code ledger.SigningKey}).
 */
final class BackupArchive {
    static final String MANIFEST = "byline-backup.properties";
    static final String FORMAT = "byline-backup-1";
    static final String DATABASE_PREFIX = "database/";
    static final String DATABASE_SUFFIX = H2Files.DATABASE_SUFFIX;
    static final String SIGNING_KEY = "ledger-signing-key";

    private BackupArchive() {
    }

    /** Why a file cannot be restored; its message completes "FILE is not a Byline backup (...)". */
    static final class NotABackup extends Exception {
        NotABackup(String reason) {
            super(reason);
        }
    }

    /** An archive that has passed every check: its manifest, its one database file and its key (or null). */
    record Checked(Properties manifest, ZipEntry database, ZipEntry signingKey) {
    }

    /** Checks the whole layout before anything is written, so a refused restore writes nothing. */
    static Checked check(ZipFile zip) throws NotABackup, IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new NotABackup("no " + MANIFEST + " in it");
        }
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            manifest.load(new StringReader(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)));
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new NotABackup("its manifest says format " + manifest.getProperty("format") + ", not " + FORMAT);
        }
        ZipEntry database = null;
        ZipEntry key = null;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.equals(MANIFEST)) {
                continue;
            }
            if (name.equals(SIGNING_KEY)) {
                key = entry;
            } else if (isDatabaseFile(name) && database == null) {
                database = entry;
            } else {
                // only names we write ourselves: nothing else is extracted, so no path can escape the target
                throw new NotABackup("unexpected entry " + name);
            }
        }
        if (database == null) {
            throw new NotABackup("no database file in it");
        }
        if (Boolean.parseBoolean(manifest.getProperty("signing-key")) != (key != null)) {
            throw new NotABackup("its manifest and its signing key entry disagree");
        }
        checkDigest(zip, database, manifest.getProperty(DATABASE_SHA256), "database file");
        if (key != null) {
            checkDigest(zip, key, manifest.getProperty(SIGNING_KEY_SHA256), "signing key");
        }
        return new Checked(manifest, database, key);
    }

    static final String DATABASE_SHA256 = "database-sha256";
    static final String SIGNING_KEY_SHA256 = "signing-key-sha256";

    /** Backups from before the digests were written have none: for those, the zip's own checks stand. */
    private static void checkDigest(ZipFile zip, ZipEntry entry, String expected, String what) throws NotABackup, IOException {
        if (expected == null) {
            return;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            if (!sha256(in).equals(expected)) {
                throw new NotABackup("its " + what + " does not match the manifest's SHA-256: the file is damaged");
            }
        }
    }

    /** The hex SHA-256 of a stream, read to its end. */
    static String sha256(InputStream in) throws IOException {
        return copyWithSha256(in, OutputStream.nullOutputStream());
    }

    /** Copies a stream to its end and answers the hex SHA-256 of what it copied. */
    static String copyWithSha256(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static boolean isDatabaseFile(String name) {
        if (!name.startsWith(DATABASE_PREFIX) || !name.endsWith(DATABASE_SUFFIX)) {
            return false;
        }
        String file = name.substring(DATABASE_PREFIX.length());
        return !file.contains("/") && !file.contains("\\") && file.length() > DATABASE_SUFFIX.length();
    }
}
