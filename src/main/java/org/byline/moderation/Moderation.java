package org.byline.moderation;

import org.byline.account.Account;
import org.byline.account.AccountDao;
import org.byline.account.Role;
import org.byline.comment.Statement;
import org.byline.comment.StatementDao;
import org.byline.essay.Essay;
import org.byline.ledger.Ledger;
import org.byline.web.TextInput;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every moderation action: one transaction that writes the public log entry naming the acting
 * moderator and changes the target only if it is still in the state the action expects, so two
 * moderators acting at once produce one entry, not two.
 */
public final class Moderation {
    public static final int MAX_REASON = 2000;

    /** The log entry an action wrote, or why it was not taken. */
    public record Result(long entryId, String problem) {
        public boolean done() {
            return problem == null;
        }

        static Result refused(String problem) {
            return new Result(0, problem);
        }
    }

    /** Thrown inside a transaction to roll it back with a message for the moderator. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Moderation(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The problem with a reason as typed, or null when it can be logged. */
    public static String reasonProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "Give a reason: it is shown publicly with the action, in the moderation log.";
        }
        if (TextInput.length(reason) > MAX_REASON) {
            return "A reason is at most " + MAX_REASON + " characters.";
        }
        String bad = TextInput.forbiddenCharacter(TextInput.normalise(reason), true);
        return bad == null ? null : "The reason contains " + bad + ".";
    }

    public Result actOnStatement(Account moderator, String action, long statementId, String reason) {
        if (!ModerationActions.ON_STATEMENT.contains(action)) {
            return unknown(action, "a statement");
        }
        return act(moderator, action, "statement:" + statementId, reason, (h, now, why) -> {
            StatementDao statements = h.attach(StatementDao.class);
            Statement s = statements.findById(statementId).orElseThrow(() -> new Refused("There is no statement #" + statementId + "."));
            ModerationLogDao log = h.attach(ModerationLogDao.class);
            long entry = log.insert(now, moderator.id(), null, action, ModerationActions.STATEMENT, statementId, why, null);
            int changed = switch (action) {
                case ModerationActions.HIDE -> {
                    if (s.authorId() == moderator.id()) {
                        throw new Refused("You cannot moderate your own statement; ask another moderator.");
                    }
                    yield transition(h, statementId, Statement.VISIBLE, Statement.HIDDEN, entry, "only a published, visible statement can be hidden");
                }
                case ModerationActions.RESTORE -> transition(h, statementId, Statement.HIDDEN, Statement.VISIBLE, entry, "only a hidden statement can be restored");
                case ModerationActions.APPROVE -> transition(h, statementId, Statement.PENDING, Statement.VISIBLE, entry, "only a statement awaiting review can be approved");
                case ModerationActions.REJECT -> transition(h, statementId, Statement.PENDING, Statement.REJECTED, entry, "only a statement awaiting review can be rejected");
                case ModerationActions.LOCK -> {
                    if (s.isLocked()) {
                        throw new Refused("Replies below statement #" + statementId + " are already locked.");
                    }
                    yield h.createUpdate("UPDATE statements SET lock_entry_id = :entry WHERE id = :id AND lock_entry_id IS NULL")
                            .bind("entry", entry).bind("id", statementId).execute();
                }
                case ModerationActions.UNLOCK -> {
                    if (!s.isLocked()) {
                        throw new Refused("Statement #" + statementId + " is not locked.");
                    }
                    yield h.createUpdate("UPDATE statements SET lock_entry_id = NULL WHERE id = :id AND lock_entry_id = :previous")
                            .bind("id", statementId).bind("previous", s.lockEntryId()).execute();
                }
                case ModerationActions.DISMISS -> 0; // only resolves the reports, below
                case ModerationActions.ERASE -> {
                    if (moderator.roleEnum() != Role.ADMIN) {
                        throw new Refused("Only admins can erase a statement (on legal request).");
                    }
                    if (s.isErased()) {
                        throw new Refused("Statement #" + statementId + " is already erased.");
                    }
                    // lock the statement first, so an edit cannot add a readable revision after the text is gone
                    h.createQuery("SELECT id FROM statements WHERE id = :id FOR UPDATE").bind("id", statementId).mapTo(Long.class).one();
                    // the text of every revision goes; times, hashes and the tombstone stay
                    h.createUpdate("UPDATE statement_revisions SET body = NULL WHERE statement_id = :id").bind("id", statementId).execute();
                    yield h.createUpdate("UPDATE statements SET status = 'erased', status_entry_id = :entry WHERE id = :id AND status <> 'erased'")
                            .bind("entry", entry).bind("id", statementId).execute();
                }
                default -> throw new Refused("Unknown action \"" + TextInput.shorten(action) + "\" for a statement.");
            };
            int resolved = 0;
            if (action.equals(ModerationActions.HIDE) || action.equals(ModerationActions.DISMISS)
                    || action.equals(ModerationActions.REJECT)) {
                resolved = h.createUpdate("UPDATE reports SET resolved_entry_id = :entry, open_key = NULL "
                        + "WHERE statement_id = :id AND open_key IS NOT NULL").bind("entry", entry).bind("id", statementId).execute();
            }
            if (action.equals(ModerationActions.DISMISS) && resolved == 0) {
                throw new Refused("Statement #" + statementId + " has no open reports to dismiss.");
            }
            if (!action.equals(ModerationActions.DISMISS) && changed != 1) {
                throw new Refused("Statement #" + statementId + " changed meanwhile; reload and check.");
            }
            return entry;
        });
    }

    public Result actOnEssay(Account moderator, String action, Essay essay, String reason) {
        if (!ModerationActions.ON_ESSAY.contains(action)) {
            return unknown(action, "an essay");
        }
        return act(moderator, action, "essay:" + essay.slug(), reason, (h, now, why) -> {
            long entry = h.attach(ModerationLogDao.class).insert(now, moderator.id(), null, action, ModerationActions.ESSAY, essay.id(), why, null);
            int changed = switch (action) {
                case ModerationActions.LOCK -> h.createUpdate("UPDATE essays SET lock_entry_id = :entry WHERE id = :id AND lock_entry_id IS NULL")
                        .bind("entry", entry).bind("id", essay.id()).execute();
                case ModerationActions.UNLOCK -> h.createUpdate("UPDATE essays SET lock_entry_id = NULL WHERE id = :id AND lock_entry_id IS NOT NULL")
                        .bind("id", essay.id()).execute();
                default -> throw new Refused("Unknown action \"" + TextInput.shorten(action) + "\" for an essay.");
            };
            if (changed != 1) {
                throw new Refused(action.equals(ModerationActions.LOCK) ? "The essay is already locked." : "The essay is not locked.");
            }
            return entry;
        });
    }

    /** Refused before anything is written: the log's action column would not even take a long one. */
    private static Result unknown(String action, String what) {
        return new Result(0, "Unknown action \"" + TextInput.shorten(action) + "\" for " + what + ".");
    }

    /** Suspends for {@code duration}, or indefinitely when it is empty. */
    public Result suspend(Account moderator, Account target, Optional<Duration> duration, String reason) {
        return act(moderator, ModerationActions.SUSPEND, "account:" + target.handle(), reason, (h, now, why) -> {
            checkAuthority(moderator, target);
            Instant until = duration.map(now::plus).orElse(null);
            long entry = h.attach(ModerationLogDao.class).insert(now, moderator.id(), null, ModerationActions.SUSPEND,
                    ModerationActions.ACCOUNT, target.id(), why, until);
            h.attach(AccountDao.class).setSuspension(target.id(), entry);
            return entry;
        });
    }

    public Result liftSuspension(Account moderator, Account target, boolean suspended, String reason) {
        return act(moderator, ModerationActions.UNSUSPEND, "account:" + target.handle(), reason, (h, now, why) -> {
            checkAuthority(moderator, target);
            if (!suspended) {
                throw new Refused("@" + target.handle() + " is not suspended.");
            }
            long entry = h.attach(ModerationLogDao.class).insert(now, moderator.id(), null, ModerationActions.UNSUSPEND,
                    ModerationActions.ACCOUNT, target.id(), why, null);
            h.attach(AccountDao.class).setSuspension(target.id(), null);
            return entry;
        });
    }

    /** Admins grant and revoke the moderator role; that too is a logged action. */
    public Result setModerator(Account admin, Account target, boolean moderator, String reason) {
        return act(admin, moderator ? ModerationActions.GRANT_MODERATOR : ModerationActions.REVOKE_MODERATOR,
                "account:" + target.handle(), reason, (h, now, why) -> {
            if (admin.roleEnum() != Role.ADMIN) {
                throw new Refused("Only admins can grant or revoke the moderator role.");
            }
            if (target.roleEnum() == Role.ADMIN) {
                throw new Refused("@" + target.handle() + " is an admin; admin rights are granted from the command line.");
            }
            if ((target.roleEnum() == Role.MODERATOR) == moderator) {
                throw new Refused("@" + target.handle() + (moderator ? " is already a moderator." : " is not a moderator."));
            }
            long entry = h.attach(ModerationLogDao.class).insert(now, admin.id(), null,
                    moderator ? ModerationActions.GRANT_MODERATOR : ModerationActions.REVOKE_MODERATOR,
                    ModerationActions.ACCOUNT, target.id(), why, null);
            h.attach(AccountDao.class).setRole(target.id(), (moderator ? Role.MODERATOR : Role.MEMBER).key());
            return entry;
        });
    }

    private static void checkAuthority(Account moderator, Account target) {
        if (moderator.id() == target.id()) {
            throw new Refused("You cannot suspend yourself or lift your own suspension.");
        }
        if (target.roleEnum() == Role.ADMIN || (target.canModerate() && moderator.roleEnum() != Role.ADMIN)) {
            throw new Refused("@" + target.handle() + " is a " + target.role() + "; only an admin can suspend a moderator, and admins cannot be suspended here.");
        }
    }

    private static int transition(Handle h, long id, String from, String to, long entry, String rule) {
        int changed = h.createUpdate("UPDATE statements SET status = :to, status_entry_id = :entry WHERE id = :id AND status = :from")
                .bind("to", to).bind("entry", entry).bind("id", id).bind("from", from).execute();
        if (changed != 1) {
            throw new Refused("Statement #" + id + " cannot be changed this way: " + rule + ".");
        }
        return changed;
    }

    private interface Step {
        long run(Handle h, Instant now, String reason);
    }

    /** Runs one action in a transaction that also appends it to the ledger, under the acting person. */
    private Result act(Account moderator, String action, String ledgerTarget, String reason, Step step) {
        if (moderator == null || !moderator.canModerate()) {
            return Result.refused("Only moderators and admins can do this.");
        }
        String problem = reasonProblem(reason);
        if (problem != null) {
            return Result.refused(problem);
        }
        String why = TextInput.normalise(reason).strip();
        try {
            return new Result(jdbi.inTransaction(h -> {
                Instant now = clock.instant();
                long entry = step.run(h, now, why);
                Ledger.append(h, now, Ledger.person(moderator.handle()), "moderation:" + action, ledgerTarget, Ledger.contentHash(why));
                return entry;
            }), null);
        } catch (Refused refused) {
            return Result.refused(refused.getMessage());
        }
    }
}
