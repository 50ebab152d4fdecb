package org.byline.backup;

import org.byline.Config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What {@code backup FILE} and {@code restore FILE} share: their argument, their checks, their error messages. */
final class CommandLine {
    private CommandLine() {
    }

    /** The absolute FILE of {@code COMMAND FILE}, or null after printing the usage line. */
    static Path fileArgument(String[] args, String usage, PrintStream err) {
        if (args.length != 2 || args[1].isBlank() || args[1].startsWith("-")) {
            err.println(usage);
            return null;
        }
        try {
            return Path.of(args[1]).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            err.println("not a file name: " + e.getReason() + " (" + usage + ")");
            return null;
        }
    }

    /** Whether the configured database is an H2 file (the one these commands copy), printing why not otherwise. */
    static boolean isEmbeddedH2File(Config config, String command, PrintStream err) {
        if (config.dbUrl().startsWith("jdbc:h2:file:")) {
            return true;
        }
        err.println(command + ": only the embedded H2 database file (jdbc:h2:file:...) is handled by this command, not " + config.dbUrl());
        return false;
    }

    /** The first line of the cause, e.g. H2's "Database ... not found" or "AccessDeniedException: /x". */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IOException && !(e.getClass() == IOException.class)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Syncs a directory, so that a name just moved into it is on disk (Linux opens a directory for
     * this; where the platform cannot, the file's own sync has to do).
     */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported here (e.g. Windows)
        }
    }

    /** Removes a temporary or partly written file, if it is there. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray temporary file is left behind; the command's own result stands
        }
    }
}
