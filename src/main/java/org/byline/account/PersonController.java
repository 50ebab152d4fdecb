package org.byline.account;

import io.javalin.http.Context;
import org.byline.comment.Statement;
import org.byline.comment.Statements;
import org.byline.essay.Essay;
import org.byline.essay.Essays;
import org.byline.moderation.ModerationEntry;
import org.byline.moderation.ModerationLogDao;
import org.byline.web.HttpProblem;
import org.byline.web.Ids;
import org.byline.web.Pages;
import org.byline.web.TextInput;
import org.byline.web.Viewer;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A person's page: everything they said, newest first, and (for them) what moderation did to it. */
public final class PersonController {
    private static final int PAGE_SIZE = 50;

    /**
     * {@code olderThan} is the id to continue from on the next page, or 0 when there is none;
     * {@code moderation} is shown to the person themselves and to moderators.
     */
    public record PersonPage(Viewer viewer, Account person, List<Statement> statements, Map<Long, String> essayTitles,
                             long olderThan, List<ModerationEntry> moderation) {
        public String essayTitle(Statement s) {
            return essayTitles.getOrDefault(s.essayId(), s.essaySlug());
        }
    }

    private final Accounts accounts;
    private final Statements statements;
    private final Essays essays;
    private final Pages pages;
    private final Jdbi jdbi;

    public PersonController(Accounts accounts, Statements statements, Essays essays, Pages pages, Jdbi jdbi) {
        this.accounts = accounts;
        this.statements = statements;
        this.essays = essays;
        this.pages = pages;
        this.jdbi = jdbi;
    }

    public void show(Context ctx) {
        String handle = ctx.pathParam("handle");
        Account person = accounts.byHandle(handle)
                .orElseThrow(() -> HttpProblem.notFound("Nobody here has the handle \"" + TextInput.shorten(handle) + "\"."));
        Viewer viewer = pages.viewer(ctx);
        long before = Ids.parse(ctx.queryParam("before")).orElse(Long.MAX_VALUE);
        List<Statement> page = statements.byAuthor(person, before, PAGE_SIZE + 1);
        long olderThan = page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).id() : 0;
        List<Statement> shown = Statements.visibleTo(viewer.account(), page.subList(0, Math.min(PAGE_SIZE, page.size())));
        Map<Long, String> titles = essays.latest().stream().collect(Collectors.toMap(Essay::id, Essay::title));
        List<ModerationEntry> moderation = viewer.is(person.id()) || viewer.canModerate()
                ? jdbi.withExtension(ModerationLogDao.class, dao -> dao.concerning(person.id(), 100)) : List.of();
        pages.render(ctx, "account/person.jte", new PersonPage(viewer, person, shown, titles, olderThan, moderation));
    }
}
