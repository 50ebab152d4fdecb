package org.byline.account;

import org.byline.db.UniqueViolation;
import org.byline.web.TextInput;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Registering and authenticating individual people. */
public final class Accounts {
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 1000;
    public static final int MAX_DISPLAY_NAME = 80;
    /** What was typed into the registration form, and the problems found per field. */
    public record Registration(String handle, String displayName, Map<String, String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Accounts(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates the account, or returns the problems with each field; nothing is written unless all is well. */
    public Registration register(String handleInput, String displayNameInput, String password) {
        String handle = handleInput == null ? "" : handleInput.strip();
        String displayName = displayNameInput == null ? "" : displayNameInput.strip().replaceAll("\\s+", " ");
        Map<String, String> problems = new LinkedHashMap<>();
        if (!Handles.isValid(handle)) {
            problems.put("handle", "A handle is 3 to 30 characters: letters a-z, digits, '_' and '-'.");
        } else if (PersonNames.handleProblem(handle) != null) {
            problems.put("handle", PersonNames.handleProblem(handle));
        }
        String badChar = TextInput.forbiddenCharacter(displayName, false);
        if (displayName.isEmpty()) {
            problems.put("displayName", "Enter the name to show next to your statements.");
        } else if (TextInput.length(displayName) > MAX_DISPLAY_NAME) {
            problems.put("displayName", "A display name is at most " + MAX_DISPLAY_NAME + " characters.");
        } else if (badChar != null) {
            problems.put("displayName", "The display name contains " + badChar + "; use printable characters only.");
        } else if (PersonNames.displayNameProblem(displayName) != null) {
            problems.put("displayName", PersonNames.displayNameProblem(displayName));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            problems.put("password", "A password needs at least " + MIN_PASSWORD + " characters.");
        } else if (password.length() > MAX_PASSWORD) {
            problems.put("password", "A password is at most " + MAX_PASSWORD + " characters.");
        }
        if (!problems.isEmpty()) {
            return new Registration(handle, displayName, problems);
        }
        // Hashed before the handle is looked up, so a taken handle costs the time of a new one. Saying
        // "taken" is no leak: every handle has a public page at /people/{handle}.
        String hash = hasher.hash(password);
        try {
            jdbi.useExtension(AccountDao.class, dao ->
                    dao.insert(handle, Handles.key(handle), PersonNames.handleSkeleton(handle), displayName, hash, clock.instant()));
        } catch (RuntimeException e) {
            UniqueViolation.rethrowUnlessRace(e);
            problems.put("handle", byHandle(handle).isPresent()
                    ? "The handle \"" + handle + "\" is taken; choose another."
                    : "The handle \"" + handle + "\" looks too much like an existing one; choose another.");
            return new Registration(handle, displayName, problems);
        }
        return new Registration(handle, displayName, Map.of());
    }

    public Optional<Account> byHandle(String handle) {
        if (!Handles.isValid(handle)) {
            return Optional.empty();
        }
        return jdbi.withExtension(AccountDao.class, dao -> dao.findByHandleKey(Handles.key(handle)));
    }

    /** The account when the password is right; the same time is spent whether or not the handle exists. */
    public Optional<Account> authenticate(String handle, String password) {
        Optional<Account> account = byHandle(handle == null ? "" : handle.strip());
        String pw = password == null ? "" : password;
        if (pw.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        if (account.isEmpty()) {
            hasher.verifyDecoy(pw);
            return Optional.empty();
        }
        String hash = jdbi.withExtension(AccountDao.class, dao -> dao.findPasswordHash(account.get().id())).orElse(null);
        return hasher.verify(pw, hash) ? account : Optional.empty();
    }
}
