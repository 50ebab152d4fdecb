package org.byline.essay;

import io.javalin.http.Context;
import org.byline.comment.Comments;
import org.byline.comment.Statement;
import org.byline.comment.StatementDao;
import org.byline.comment.ThreadNode;
import org.byline.web.HttpProblem;
import org.byline.web.Pages;
import org.byline.web.Viewer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The index and the essay pages, in HTML and JSON. */
public final class EssayController {
    private static final int EXCERPT_CHARS = 220;

    public record Summary(String slug, String title, LocalDate publishedOn, String excerpt, long commentCount,
                          String authorHandle, String authorDisplayName) {
        public String path() {
            return "/essays/" + slug;
        }
    }

    public record IndexPage(Viewer viewer, List<Summary> essays) {
    }

    /**
     * An essay with its threads. {@code paragraphFilter} narrows the threads to one paragraph;
     * {@code draft} and {@code problem} re-show a comment that was not posted.
     */
    public record EssayPage(Viewer viewer, Essay essay, EssayDocument document, List<ThreadNode> threads,
                            int commentCount, Map<String, Integer> commentsPerParagraph, String paragraphFilter,
                            Comments.Draft draft, String problem) {
        public int commentsOn(String paragraphId) {
            return commentsPerParagraph.getOrDefault(paragraphId, 0);
        }
    }

    private final Essays essays;
    private final Comments comments;
    private final Pages pages;

    public EssayController(Essays essays, Comments comments, Pages pages) {
        this.essays = essays;
        this.comments = comments;
        this.pages = pages;
    }

    public void index(Context ctx) {
        pages.render(ctx, "essay/index.jte", new IndexPage(pages.viewer(ctx), summaries()));
    }

    public void show(Context ctx) {
        Essay essay = find(ctx.pathParam("slug"));
        EssayDocument document = essays.document(essay);
        String filter = ctx.queryParam("paragraph");
        if (filter != null && !document.hasParagraph(filter)) {
            filter = null;
        }
        Comments.Draft draft = new Comments.Draft("", "", filter == null ? "" : filter);
        pages.render(ctx, "essay/essay.jte", page(ctx, essay, filter, draft, null));
    }

    /** The essay page with a comment form re-shown (after a rejected post). */
    public EssayPage page(Context ctx, Essay essay, String filter, Comments.Draft draft, String problem) {
        EssayDocument document = essays.document(essay);
        List<Statement> statements = comments.onEssay(essay);
        List<ThreadNode> threads = ThreadNode.forest(statements);
        if (filter != null) {
            threads = ThreadNode.select(threads, s -> filter.equals(s.paragraph()));
        }
        Map<String, Integer> perParagraph = new HashMap<>();
        for (Statement s : statements) {
            if (s.paragraph() != null) {
                perParagraph.merge(s.paragraph(), 1, Integer::sum);
            }
        }
        return new EssayPage(pages.viewer(ctx), essay, document, threads, statements.size(), perParagraph,
                filter, draft, problem);
    }

    public Essay find(String slug) {
        return essays.bySlug(slug).orElseThrow(() -> HttpProblem.notFound("There is no essay called \"" + slug + "\"."));
    }

    public void apiList(Context ctx) {
        ctx.json(summaries().stream().map(s -> Map.of(
                "slug", s.slug(),
                "title", s.title(),
                "date", s.publishedOn().toString(),
                "excerpt", s.excerpt(),
                "commentCount", s.commentCount(),
                "author", Map.of("handle", s.authorHandle(), "displayName", s.authorDisplayName()),
                "url", s.path())).toList());
    }

    public void apiComments(Context ctx) {
        Essay essay = find(ctx.pathParam("slug"));
        List<ThreadNode> threads = ThreadNode.forest(comments.onEssay(essay));
        ctx.json(Map.of("essay", essay.slug(), "revision", essay.revision(),
                "comments", threads.stream().map(EssayController::json).toList()));
    }

    private static Map<String, Object> json(ThreadNode node) {
        Statement s = node.statement();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", s.id());
        out.put("author", Map.of("handle", s.authorHandle(), "displayName", s.authorDisplayName()));
        out.put("createdAt", s.createdAt().toString());
        out.put("paragraph", s.paragraph());
        out.put("parentId", s.parentId());
        out.put("body", s.body());
        out.put("html", s.html());
        out.put("url", s.path());
        out.put("replies", node.replies().stream().map(EssayController::json).toList());
        return out;
    }

    private List<Summary> summaries() {
        Map<Long, Long> counts = comments.countsByEssay().stream()
                .collect(Collectors.toMap(StatementDao.EssayCount::essayId, StatementDao.EssayCount::count));
        return essays.latest().stream().map(e -> new Summary(e.slug(), e.title(), e.publishedOn(),
                essays.document(e).excerpt(EXCERPT_CHARS), counts.getOrDefault(e.id(), 0L),
                e.authorHandle(), e.authorDisplayName())).toList();
    }
}
