package org.byline.moderation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.byline.account.Account;
import org.byline.account.Accounts;
import org.byline.account.Role;
import org.byline.comment.Statement;
import org.byline.comment.StatementPages;
import org.byline.comment.Statements;
import org.byline.essay.Essay;
import org.byline.essay.EssayPages;
import org.byline.essay.Essays;
import org.byline.web.Access;
import org.byline.web.ErrorPages;
import org.byline.web.HttpProblem;
import org.byline.web.Ids;
import org.byline.web.Pages;
import org.byline.web.TextInput;
import org.byline.web.Viewer;
import org.jdbi.v3.core.Jdbi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The moderation queue, the review pages with their action forms, and the public moderation log. */
public final class ModerationController {
    private static final int LOG_PAGE = 50;
    /** Suspension lengths offered in the form; "indefinite" has no end. */
    public static final Map<String, Duration> DURATIONS = durations();

    /** What a moderator typed into an action form, re-shown with the problem when it was refused. */
    public record FormState(String action, String reason, String problem) {
        public static FormState none() {
            return new FormState("", "", null);
        }

        public String reasonFor(String formAction) {
            return formAction.equals(action) ? reason : "";
        }

        public String problemFor(String formAction) {
            return formAction.equals(action) ? problem : null;
        }
    }

    public record QueuePage(Viewer viewer, List<ModerationQueue.Item> pending, List<ModerationQueue.Item> reported) {
    }

    public record StatementReview(Viewer viewer, Statement statement, Essay essay, String paragraphText,
                                  List<Report> reports, List<ModerationEntry> log, ModerationQueue.AuthorHistory author,
                                  FormState form) {
    }

    public record PersonReview(Viewer viewer, Account person, ModerationEntry suspension,
                               ModerationQueue.AuthorHistory history, FormState form) {
    }

    public record EssayReview(Viewer viewer, Essay essay, List<ModerationEntry> log, FormState form) {
    }

    public record LogPage(Viewer viewer, List<ModerationEntry> entries, String moderator, String action,
                          long olderThan, List<String> actions) {
    }

    public record EntryPage(Viewer viewer, ModerationEntry entry) {
    }

    private final Moderation moderation;
    private final ModerationQueue queue;
    private final Statements statements;
    private final StatementPages statementPages;
    private final Essays essays;
    private final EssayPages essayPages;
    private final Accounts accounts;
    private final Suspensions suspensions;
    private final Pages pages;
    private final Access access;
    private final Jdbi jdbi;

    public ModerationController(Moderation moderation, ModerationQueue queue, Statements statements,
                                StatementPages statementPages, Essays essays, EssayPages essayPages, Accounts accounts,
                                Suspensions suspensions, Pages pages, Access access, Jdbi jdbi) {
        this.moderation = moderation;
        this.queue = queue;
        this.statements = statements;
        this.statementPages = statementPages;
        this.essays = essays;
        this.essayPages = essayPages;
        this.accounts = accounts;
        this.suspensions = suspensions;
        this.pages = pages;
        this.access = access;
        this.jdbi = jdbi;
    }

    public void queue(Context ctx) {
        access.requireModerator(ctx);
        pages.render(ctx, "moderation/queue.jte", new QueuePage(pages.viewer(ctx), queue.pending(), queue.reported()));
    }

    public void apiQueue(Context ctx) {
        access.requireModerator(ctx);
        ctx.json(Map.of(
                "pending", queue.pending().stream().map(ModerationController::json).toList(),
                "reported", queue.reported().stream().map(ModerationController::json).toList()));
    }

    public void statement(Context ctx) {
        access.requireModerator(ctx);
        renderStatement(ctx, pages.viewer(ctx), statementOr404(ctx), FormState.none());
    }

    public void actOnStatement(Context ctx) {
        Account moderator = access.requireModerator(ctx);
        Statement statement = statementOr404(ctx);
        String action = ctx.pathParam("action");
        if (action.equals(ModerationActions.ERASE) && moderator.roleEnum() != Role.ADMIN) {
            // a role the moderator lacks, like granting roles: 403, not a form problem (422)
            throw HttpProblem.forbidden("Only admins can erase a statement (on legal request).");
        }
        String reason = orEmpty(ctx.formParam("reason"));
        Moderation.Result result = moderation.actOnStatement(moderator, action, statement.id(), reason);
        respond(ctx, result, "/moderation/statements/" + statement.id(), () -> renderStatement(ctx,
                pages.viewer(ctx, "/moderation/statements/" + statement.id()),
                statements.find(statement.id()).orElse(statement), new FormState(action, reason, result.problem())));
    }

