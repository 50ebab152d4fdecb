package org.byline.comment;

import io.javalin.http.Context;
import org.byline.account.Account;
import org.byline.account.Sessions;
import org.byline.essay.Essay;
import org.byline.essay.EssayController;
import org.byline.essay.EssayDocument;
import org.byline.essay.Essays;
import org.byline.web.ErrorPages;
import org.byline.web.HttpProblem;
import org.byline.web.Pages;
import org.byline.web.RateLimiter;
import org.byline.web.Viewer;

import java.util.List;
import java.util.Optional;

/** Posting a statement and its permalink page. */
public final class CommentController {

    /** A statement in its context: the essay, the paragraph it answers, the statement it replies to, its replies. */
    public record StatementPage(Viewer viewer, Essay essay, ThreadNode thread, Statement parent, String paragraphText,
                                Comments.Draft draft, String problem) {
        public Statement statement() {
            return thread.statement();
        }
    }

    private final Essays essays;
    private final Comments comments;
    private final Sessions sessions;
    private final EssayController essayPages;
    private final Pages pages;
    private final RateLimiter postLimit;

    public CommentController(Essays essays, Comments comments, Sessions sessions, EssayController essayPages,
                             Pages pages, RateLimiter postLimit) {
        this.essays = essays;
        this.comments = comments;
        this.sessions = sessions;
        this.essayPages = essayPages;
        this.pages = pages;
        this.postLimit = postLimit;
    }

    public void post(Context ctx) {
        Essay essay = essayPages.find(ctx.pathParam("slug"));
        Comments.Draft draft = new Comments.Draft(
                orEmpty(ctx.formParam("body")), orEmpty(ctx.formParam("parentId")), orEmpty(ctx.formParam("paragraph")));
        Optional<Account> author = sessions.current(ctx);
        if (author.isEmpty()) {
            reshow(ctx, 401, essay, draft, "Sign in to post your comment. Your text is kept below; copy it if you need to.");
            return;
        }
        if (!postLimit.tryAcquire("post:" + author.get().id())) {
            ctx.header("Retry-After", String.valueOf(postLimit.windowSeconds()));
            reshow(ctx, 429, essay, draft, "You are posting very quickly. Please wait a minute, then post again; your text is kept below.");
            return;
        }
        EssayDocument document = essays.document(essay);
        Comments.Outcome outcome = comments.post(author.get(), essay, document, draft);
        if (!outcome.posted()) {
            reshow(ctx, 422, essay, draft, outcome.problem());
            return;
        }
        ctx.redirect(essay.path() + "#s-" + outcome.statementId(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void show(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        Statement statement = comments.find(id)
                .orElseThrow(() -> HttpProblem.notFound("There is no statement #" + id + "."));
        Essay essay = essayPages.find(statement.essaySlug());
        pages.render(ctx, "comment/statement.jte", statementPage(ctx, essay, statement, Comments.Draft.empty(), null));
    }

    /** Re-shows the form the person used, with what they typed and why it was not posted. */
    private void reshow(Context ctx, int status, Essay essay, Comments.Draft draft, String problem) {
        ctx.status(status);
        ErrorPages.keepRendered(ctx);
        Optional<Statement> parent = draft.parentId().matches("[1-9][0-9]{0,17}")
                ? comments.find(Long.parseLong(draft.parentId())).filter(p -> p.essayId() == essay.id())
                : Optional.empty();
        if (parent.isPresent()) {
            pages.render(ctx, "comment/statement.jte", statementPage(ctx, essay, parent.get(), draft, problem));
        } else {
            String filter = essays.document(essay).hasParagraph(draft.paragraph()) ? draft.paragraph() : null;
            pages.render(ctx, "essay/essay.jte", essayPages.page(ctx, essay, filter, draft, problem));
        }
    }

    private StatementPage statementPage(Context ctx, Essay essay, Statement statement, Comments.Draft draft, String problem) {
        List<Statement> all = comments.onEssay(essay);
        ThreadNode thread = ThreadNode.find(ThreadNode.forest(all), statement.id());
        Statement parent = statement.parentId() == null ? null
                : all.stream().filter(s -> s.id() == statement.parentId()).findFirst().orElse(null);
        String paragraphText = statement.paragraph() == null ? null
                : essays.document(essay).blocks().stream()
                .filter(b -> b.id().equals(statement.paragraph()) && b.kind() == EssayDocument.Kind.PARAGRAPH)
                .map(EssayDocument.Block::text).findFirst().orElse(null);
        Comments.Draft replyDraft = draft.parentId().isEmpty()
                ? new Comments.Draft(draft.body(), String.valueOf(statement.id()), "") : draft;
        return new StatementPage(pages.viewer(ctx), essay, thread, parent, paragraphText, replyDraft, problem);
    }

    private static long parseId(String raw) {
        if (!raw.matches("[1-9][0-9]{0,17}")) {
            throw HttpProblem.notFound("There is no statement \"" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "\".");
        }
        return Long.parseLong(raw);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
