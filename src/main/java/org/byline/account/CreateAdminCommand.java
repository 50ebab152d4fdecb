package org.byline.account;

import org.byline.Config;
import org.byline.db.Database;
import org.byline.ledger.Ledger;
import org.byline.moderation.ModerationActions;
import org.byline.moderation.ModerationLogDao;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code create-admin --handle NAME [--name "Display Name"]}: the password is read from standard
 * input. Makes an existing account (the site owner's, say) an admin and sets its password, or
 * creates the account. The grant is logged under the new admin's own handle.
 */
public final class CreateAdminCommand {
    private CreateAdminCommand() {
    }

    public static int run(Config config, String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        String handle = null;
        String name = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--handle") && i + 1 < args.length) {
                handle = args[++i];
            } else if (args[i].equals("--name") && i + 1 < args.length) {
                name = args[++i];
            } else {
                err.println("usage: create-admin --handle NAME [--name \"Display Name\"]  (password on standard input)");
                return 2;
            }
        }
        if (handle == null || !Handles.isValid(handle)) {
            err.println("create-admin: --handle must be 3-30 characters of a-z, 0-9, '_' and '-'");
            return 2;
        }
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            err.println("create-admin: could not read the password from standard input: " + e.getMessage());
            return 2;
        }
        if (password == null || password.length() < Accounts.MIN_PASSWORD || password.length() > Accounts.MAX_PASSWORD) {
            err.println("create-admin: give a password of at least " + Accounts.MIN_PASSWORD + " characters on standard input");
            return 2;
        }
        String displayName = name != null && !name.isBlank() ? name.strip()
                : Handles.key(handle).equals(Handles.key(config.ownerHandle())) ? config.ownerDisplayName() : handle;
        String hash = new PasswordHasher().hash(password);
        String finalHandle = handle;
        try (Database database = Database.open(config)) {
            Instant now = Clock.systemUTC().instant();
            boolean created = database.jdbi().inTransaction(h -> {
                AccountDao accounts = h.attach(AccountDao.class);
                var existing = accounts.findByHandleKey(Handles.key(finalHandle));
                long id = existing.map(Account::id).orElseGet(() -> accounts.insert(finalHandle, Handles.key(finalHandle),
                        PersonNames.handleSkeleton(finalHandle), displayName, hash, now));
                accounts.setPasswordHash(id, hash);
                if (existing.isEmpty() || !existing.get().isAdmin()) {
                    accounts.setRole(id, Role.ADMIN.key());
                    String reason = "Made an admin from the command line (create-admin).";
                    h.attach(ModerationLogDao.class).insert(now, id, null, ModerationActions.GRANT_ADMIN,
                            ModerationActions.ACCOUNT, id, reason, null);
                    Ledger.append(h, now, Ledger.person(finalHandle), "role:" + ModerationActions.GRANT_ADMIN,
                            "account:" + finalHandle, Ledger.contentHash(reason));
                }
                return existing.isEmpty();
            });
            out.println((created ? "Created admin @" : "@") + finalHandle + (created ? "" : " is an admin; password set"));
            return 0;
        } catch (RuntimeException e) {
            err.println("create-admin failed: " + e.getMessage());
            return 1;
        }
    }
}