    public void essay(Context ctx) {
        access.requireModerator(ctx);
        Essay essay = essayPages.find(ctx.pathParam("slug"));
        pages.render(ctx, "moderation/essay.jte", new EssayReview(pages.viewer(ctx), essay,
                queue.log(ModerationActions.ESSAY, essay.id()), FormState.none()));
    }

    public void actOnEssay(Context ctx) {
        Account moderator = access.requireModerator(ctx);
        Essay essay = essayPages.find(ctx.pathParam("slug"));
        String action = ctx.pathParam("action");
        String reason = orEmpty(ctx.formParam("reason"));
        Moderation.Result result = moderation.actOnEssay(moderator, action, essay, reason);
        respond(ctx, result, "/moderation/essays/" + essay.slug(), () -> pages.render(ctx, "moderation/essay.jte",
                new EssayReview(pages.viewer(ctx, "/moderation/essays/" + essay.slug()), essay,
                        queue.log(ModerationActions.ESSAY, essay.id()), new FormState(action, reason, result.problem()))));
    }

    public void person(Context ctx) {
        access.requireModerator(ctx);
        Account person = personOr404(ctx);
        renderPerson(ctx, pages.viewer(ctx), person, FormState.none());
    }

    public void actOnPerson(Context ctx) {
        Account moderator = access.requireModerator(ctx);
        Account person = personOr404(ctx);
        String action = ctx.pathParam("action");
        String reason = orEmpty(ctx.formParam("reason"));
        Moderation.Result result = switch (action) {
            case ModerationActions.SUSPEND -> {
                String duration = orEmpty(ctx.formParam("duration"));
                if (!DURATIONS.containsKey(duration) && !duration.equals("indefinite")) {
                    yield new Moderation.Result(0, "Choose how long the suspension lasts.");
                }
                yield moderation.suspend(moderator, person, Optional.ofNullable(DURATIONS.get(duration)), reason);
            }
            case ModerationActions.UNSUSPEND ->
                    moderation.liftSuspension(moderator, person, suspensions.active(person).isPresent(), reason);
            case ModerationActions.GRANT_MODERATOR, ModerationActions.REVOKE_MODERATOR -> {
                access.requireAdmin(ctx);
                yield moderation.setModerator(moderator, person, action.equals(ModerationActions.GRANT_MODERATOR), reason);
            }
            default -> throw HttpProblem.notFound("There is no action \"" + TextInput.shorten(action) + "\" for a person.");
        };
        respond(ctx, result, "/moderation/people/" + person.handle(), () -> renderPerson(ctx,
                pages.viewer(ctx, "/moderation/people/" + person.handle()),
                accounts.byHandle(person.handle()).orElse(person), new FormState(action, reason, result.problem())));
    }

    public void log(Context ctx) {
        String moderator = filter(ctx, "moderator");
        String action = filter(ctx, "action");
        long before = Ids.parse(ctx.queryParam("before")).orElse(Long.MAX_VALUE);
        List<ModerationEntry> entries = page(moderator, action, before);
        long olderThan = entries.size() > LOG_PAGE ? entries.get(LOG_PAGE - 1).id() : 0;
        pages.render(ctx, "moderation/log.jte", new LogPage(pages.viewer(ctx),
                entries.subList(0, Math.min(LOG_PAGE, entries.size())), moderator == null ? "" : moderator,
                action == null ? "" : action, olderThan, ModerationActions.ALL));
    }

    public void apiLog(Context ctx) {
        String moderator = filter(ctx, "moderator");
        String action = filter(ctx, "action");
        long before = Ids.parse(ctx.queryParam("before")).orElse(Long.MAX_VALUE);
        List<ModerationEntry> entries = page(moderator, action, before);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", entries.subList(0, Math.min(LOG_PAGE, entries.size())).stream().map(ModerationController::json).toList());
        out.put("next", entries.size() > LOG_PAGE ? "/api/moderation/log" + logQuery(entries.get(LOG_PAGE - 1).id(), moderator, action) : null);
        ctx.json(out);
    }

    /** The query of the log's next page: the filters are encoded, so whatever they hold comes back as it was. */
    static String logQuery(long before, String moderator, String action) {
        return "?before=" + before
                + (moderator == null ? "" : "&moderator=" + URLEncoder.encode(moderator, StandardCharsets.UTF_8))
                + (action == null ? "" : "&action=" + URLEncoder.encode(action, StandardCharsets.UTF_8));
    }

