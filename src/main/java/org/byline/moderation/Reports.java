package org.byline.moderation;

import org.byline.account.Account;
import org.byline.comment.Statement;
import org.byline.db.UniqueViolation;
import org.byline.web.TextInput;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.Set;

/** Members report statements; the database allows one open report per member and statement. */
public final class Reports {
    public static final Set<String> REASONS = Set.of("spam", "harassment", "off-topic", "other");
    public static final int MAX_DETAILS = 1000;

    private final Jdbi jdbi;
    private final Clock clock;

    public Reports(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Files the report; returns the problem when it cannot be filed, else null. */
    public String file(Account reporter, Statement statement, String reason, String detailsInput) {
        String details = TextInput.normalise(detailsInput).strip();
        if (reason == null || !REASONS.contains(reason)) {
            return "Choose why you are reporting it: spam, harassment, off-topic or other.";
        }
        if (reason.equals("other") && details.isEmpty()) {
            return "Say what is wrong when the reason is \"other\".";
        }
        if (TextInput.length(details) > MAX_DETAILS) {
            return "The details are at most " + MAX_DETAILS + " characters.";
        }
        String bad = TextInput.forbiddenCharacter(details, true);
        if (bad != null) {
            return "The details contain " + bad + ".";
        }
        if (statement.authorId() == reporter.id()) {
            return "You cannot report your own statement; you can reply to it instead.";
        }
        if (!statement.isVisible()) {
            return "Only published, visible statements can be reported.";
        }
        try {
            jdbi.useExtension(ReportDao.class, dao -> dao.insert(statement.id(), reporter.id(), reason, details,
                    clock.instant(), statement.id() + ":" + reporter.id()));
        } catch (RuntimeException e) {
            UniqueViolation.rethrowUnlessRace(e);
            return "You have already reported statement #" + statement.id() + "; moderators will look at it.";
        }
        return null;
    }
}
