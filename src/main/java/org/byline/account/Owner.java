package org.byline.account;

import org.byline.db.UniqueViolation;
import org.byline.Config;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/** The site owner's account: the person whose byline the essays carry. */
public final class Owner {
    private Owner() {
    }

    /** Finds or creates the owner's account. It has no password until an admin sets one. */
    public static Account ensure(Jdbi jdbi, Config config, Clock clock) {
        String handle = config.ownerHandle();
        if (!Handles.isValid(handle)) {
            throw new IllegalArgumentException("BYLINE_OWNER_HANDLE is not a valid handle: " + handle);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = jdbi.withExtension(AccountDao.class, dao -> dao.findByHandleKey(Handles.key(handle)));
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                jdbi.useExtension(AccountDao.class, dao ->
                        dao.insert(handle, Handles.key(handle), PersonNames.handleSkeleton(handle), config.ownerDisplayName(), null, clock.instant()));
            } catch (RuntimeException e) {
                UniqueViolation.rethrowUnlessRace(e); // another instance created it: found on the next pass
            }
        }
        throw new IllegalStateException("could not create the owner account " + handle);
    }
}
