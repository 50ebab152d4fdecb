package org.byline.comment;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.byline.web.Access;
import org.byline.web.ErrorPages;
import org.byline.web.HttpProblem;
import org.byline.web.Ids;
import org.byline.web.Pages;
import org.byline.web.TextInput;
import org.byline.web.Viewer;

import java.util.ArrayList;
import java.util.List;

/** An author edits or withdraws their statement; anyone reads its full history. */
public final class RevisionController {

    /** A revision with what changed from the one before (empty for the first). */
    public record RevisionView(StatementRevision revision, List<WordDiff.Segment> changes) {
    }

    public record HistoryPage(Viewer viewer, Statement statement, List<RevisionView> revisions) {
    }

    public record EditPage(Viewer viewer, Statement statement, String body, String problem) {
    }

    private final Statements statements;
    private final StatementPages statementPages;
    private final org.byline.essay.EssayPages essayPages;
    private final Pages pages;
    private final Access access;

    public RevisionController(Statements statements, StatementPages statementPages, org.byline.essay.EssayPages essayPages,
                              Pages pages, Access access) {
        this.statements = statements;
        this.statementPages = statementPages;
        this.essayPages = essayPages;
        this.pages = pages;
        this.access = access;
    }

    public void history(Context ctx) {
        Viewer viewer = pages.viewer(ctx);
        Statement statement = statementPages.find(viewer, id(ctx));
        List<RevisionView> views = new ArrayList<>();
        String previous = null;
        for (StatementRevision r : statements.revisions(statement.id())) {
            views.add(new RevisionView(r, previous == null || r.body() == null ? List.of() : WordDiff.between(previous, r.body())));
            previous = r.body();
        }
        pages.render(ctx, "comment/history.jte", new HistoryPage(viewer, statement, views));
    }

    public void editForm(Context ctx) {
        Statement statement = own(ctx);
        pages.render(ctx, "comment/edit.jte", new EditPage(pages.viewer(ctx), statement, statement.body(), null));
    }

    public void edit(Context ctx) {
        Statement statement = own(ctx);
        String body = ctx.formParam("body") == null ? "" : ctx.formParam("body");
        Viewer viewer = pages.viewer(ctx, statement.path() + "/edit");
        Statements.Outcome outcome = viewer.suspended()
                ? new Statements.Outcome(0, false, org.byline.comment.CommentController.suspendedMessage(viewer.suspension()))
                : statements.edit(viewer.account(), statement, essayPages.find(statement.essaySlug()), body);
        if (outcome.posted()) {
            ctx.redirect(statement.path() + "/history", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(viewer.suspended() ? 403 : 422);
        ErrorPages.keepRendered(ctx);
        pages.render(ctx, "comment/edit.jte", new EditPage(viewer, statement, body, outcome.problem()));
    }

    public void withdraw(Context ctx) {
        Statement statement = own(ctx);
        Statements.Outcome outcome = statements.withdraw(access.requireSignedIn(ctx), statement);
        if (!outcome.posted()) {
            throw new HttpProblem(409, outcome.problem());
        }
        ctx.redirect(statement.contextPath(), HttpStatus.SEE_OTHER);
    }

    /** The statement, if the signed-in person wrote it. */
    private Statement own(Context ctx) {
        var author = access.requireSignedIn(ctx);
        Statement statement = statementPages.find(pages.viewer(ctx), id(ctx));
        if (statement.authorId() != author.id()) {
            throw HttpProblem.forbidden("Only the author of statement #" + statement.id() + " can change it.");
        }
        return statement;
    }

    private static long id(Context ctx) {
        return Ids.parse(ctx.pathParam("id")).orElseThrow(() ->
                HttpProblem.notFound("There is no statement \"" + TextInput.shorten(ctx.pathParam("id")) + "\"."));
    }
}
