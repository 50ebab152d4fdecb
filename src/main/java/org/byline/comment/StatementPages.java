package org.byline.comment;

import org.byline.essay.Essay;
import org.byline.essay.EssayPages;
import org.byline.essay.Essays;
import org.byline.web.HttpProblem;
import org.byline.web.Viewer;

import java.util.List;

/** Builds the permalink page of a statement: the statement in its context, its replies, a reply form. */
public final class StatementPages {

    /**
     * {@code paragraphText} is the paragraph as it read in the revision the author responded to;
     * {@code paragraphChanged} says the essay has since been revised there.
     */
    public record StatementPage(Viewer viewer, Essay essay, ThreadNode thread, Statement parent, String paragraphText,
                                boolean paragraphChanged, Statements.Draft draft, String problem, String reportProblem) {
        public Statement statement() {
            return thread.statement();
        }
    }

    private final Essays essays;
    private final Statements statements;
    private final EssayPages essayPages;

    public StatementPages(Essays essays, Statements statements, EssayPages essayPages) {
        this.essays = essays;
        this.statements = statements;
        this.essayPages = essayPages;
    }

    /** The statement if this viewer may see it; otherwise a 404 that does not reveal it exists. */
    public Statement find(Viewer viewer, long id) {
        return statements.find(id).filter(s -> Statements.canSee(viewer.account(), s))
                .filter(s -> essays.bySlug(s.essaySlug()).isPresent()) // nothing of an unpublished essay
                .orElseThrow(() -> HttpProblem.notFound("There is no statement #" + id + "."));
    }

    public StatementPage page(Viewer viewer, Statement statement, Statements.Draft draft, String problem, String reportProblem) {
        Essay essay = essayPages.find(statement.essaySlug());
        List<Statement> all = Statements.visibleTo(viewer.account(), statements.onEssay(essay));
        ThreadNode thread = ThreadNode.find(ThreadNode.capDepth(ThreadNode.forest(all), EssayPages.MAX_THREAD_DEPTH), statement.id());
        if (thread == null) {
            // deeper than the cap: show it with its direct replies
            thread = ThreadNode.find(ThreadNode.forest(all), statement.id());
        }
        Statement parent = thread.repliedTo();
        String paragraphText = statement.paragraph() == null ? null
                : essays.document(essay, statement.essayRevision()).paragraphText(statement.paragraph());
        boolean changed = paragraphText != null
                && essays.currentParagraph(essay, statement.essayRevision(), statement.paragraph()) == null;
        Statements.Draft replyDraft = draft.parentId().isEmpty()
                ? new Statements.Draft(draft.body(), String.valueOf(statement.id()), "", draft.quote()) : draft;
        return new StatementPage(viewer, essay, thread, parent, paragraphText, changed, replyDraft, problem, reportProblem);
    }
}
