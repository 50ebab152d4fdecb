package org.byline.ledger;

import org.byline.Config;
import org.byline.db.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code verify}: recomputes the ledger chain and checks every stored revision against it.
 * {@code verify --receipt FILE}: checks one receipt offline, without the database.
 * Exit code 0 when everything holds, 1 when something does not, 2 for a usage error.
 */
public final class VerifyCommand {
    private static final String USAGE = "usage: verify [--receipt FILE]";

    private VerifyCommand() {
    }

    public static int run(Config config, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1) {
            return verifyDatabase(config, out, err);
        }
        if (args.length == 3 && args[1].equals("--receipt")) {
            return verifyReceipt(Path.of(args[2]), out, err);
        }
        err.println(USAGE);
        return 2;
    }

    private static int verifyDatabase(Config config, PrintStream out, PrintStream err) {
        try (Database database = Database.open(config)) {
            LedgerVerifier.Result result = new LedgerVerifier(database.jdbi()).verify();
            (result.ok() ? out : err).println(result.summary());
            return result.ok() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("verify could not read the database: " + e.getMessage());
            return 1;
        }
    }

    private static int verifyReceipt(Path file, PrintStream out, PrintStream err) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("verify: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        Receipt.Check check = Receipt.check(bytes);
        if (!check.ok()) {
            err.println("Receipt INVALID: " + check.problem());
            if (check.fingerprint() != null) {
                err.println("Signing key fingerprint: " + check.fingerprint());
            }
            return 1;
        }
        out.println("Receipt valid: statement #" + check.statementId() + " revision " + check.revision()
                + " is ledger entry #" + check.seq() + " of " + check.at() + ".");
        out.println("Signing key fingerprint: " + check.fingerprint()
                + " (compare it with the one the site publishes at /ledger/key)");
        return 0;
    }
}
