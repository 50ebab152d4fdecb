package org.byline.support;

import org.byline.Config;
import org.byline.backup.BackupCommand;
import org.byline.backup.RestoreCommand;
import org.byline.ledger.VerifyCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command in-process, as {@code java -jar byline.jar COMMAND ...} would, and keeps what it printed. */
public record Cli(int exit, String out, String err) {

    /** The shape every command's {@code run} has. */
    public interface Command {
        int run(Config config, String[] args, PrintStream out, PrintStream err);
    }

    public static Cli verify(Config config, String... more) {
        return run(VerifyCommand::run, config, "verify", more);
    }

    public static Cli backup(Config config, String... more) {
        return run(BackupCommand::run, config, "backup", more);
    }

    public static Cli restore(Config config, String... more) {
        return run(RestoreCommand::run, config, "restore", more);
    }

    private static Cli run(Command command, Config config, String name, String... more) {
        String[] args = new String[more.length + 1];
        args[0] = name;
        System.arraycopy(more, 0, args, 1, more.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(config, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public String all() {
        return out + err;
    }
}
