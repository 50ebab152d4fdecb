package org.byline.essay.admin;

import org.byline.ledger.Ledger;
import org.byline.account.Account;
import org.byline.db.UniqueViolation;
import org.byline.essay.Essay;
import org.byline.essay.EssayDao;
import org.byline.essay.EssayFile;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writing, revising, publishing and unpublishing essays in the browser. Each change is one
 * transaction: a revision is written whole or not at all, attributed to the admin who made it, and
 * never replaces an earlier one.
 */
public final class EssayEditing {
    /** essay_revisions.source of a revision an admin wrote in the browser. */
    public static final String SOURCE_BROWSER = "browser";

    public enum Kind {
        /** A new revision was written. */
        SAVED,
        /** The text, title and date equal the latest revision: nothing was written. */
        UNCHANGED,
        /** Someone revised the essay after this form was opened: nothing was written. */
        CONFLICT,
        /** The form has problems: nothing was written. */
        INVALID
    }

    /** What a create or revise did; {@code revision} is the new one (SAVED) or the current one. */
    public record Outcome(Kind kind, int revision, Map<String, String> problems) {
        static Outcome invalid(Map<String, String> problems) {
            return new Outcome(Kind.INVALID, 0, problems);
        }
    }

    /** Thrown inside a transaction to roll it back. */
    private static final class Abort extends RuntimeException {
        private final Outcome outcome;

        Abort(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public EssayEditing(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public List<AdminEssayRow> all() {
        return jdbi.withExtension(EssayAdminDao.class, EssayAdminDao::listAll);
    }

    public Optional<AdminEssayRow> row(String slug) {
        return jdbi.withExtension(EssayAdminDao.class, dao -> dao.findRow(slug));
    }

    public Optional<Essay> essay(String slug) {
        return jdbi.withExtension(EssayDao.class, dao -> dao.findLatestIncludingUnpublished(slug));
    }

    public List<RevisionSummary> revisions(String slug) {
        return jdbi.withExtension(EssayAdminDao.class, dao -> dao.revisions(slug));
    }

    public Optional<EssayRevision> revision(String slug, int revision) {
        return jdbi.withExtension(EssayAdminDao.class, dao -> dao.revision(slug, revision));
    }

    /** A new essay as a draft with revision 1, both attributed to {@code admin}. */
    public Outcome create(Account admin, EssayForm form) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return Outcome.invalid(problems);
        }
        EssayForm.Valid essay = form.valid();
        String taken = "There is already an essay called \"" + essay.slug() + "\"; choose another slug.";
        try {
            return jdbi.inTransaction(h -> {
                EssayDao essays = h.attach(EssayDao.class);
                if (essays.findId(essay.slug()).isPresent()) {
                    throw new Abort(Outcome.invalid(Map.of("slug", taken)));
                }
                Instant now = clock.instant();
                long id = h.attach(EssayAdminDao.class).insertDraft(essay.slug(), admin.id(), now);
                insertRevision(h, id, 1, essay, admin, now);
                return new Outcome(Kind.SAVED, 1, Map.of());
            });
        } catch (Abort abort) {
            return abort.outcome;
        } catch (RuntimeException e) {
            UniqueViolation.rethrowUnlessRace(e); // created by another admin at the same moment
            return Outcome.invalid(Map.of("slug", taken));
        }
    }

    /**
     * A new revision of {@code slug} by {@code admin}, unless nothing changed or someone revised the
     * essay after the form was opened at {@link EssayForm#baseRevision()}.
     */
    public Outcome revise(Account admin, String slug, EssayForm form) {
        Map<String, String> problems = form.withSlug(slug).problems();
        problems.remove("slug"); // fixed by the address; an old essay's slug is kept as it is
        if (!problems.isEmpty()) {
            return Outcome.invalid(problems);
        }
        EssayForm.Valid typed = form.withSlug(slug).valid();
        try {
            return jdbi.inTransaction(h -> {
                EssayDao essays = h.attach(EssayDao.class);
                Essay current = essays.findLatestIncludingUnpublished(slug)
                        .orElseThrow(() -> new Abort(Outcome.invalid(Map.of("markdown", "This essay no longer exists."))));
                if (current.title().equals(typed.title()) && current.publishedOn().equals(typed.publishedOn())
                        && current.markdown().equals(typed.markdown())) {
                    return new Outcome(Kind.UNCHANGED, current.revision(), Map.of());
                }
                if (current.revision() != form.baseRevisionNumber()) {
                    return new Outcome(Kind.CONFLICT, current.revision(), Map.of());
                }
                int next = current.revision() + 1;
                insertRevision(h, current.id(), next, typed, admin, clock.instant());
                return new Outcome(Kind.SAVED, next, Map.of());
            });
        } catch (Abort abort) {
            return abort.outcome;
        } catch (RuntimeException e) {
            UniqueViolation.rethrowUnlessRace(e); // another revision took this number first
            int current = essay(slug).map(Essay::revision).orElse(0);
            return new Outcome(Kind.CONFLICT, current, Map.of());
        }
    }

    /** Publishes ({@code true}) or unpublishes; false when the essay was already in that state. */
    public boolean setPublished(Account admin, long essayId, boolean published) {
        return jdbi.withExtension(EssayAdminDao.class,
                dao -> dao.setPublished(essayId, published, admin.id(), clock.instant())) == 1;
    }

    /** Adds the revision and its ledger entry, in the caller's transaction. */
    private static void insertRevision(org.jdbi.v3.core.Handle h, long essayId, int revision, EssayForm.Valid essay,
                                       Account admin, Instant now) {
        h.attach(EssayDao.class).insertRevision(essayId, revision, essay.title(), essay.publishedOn(), essay.markdown(),
                EssayFile.hash(essay.slug(), essay.title(), essay.publishedOn(), essay.markdown()), admin.id(), now,
                SOURCE_BROWSER);
        Ledger.append(h, now, Ledger.person(admin.handle()), "essay-revision", Ledger.essayTarget(essay.slug(), revision),
                Ledger.essayContentHash(essay.title(), essay.publishedOn(), essay.markdown()));
    }
}
