package org.byline.ledger;

import org.byline.Config;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the verify command in-process, as {@code java -jar byline.jar verify ...} would, and keeps what it printed. */
record LedgerCli(int exit, String out, String err) {

    static LedgerCli verify(Config config, String... more) {
        String[] args = new String[more.length + 1];
        args[0] = "verify";
        System.arraycopy(more, 0, args, 1, more.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(config, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new LedgerCli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String all() {
        return out + err;
    }
}
