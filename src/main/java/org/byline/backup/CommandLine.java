package org.byline.backup;

import java.io.PrintStream;
import java.nio.file.Path;

/** What {@code backup FILE} and {@code restore FILE} share on the command line. */
final class CommandLine {
    private CommandLine() {
    }

    /** The absolute FILE of {@code COMMAND FILE}, or null after printing the usage line. */
    static Path fileArgument(String[] args, String usage, PrintStream err) {
        if (args.length != 2 || args[1].isBlank() || args[1].startsWith("-")) {
            err.println(usage);
            return null;
        }
        return Path.of(args[1]).toAbsolutePath().normalize();
    }
}
