package org.byline.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Creates a directory and its missing parents readable by the app's user only. The data directory holds
 * the database, the signing key and H2's lock file, whose key lets a local process into the database
 * through AUTO_SERVER (see Config.h2FileUrl): other local users must not read it.
 */
public final class PrivateDirectories {
    private PrivateDirectories() {
    }

    /** Returns the directories it created, outermost first (none when {@code dir} existed). */
    public static List<Path> create(Path dir) throws IOException {
        List<Path> made = new ArrayList<>();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && !Files.exists(d); d = d.getParent()) {
            made.add(0, d);
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        for (Path d : made) {
            if (posix) {
                Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(d);
            }
        }
        return made;
    }

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /**
     * Whether other users (group or others) may enter or list {@code dir}; false where the file system
     * has no POSIX permissions.
     */
    public static boolean openToOthers(Path dir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
        permissions.retainAll(OTHERS);
        return !permissions.isEmpty();
    }

    /** Takes group and others' permissions off {@code dir} (one an earlier version created 0755, say). */
    public static void closeToOthers(Path dir) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
        permissions.removeAll(OTHERS);
        Files.setPosixFilePermissions(dir, permissions);
    }
}
