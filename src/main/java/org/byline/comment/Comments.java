package org.byline.comment;

import org.byline.account.Account;
import org.byline.essay.Essay;
import org.byline.essay.EssayDocument;
import org.byline.web.TextInput;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Posting and reading statements. A statement is checked whole before it is written in one insert. */
public final class Comments {
    public static final int MAX_LENGTH = 10_000;
    private static final Pattern PARAGRAPH_ID = Pattern.compile("p-[1-9][0-9]{0,4}");
    private static final Pattern STATEMENT_ID = Pattern.compile("[1-9][0-9]{0,17}");

    /** A comment as the person typed it, re-shown unchanged when it is rejected. */
    public record Draft(String body, String parentId, String paragraph) {
        public static Draft empty() {
            return new Draft("", "", "");
        }
    }

    /** Either the new statement's id or the reason it was not posted. */
    public record Outcome(long statementId, String problem) {
        public boolean posted() {
            return problem == null;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Comments(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Outcome post(Account author, Essay essay, EssayDocument document, Draft draft) {
        String body = TextInput.normalise(draft.body());
        if (body.isBlank()) {
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
        String paragraph = blankToNull(draft.paragraph());
        if (paragraph != null && !(PARAGRAPH_ID.matcher(paragraph).matches() && document.hasParagraph(paragraph))) {
            return rejected("There is no paragraph \"" + shorten(paragraph) + "\" in this essay (it has p-1 to p-"
                    + document.paragraphCount() + ").");
        }
        String parentText = blankToNull(draft.parentId());
        Long parentId = null;
        if (parentText != null) {
            if (!STATEMENT_ID.matcher(parentText).matches()) {
                return rejected("The statement to reply to must be given by its number, not \"" + shorten(parentText) + "\".");
            }
            parentId = Long.parseLong(parentText);
            Optional<Statement> parent = find(parentId);
            if (parent.isEmpty()) {
                return rejected("Statement #" + parentId + " does not exist, so it cannot be replied to.");
            }
            if (parent.get().essayId() != essay.id()) {
                return rejected("Statement #" + parentId + " belongs to the essay \"" + parent.get().essayTitle()
                        + "\"; reply to it there.");
            }
        }
        Long parent = parentId;
        long id = jdbi.withExtension(StatementDao.class,
                dao -> dao.insert(essay.id(), parent, paragraph, author.id(), body, clock.instant()));
        return new Outcome(id, null);
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
        return new Outcome(0, problem);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
