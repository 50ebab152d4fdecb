package org.byline.account;

import io.javalin.http.Context;
import org.byline.comment.Comments;
import org.byline.comment.Statement;
import org.byline.web.HttpProblem;
import org.byline.web.Pages;
import org.byline.web.Viewer;

import java.util.List;

/** A person's page: everything they said, newest first. */
public final class PersonController {
    private static final int PAGE_SIZE = 50;

    /** {@code olderThan} is the id to continue from on the next page, or 0 when there is none. */
    public record PersonPage(Viewer viewer, Account person, List<Statement> statements, long olderThan) {
    }

    private final Accounts accounts;
    private final Comments comments;
    private final Pages pages;

    public PersonController(Accounts accounts, Comments comments, Pages pages) {
        this.accounts = accounts;
        this.comments = comments;
        this.pages = pages;
    }

    public void show(Context ctx) {
        String handle = ctx.pathParam("handle");
        Account person = accounts.byHandle(handle)
                .orElseThrow(() -> HttpProblem.notFound("Nobody here has the handle \"" + shorten(handle) + "\"."));
        long before = Long.MAX_VALUE;
        String beforeParam = ctx.queryParam("before");
        if (beforeParam != null && beforeParam.matches("[1-9][0-9]{0,17}")) {
            before = Long.parseLong(beforeParam);
        }
        List<Statement> statements = comments.byAuthor(person, before, PAGE_SIZE + 1);
        long olderThan = 0;
        if (statements.size() > PAGE_SIZE) {
            statements = statements.subList(0, PAGE_SIZE);
            olderThan = statements.get(PAGE_SIZE - 1).id();
        }
        pages.render(ctx, "account/person.jte", new PersonPage(pages.viewer(ctx), person, statements, olderThan));
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
