package org.byline.comment;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.byline.essay.Essay;
import org.byline.essay.EssayPages;
import org.byline.essay.Essays;
import org.byline.moderation.ModerationEntry;
import org.byline.web.Dates;
import org.byline.web.ErrorPages;
import org.byline.web.HttpProblem;
import org.byline.web.Ids;
import org.byline.web.Pages;
import org.byline.web.RateLimiter;
import org.byline.web.TextInput;
import org.byline.web.Viewer;

import java.util.Optional;

/** Posting a statement, and its permalink page. */
public final class CommentController {
    private final Essays essays;
    private final Statements statements;
    private final EssayPages essayPages;
    private final StatementPages statementPages;
    private final Pages pages;
    private final RateLimiter postLimit;

    public CommentController(Essays essays, Statements statements, EssayPages essayPages, StatementPages statementPages,
                             Pages pages, RateLimiter postLimit) {
        this.essays = essays;
        this.statements = statements;
        this.essayPages = essayPages;
        this.statementPages = statementPages;
        this.pages = pages;
        this.postLimit = postLimit;
    }

    public void post(Context ctx) {
        Essay essay = essayPages.find(ctx.pathParam("slug"));
        Statements.Draft draft = new Statements.Draft(orEmpty(ctx.formParam("body")), orEmpty(ctx.formParam("parentId")),
                orEmpty(ctx.formParam("paragraph")), orEmpty(ctx.formParam("quote")));
        Viewer viewer = pages.viewer(ctx, essay.path());
        if (!viewer.signedIn()) {
            reshow(ctx, 401, essay, draft, "Sign in to post your comment. Your text is kept below; copy it if you need to.");
            return;
        }
        if (viewer.suspended()) {
            reshow(ctx, 403, essay, draft, suspendedMessage(viewer.suspension()));
            return;
        }
        if (!postLimit.tryAcquire("post:" + viewer.account().id())) {
            ctx.header("Retry-After", String.valueOf(postLimit.windowSeconds()));
            reshow(ctx, 429, essay, draft, "You are posting very quickly. Please wait a minute, then post again; your text is kept below.");
            return;
        }
        Statements.Outcome outcome = statements.post(viewer.account(), essay, essays.document(essay), draft);
        if (!outcome.posted()) {
            reshow(ctx, 422, essay, draft, outcome.problem());
            return;
        }
        ctx.redirect(essay.path() + "#s-" + outcome.statementId(), HttpStatus.SEE_OTHER);
    }

    public void show(Context ctx) {
        long id = Ids.parse(ctx.pathParam("id")).orElseThrow(() ->
                HttpProblem.notFound("There is no statement \"" + TextInput.shorten(ctx.pathParam("id")) + "\"."));
        Viewer viewer = pages.viewer(ctx);
        Statement statement = statementPages.find(viewer, id);
        // "Quote this statement" pre-fills the reply with its current revision as a verified quote
        Statements.Draft draft = "1".equals(ctx.queryParam("quote")) && statement.isVisible() && statement.body() != null
                ? new Statements.Draft(Quotes.asMarkdownQuote(statement.body()), "", "", statement.id() + "@" + statement.revision())
                : Statements.Draft.empty();
        pages.render(ctx, "comment/statement.jte", statementPages.page(viewer, statement, draft, null, null));
    }

    /** Why a suspended person cannot post, and until when. */
    public static String suspendedMessage(ModerationEntry suspension) {
        return "Your account is suspended " + (suspension.endsAt() == null ? "indefinitely" : "until " + Dates.human(suspension.endsAt()))
                + " by " + suspension.actor() + ": " + suspension.reason() + " (moderation log #" + suspension.id()
                + "). You can still read everything.";
    }

    /** Re-shows the form the person used, with what they typed and why it was not posted. */
    private void reshow(Context ctx, int status, Essay essay, Statements.Draft draft, String problem) {
        ctx.status(status);
        ErrorPages.keepRendered(ctx);
        Optional<Statement> parent = Ids.parse(draft.parentId()).flatMap(statements::find)
                .filter(p -> p.essayId() == essay.id());
        if (parent.isPresent()) {
            Viewer viewer = pages.viewer(ctx, parent.get().path());
            if (Statements.canSee(viewer.account(), parent.get())) {
                pages.render(ctx, "comment/statement.jte", statementPages.page(viewer, parent.get(), draft, problem, null));
                return;
            }
        }
        String filter = essays.document(essay).hasParagraph(draft.paragraph()) ? draft.paragraph() : null;
        String returnTo = filter == null ? essay.path() : essay.path() + "?paragraph=" + filter;
        pages.render(ctx, "essay/essay.jte", essayPages.page(pages.viewer(ctx, returnTo), essay, filter, draft, problem));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