    public void entry(Context ctx) {
        long id = Ids.parse(ctx.pathParam("id")).orElseThrow(() -> HttpProblem.notFound("There is no such log entry."));
        ModerationEntry entry = jdbi.withExtension(ModerationLogDao.class, dao -> dao.findById(id))
                .orElseThrow(() -> HttpProblem.notFound("There is no moderation log entry #" + id + "."));
        pages.render(ctx, "moderation/entry.jte", new EntryPage(pages.viewer(ctx), entry));
    }

    public static Map<String, Object> json(ModerationEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("at", e.createdAt().toString());
        out.put("moderator", e.moderatorHandle());
        out.put("rule", e.rule());
        out.put("action", e.action());
        out.put("target", Map.of("kind", e.targetKind(), "id", e.targetId(), "label", e.targetLabel(), "url", e.targetPath()));
        out.put("reason", e.reason());
        out.put("endsAt", e.endsAt() == null ? null : e.endsAt().toString());
        return out;
    }

    private static Map<String, Object> json(ModerationQueue.Item item) {
        Statement s = item.statement();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statement", s.id());
        out.put("status", s.status());
        out.put("author", s.authorHandle());
        out.put("essay", s.essaySlug());
        out.put("body", s.body());
        out.put("openReports", item.openReports());
        out.put("reports", item.reports().stream().map(r -> Map.of("reporter", r.reporterHandle(), "reason", r.reason(),
                "details", r.details(), "at", r.createdAt().toString())).toList());
        out.put("review", "/moderation/statements/" + s.id());
        return out;
    }

    private List<ModerationEntry> page(String moderator, String action, long before) {
        return jdbi.withExtension(ModerationLogDao.class, dao -> dao.page(moderator, action, before, LOG_PAGE + 1));
    }

    /** Done: JSON or back to the review page. Refused: 422 with the form re-shown (or a JSON error). */
    private static void respond(Context ctx, Moderation.Result result, String backTo, Runnable reshow) {
        boolean json = ErrorPages.wantsJson(ctx);
        if (result.done()) {
            if (json) {
                ctx.json(Map.of("ok", true, "logEntry", result.entryId(), "url", "/moderation/log/" + result.entryId()));
            } else {
                ctx.redirect(backTo, HttpStatus.SEE_OTHER);
            }
            return;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        ErrorPages.keepRendered(ctx);
        if (json) {
            ctx.json(Map.of("status", 422, "error", result.problem()));
        } else {
            reshow.run();
        }
    }

    private void renderStatement(Context ctx, Viewer viewer, Statement statement, FormState form) {
        Essay essay = essayPages.find(statement.essaySlug());
        String paragraphText = statement.paragraph() == null ? null
                : essays.document(essay, statement.essayRevision()).paragraphText(statement.paragraph());
        pages.render(ctx, "moderation/statement.jte", new StatementReview(viewer, statement, essay, paragraphText,
                queue.reports(statement.id()), queue.log(ModerationActions.STATEMENT, statement.id()),
                queue.history(statement.authorId()), form));
    }

    private void renderPerson(Context ctx, Viewer viewer, Account person, FormState form) {
        pages.render(ctx, "moderation/person.jte", new PersonReview(viewer, person,
                suspensions.active(person).orElse(null), queue.history(person.id()), form));
    }

    private Statement statementOr404(Context ctx) {
        return Ids.parse(ctx.pathParam("id")).flatMap(statements::find)
                .orElseThrow(() -> HttpProblem.notFound("There is no statement \"" + TextInput.shorten(ctx.pathParam("id")) + "\"."));
    }

    private Account personOr404(Context ctx) {
        String handle = ctx.pathParam("handle");
        return accounts.byHandle(handle)
                .orElseThrow(() -> HttpProblem.notFound("Nobody here has the handle \"" + TextInput.shorten(handle) + "\"."));
    }

    /**
     * A log filter from the query, or null for none. A control character (NUL above all, which PostgreSQL
     * refuses in text) cannot match anything and is refused here rather than by the database.
     */
    private static String filter(Context ctx, String name) {
        String value = ctx.queryParam(name);
        String forbidden = value == null ? null : TextInput.forbiddenCharacter(value, false);
        if (forbidden != null) {
            throw new HttpProblem(400, "The filter \"" + name + "\" contains " + forbidden + ".");
        }
        return value == null || value.isBlank() || value.length() > 30 ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, Duration> durations() {
        Map<String, Duration> d = new LinkedHashMap<>();
        d.put("1d", Duration.ofDays(1));
        d.put("7d", Duration.ofDays(7));
        d.put("30d", Duration.ofDays(30));
        d.put("365d", Duration.ofDays(365));
        return d;
    }
}
