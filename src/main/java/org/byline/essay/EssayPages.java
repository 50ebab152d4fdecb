package org.byline.essay;

import org.byline.comment.Statement;
import org.byline.comment.Statements;
import org.byline.comment.ThreadNode;
import org.byline.web.HttpProblem;
import org.byline.web.Viewer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the essay page model: the essay, its threads as this viewer may see them, and the comment form. */
public final class EssayPages {
    /** Deeper replies are listed flat under their ancestor at this depth, each naming whom it answers. */
    public static final int MAX_THREAD_DEPTH = 8;

    /**
     * An essay with its threads. {@code paragraphFilter} narrows the threads to one paragraph;
     * {@code draft} and {@code problem} re-show a comment that was not posted.
     */
    public record EssayPage(Viewer viewer, Essay essay, EssayDocument document, List<ThreadNode> threads,
                            int commentCount, Map<String, Integer> commentsPerParagraph, String paragraphFilter,
                            Statements.Draft draft, String problem) {
        public int commentsOn(String paragraphId) {
            return commentsPerParagraph.getOrDefault(paragraphId, 0);
        }
    }

    private final Essays essays;
    private final Statements statements;

    public EssayPages(Essays essays, Statements statements) {
        this.essays = essays;
        this.statements = statements;
    }

    public Essay find(String slug) {
        return essays.bySlug(slug).orElseThrow(() -> HttpProblem.notFound("There is no essay called \"" + slug + "\"."));
    }

    public EssayPage page(Viewer viewer, Essay essay, String filter, Statements.Draft draft, String problem) {
        EssayDocument document = essays.document(essay);
        List<Statement> shown = Statements.visibleTo(viewer.account(), statements.onEssay(essay));
        Map<Long, String> paragraphOf = new HashMap<>();
        Map<String, Integer> perParagraph = new HashMap<>();
        int published = 0;
        for (Statement s : shown) {
            String current = essays.currentParagraph(essay, s.essayRevision(), s.paragraph());
            if (current != null) {
                paragraphOf.put(s.id(), current);
            }
            if (s.isVisible() || s.isHidden()) {
                published++;
                if (current != null) {
                    perParagraph.merge(current, 1, Integer::sum);
                }
            }
        }
        List<ThreadNode> threads = ThreadNode.forest(shown);
        if (filter != null) {
            threads = ThreadNode.select(threads, s -> filter.equals(paragraphOf.get(s.id())));
        }
        return new EssayPage(viewer, essay, document, ThreadNode.capDepth(threads, MAX_THREAD_DEPTH), published,
                perParagraph, filter, draft, problem);
    }
}
