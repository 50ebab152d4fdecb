package org.byline.comment;

import org.byline.account.Account;
import org.byline.essay.Essay;
import org.byline.essay.EssayDocument;
import org.byline.moderation.ModerationActions;
import org.byline.moderation.ModerationLogDao;
import org.byline.ledger.Ledger;
import org.byline.text.Markdown;
import org.byline.web.Ids;
import org.byline.web.TextInput;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Posting and reading statements. A statement is checked whole before it is written, in one
 * transaction with the pre-moderation hold that may come with it.
 */
public final class Statements {
    public static final int MAX_LENGTH = 10_000;
    private static final Pattern PARAGRAPH_ID = Pattern.compile("p-[1-9][0-9]{0,4}");

    /** A comment as the person typed it, re-shown unchanged when it is rejected. */
    public record Draft(String body, String parentId, String paragraph, String quote) {
        public static Draft empty() {
            return new Draft("", "", "", "");
        }
    }

    /** Either the new statement's id (and whether it awaits review) or the reason it was not posted. */
    public record Outcome(long statementId, boolean held, String problem) {
        public boolean posted() {
            return problem == null;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final int premoderation;
    private final Quotes quotes;

    /** {@code premoderation}: how many published statements a member needs before posts go up at once. */
    public Statements(Jdbi jdbi, Clock clock, int premoderation, Quotes quotes) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.premoderation = premoderation;
        this.quotes = quotes;
    }

    /** Why this text cannot be a statement (empty, too long, unprintable, nested too deep), or null. */
    public static String bodyProblem(String body) {
        if (!TextInput.hasVisibleText(body)) {
            return "Write something before posting: the comment is empty.";
        }
        int length = TextInput.length(body);
        if (length > MAX_LENGTH) {
            return String.format("The comment is %,d characters long; the limit is %,d.", length, MAX_LENGTH);
        }
        String bad = TextInput.forbiddenCharacter(body, true);
        if (bad != null) {
            return "The comment contains " + bad + ", which cannot be shown as text. Remove it and try again.";
        }
        if (Markdown.nestingDepth(body) > Markdown.MAX_NESTING) {
            return "The comment nests lists or quotes more than " + Markdown.MAX_NESTING
                    + " levels deep; flatten it and try again.";
        }
        return null;
    }

