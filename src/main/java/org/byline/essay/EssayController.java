package org.byline.essay;

import io.javalin.http.Context;
import org.byline.comment.Quotes;
import org.byline.comment.StatementDao;
import org.byline.comment.Statements;
import org.byline.web.Pages;
import org.byline.web.Viewer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The index and the essay pages. */
public final class EssayController {
    private static final int EXCERPT_CHARS = 220;

    public record Summary(String slug, String title, LocalDate publishedOn, String excerpt, long commentCount,
                          String authorHandle, String authorDisplayName) {
        public String path() {
            return "/essays/" + slug;
        }

        public String authorPath() {
            return "/people/" + authorHandle;
        }
    }

    public record IndexPage(Viewer viewer, List<Summary> essays) {
    }

    private final Essays essays;
    private final Statements statements;
    private final EssayPages essayPages;
    private final Pages pages;

    public EssayController(Essays essays, Statements statements, EssayPages essayPages, Pages pages) {
        this.essays = essays;
        this.statements = statements;
        this.essayPages = essayPages;
        this.pages = pages;
    }

    public void index(Context ctx) {
        pages.render(ctx, "essay/index.jte", new IndexPage(pages.viewer(ctx), summaries()));
    }

    public void show(Context ctx) {
        Essay essay = essayPages.find(ctx.pathParam("slug"));
        String filter = ctx.queryParam("paragraph");
        if (filter != null && !essays.document(essay).hasParagraph(filter)) {
            filter = null;
        }
        // "Quote this paragraph" links pre-fill the form with the paragraph as a verified quote
        String quote = ctx.queryParam("quote");
        String quoted = quote == null ? null : essays.document(essay).paragraphText(quote);
        Statements.Draft draft = quoted == null
                ? new Statements.Draft("", "", filter == null ? "" : filter, "")
                : new Statements.Draft(Quotes.quoteOf(quoted), "", quote, quote);
        if (quoted != null) {
            filter = quote;
        }
        pages.render(ctx, "essay/essay.jte", essayPages.page(pages.viewer(ctx), essay, filter, draft, null));
    }

    /** Every essay with its excerpt and count of published statements (shared with the JSON API). */
    public List<Summary> summaries() {
        Map<Long, Long> counts = statements.countsByEssay().stream()
                .collect(Collectors.toMap(StatementDao.EssayCount::essayId, StatementDao.EssayCount::count));
        return essays.latest().stream().map(e -> new Summary(e.slug(), e.title(), e.publishedOn(),
                essays.document(e).excerpt(EXCERPT_CHARS), counts.getOrDefault(e.id(), 0L),
                e.authorHandle(), e.authorDisplayName())).toList();
    }
}
