package org.byline.comment;

import org.byline.account.Account;
import org.byline.essay.Essay;
import org.byline.essay.EssayDocument;
import org.byline.moderation.ModerationActions;
import org.byline.moderation.ModerationLogDao;
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
    public record Draft(String body, String parentId, String paragraph) {
        public static Draft empty() {
            return new Draft("", "", "");
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

    /** {@code premoderation}: how many published statements a member needs before posts go up at once. */
    public Statements(Jdbi jdbi, Clock clock, int premoderation) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.premoderation = premoderation;
    }

    public Outcome post(Account author, Essay essay, EssayDocument document, Draft draft) {
        String body = TextInput.normalise(draft.body());
        if (!TextInput.hasVisibleText(body)) {
            return rejected("Write something before posting: the comment is empty.");
        }
        int length = TextInput.length(body);
        if (length > MAX_LENGTH) {
            return rejected(String.format("The comment is %,d characters long; the limit is %,d.", length, MAX_LENGTH));
        }
        String bad = TextInput.forbiddenCharacter(body, true);
        if (bad != null) {
            return rejected("The comment contains " + bad + ", which cannot be shown as text. Remove it and try again.");
        }
        if (Markdown.nestingDepth(body) > Markdown.MAX_NESTING) {
            return rejected("The comment nests lists or quotes more than " + Markdown.MAX_NESTING
                    + " levels deep; flatten it and try again.");
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
            if (!parent.get().isVisible() && !parent.get().isHidden()) {
                return rejected("Statement #" + parentId + " is awaiting review; it can be replied to once it is published.");
            }
            Optional<Statement> locked = lockedAncestor(parent.get());
            if (locked.isPresent()) {
                return rejected("Replies below statement #" + locked.get().id() + " are locked by a moderator.");
            }
        }
        Long parent = parentId;
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            StatementDao statements = h.attach(StatementDao.class);
            boolean hold = premoderation > 0 && !author.canModerate()
                    && statements.countPublishedByAuthor(author.id()) < premoderation;
            long id = statements.insert(essay.id(), essay.revision(), parent, paragraph, author.id(), body, now,
                    hold ? Statement.PENDING : Statement.VISIBLE);
            if (hold) {
                long entry = h.attach(ModerationLogDao.class).insert(now, null, premoderationRule(),
                        ModerationActions.HOLD, ModerationActions.STATEMENT, id,
                        "A new account's first statements wait for a moderator's review.", null);
                statements.setStatus(id, Statement.PENDING, entry);
            }
            return new Outcome(id, hold, null);
        });
    }

    /** The rule named in the log for automatic holds: never "the system", always the rule itself. */
    public String premoderationRule() {
        return "pre-moderation (the first " + premoderation + (premoderation == 1 ? " statement" : " statements")
                + " of a new account)";
    }

    /** Published statements are for everyone; held and rejected ones only for their author and moderators. */
    public static boolean canSee(Account viewer, Statement s) {
        if (s.isVisible() || s.isHidden()) {
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
