package org.byline.moderation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.byline.account.Account;
import org.byline.comment.CommentController;
import org.byline.comment.Statement;
import org.byline.comment.StatementPages;
import org.byline.comment.Statements;
import org.byline.web.Access;
import org.byline.web.ErrorPages;
import org.byline.web.HttpProblem;
import org.byline.web.Ids;
import org.byline.web.Pages;
import org.byline.web.RateLimiter;
import org.byline.web.Viewer;

/** A signed-in member reports a statement to the moderators. */
public final class ReportController {
    private final Reports reports;
    private final StatementPages statementPages;
    private final Pages pages;
    private final Access access;
    private final RateLimiter reportLimit;

    public ReportController(Reports reports, StatementPages statementPages, Pages pages, Access access, RateLimiter reportLimit) {
        this.reports = reports;
        this.statementPages = statementPages;
        this.pages = pages;
        this.access = access;
        this.reportLimit = reportLimit;
    }

    public void report(Context ctx) {
        Account reporter = access.requireSignedIn(ctx);
        long id = Ids.parse(ctx.pathParam("id")).orElseThrow(() -> HttpProblem.notFound("There is no such statement."));
        Viewer viewer = pages.viewer(ctx, "/statements/" + id);
        Statement statement = statementPages.find(viewer, id);
        String problem;
        if (viewer.suspended()) {
            problem = CommentController.suspendedMessage(viewer.suspension());
        } else if (!reportLimit.tryAcquire("report:" + reporter.id())) {
            problem = "You have sent many reports in the last hour. Please wait before sending more.";
        } else {
            problem = reports.file(reporter, statement, ctx.formParam("reason"), ctx.formParam("details"));
        }
        if (problem == null) {
            ctx.redirect(statement.path() + "?reported=1#report", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(viewer.suspended() ? 403 : problem.startsWith("You have sent many") ? 429 : 422);
        ErrorPages.keepRendered(ctx);
        pages.render(ctx, "comment/statement.jte", statementPages.page(viewer, statement, Statements.Draft.empty(), null, problem));
    }
}