    public Outcome post(Account author, Essay essay, EssayDocument document, Draft draft) {
        String body = TextInput.normalise(draft.body());
        String bodyProblem = bodyProblem(body);
        if (bodyProblem != null) {
            return rejected(bodyProblem);
        }
        if (essay.isLocked()) {
            return rejected("Comments on this essay are locked by a moderator; nothing new can be posted here.");
        }
        String paragraph = blankToNull(draft.paragraph());
        if (paragraph != null && !(PARAGRAPH_ID.matcher(paragraph).matches() && document.hasParagraph(paragraph))) {
            return rejected("There is no paragraph \"" + TextInput.shorten(paragraph) + "\" in this essay (it has p-1 to p-"
                    + document.paragraphCount() + ").");
        }
        String parentText = blankToNull(draft.parentId());
        Long parentId = null;
        if (parentText != null) {
            Optional<Long> id = Ids.parse(parentText);
            if (id.isEmpty()) {
                return rejected("The statement to reply to must be given by its number, not \"" + TextInput.shorten(parentText) + "\".");
            }
            parentId = id.get();
            Optional<Statement> parent = find(parentId).filter(p -> canSee(author, p));
            if (parent.isEmpty()) {
                return rejected("Statement #" + parentId + " does not exist, so it cannot be replied to.");
            }
            if (parent.get().essayId() != essay.id()) {
                return rejected("Statement #" + parentId + " belongs to another essay (" + parent.get().essaySlug()
                        + "); reply to it there.");
            }
            if (paragraph != null && !paragraph.equals(parent.get().paragraph())) {
                return rejected("A reply responds to the paragraph of the statement it answers; it cannot name another paragraph.");
            }
            if (!parent.get().isPublished()) {
                return rejected("Statement #" + parentId + " is awaiting review; it can be replied to once it is published.");
            }
            Optional<Statement> locked = lockedAncestor(parent.get());
            if (locked.isPresent()) {
                return rejected("Replies below statement #" + locked.get().id() + " are locked by a moderator.");
            }
        }
        Quotes.Check quote = quotes.check(body, draft.quote(), essay);
        if (!quote.ok()) {
            return rejected(quote.problem());
        }
        Long parent = parentId;
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            StatementDao statements = h.attach(StatementDao.class);
            boolean hold = premoderation > 0 && !author.canModerate()
                    && statements.countPublishedByAuthor(author.id()) < premoderation;
            long id = statements.insert(essay.id(), essay.revision(), parent, paragraph, author.id(), now,
                    hold ? Statement.PENDING : Statement.VISIBLE);
            String hash = Ledger.contentHash(body);
            statements.insertRevision(id, 1, body, hash, now);
            insertQuote(statements, id, 1, quote.source());
            Ledger.append(h, now, Ledger.person(author.handle()), "statement-posted", Ledger.statementTarget(id, 1), hash);
            if (hold) {
                String reason = "A new account's first statements wait for a moderator's review.";
                long entry = h.attach(ModerationLogDao.class).insert(now, null, premoderationRule(),
                        ModerationActions.HOLD, ModerationActions.STATEMENT, id, reason, null);
                statements.setStatus(id, Statement.PENDING, entry);
                Ledger.append(h, now, "rule: " + premoderationRule(), "moderation:" + ModerationActions.HOLD,
                        "statement:" + id, Ledger.contentHash(reason));
            }
            return new Outcome(id, hold, null);
        });
    }

    private static void insertQuote(StatementDao statements, long id, int revision, Quotes.Source source) {
        if (source != null) {
            statements.insertQuote(id, revision, source.essayId(), source.essayRevision(), source.paragraph(),
                    source.statementId(), source.statementRevision());
        }
    }

    /**
     * A new revision of the author's own statement; earlier revisions stay, and the ledger records it.
     * A verified quote keeps its source and is checked again against it.
     */
    public Outcome edit(Account author, Statement statement, Essay essay, String bodyInput) {
        if (statement.authorId() != author.id()) {
            return rejected("Only its author can edit a statement.");
        }
        if (statement.isWithdrawn() || statement.isErased()) {
            return rejected("A " + statement.status() + " statement cannot be edited.");
        }
        if (essay.isLocked() || lockedAncestor(statement).isPresent()) {
            return rejected("This thread is locked by a moderator; its statements cannot be edited while it is locked.");
        }
        String body = TextInput.normalise(bodyInput);
        String problem = bodyProblem(body);
        if (problem != null) {
            return rejected(problem);
        }
        if (body.equals(statement.body())) {
            return rejected("The text is unchanged, so no new revision was made.");
        }
        String reference = !statement.hasVerifiedQuote() || Quotes.blockQuotes(body).isEmpty() ? ""
                : statement.quoteParagraph() != null ? statement.quoteParagraph()
                : statement.quoteStatement() + "@" + statement.quoteStatementRevision();
        Quotes.Check quote = reference.isEmpty() ? new Quotes.Check(null, null)
                : quotes.check(body, reference, essay,
                        statement.quoteEssayRevision() != null ? statement.quoteEssayRevision() : essay.revision());
        if (!quote.ok()) {
            return rejected(quote.problem());
        }
        Instant now = clock.instant();
        int next = statement.revision() + 1;
        return jdbi.inTransaction(h -> {
            StatementDao statements = h.attach(StatementDao.class);
            if (statements.advanceRevision(statement.id(), next) != 1) {
                return rejected("The statement was edited elsewhere meanwhile; reload it and edit the latest revision.");
            }
            String hash = Ledger.contentHash(body);
            statements.insertRevision(statement.id(), next, body, hash, now);
            insertQuote(statements, statement.id(), next, quote.source());
            Ledger.append(h, now, Ledger.person(author.handle()), "statement-revised", Ledger.statementTarget(statement.id(), next), hash);
            return new Outcome(statement.id(), false, null);
        });
    }

    /** The author takes a statement back: it stays in place as a tombstone, its revisions are kept. */
    public Outcome withdraw(Account author, Statement statement) {
        if (statement.authorId() != author.id()) {
            return rejected("Only its author can withdraw a statement.");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            StatementDao statements = h.attach(StatementDao.class);
            if (statements.withdraw(statement.id(), now) != 1) {
                return rejected(statement.isWithdrawn() ? "Statement #" + statement.id() + " is already withdrawn."
                        : "Statement #" + statement.id() + " is " + statement.status() + "; only a visible statement can be withdrawn.");
            }
            // re-read under the row lock the update took: an edit committed meanwhile is what was withdrawn
            Statement current = statements.findById(statement.id()).orElseThrow();
            Ledger.append(h, now, Ledger.person(author.handle()), "statement-withdrawn",
                    Ledger.statementTarget(current.id(), current.revision()), Ledger.contentHash(current.body()));
            return new Outcome(statement.id(), false, null);
        });
    }

    public List<StatementRevision> revisions(long statementId) {
        return jdbi.withExtension(StatementDao.class, dao -> dao.revisions(statementId));
    }

    /** The rule named in the log for automatic holds: never "the system", always the rule itself. */
    public String premoderationRule() {
        return "pre-moderation (the first " + premoderation + (premoderation == 1 ? " statement" : " statements")
                + " of a new account)";
    }

    /** Published statements are for everyone; held and rejected ones only for their author and moderators. */
    public static boolean canSee(Account viewer, Statement s) {
        if (s.isPublished()) {
            return true;
        }
        return viewer != null && (viewer.id() == s.authorId() || viewer.canModerate());
    }

    public static List<Statement> visibleTo(Account viewer, List<Statement> statements) {
        return statements.stream().filter(s -> canSee(viewer, s)).toList();
    }

    public Optional<Statement> lockedAncestor(Statement start) {
        Statement current = start;
        for (int guard = 0; current != null && guard < 10_000; guard++) {
            if (current.isLocked()) {
                return Optional.of(current);
            }
            current = current.parentId() == null ? null : find(current.parentId()).orElse(null);
        }
        return Optional.empty();
    }

    public Optional<Statement> find(long id) {
        return jdbi.withExtension(StatementDao.class, dao -> dao.findById(id));
    }

    public List<Statement> onEssay(Essay essay) {
        return jdbi.withExtension(StatementDao.class, dao -> dao.listByEssay(essay.id()));
    }

    public List<Statement> byAuthor(Account author, long beforeId, int limit) {
        return jdbi.withExtension(StatementDao.class, dao -> dao.listByAuthor(author.id(), beforeId, limit));
    }

    public List<StatementDao.EssayCount> countsByEssay() {
        return jdbi.withExtension(StatementDao.class, StatementDao::countByEssay);
    }

    private static Outcome rejected(String problem) {
        return new Outcome(0, false, problem);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
