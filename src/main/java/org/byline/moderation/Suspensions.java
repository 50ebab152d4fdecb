package org.byline.moderation;

import org.byline.account.Account;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.Optional;

/** Whether a suspension is in force: it ends by itself when its time is up, without a job to lift it. */
public final class Suspensions {
    private final Jdbi jdbi;
    private final Clock clock;

    public Suspensions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<ModerationEntry> active(Account account) {
        if (account == null || account.suspensionEntryId() == null) {
            return Optional.empty();
        }
        return jdbi.withExtension(ModerationLogDao.class, dao -> dao.findById(account.suspensionEntryId()))
                .filter(entry -> entry.endsAt() == null || entry.endsAt().isAfter(clock.instant()));
    }
}
