package org.byline.essay.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.byline.account.Account;
import org.byline.account.Sessions;
import org.byline.essay.Essay;
import org.byline.essay.EssayDocument;
import org.byline.web.Access;
import org.byline.web.ErrorPages;
import org.byline.web.HttpProblem;
import org.byline.web.Pages;
import org.byline.web.Viewer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admins' essay desk under /admin/essays: write, preview, publish, revise and unpublish essays,
 * and read every revision with the admin who made it. Every handler checks the admin first, before
 * it looks at anything else, so others learn nothing but 401 or 403.
 */
public final class EssayAdminController {

    public record ListPage(Viewer viewer, List<AdminEssayRow> essays) {
    }

    /**
     * The form to write a new essay ({@code essay} null) or revise one. {@code preview} is the typed
     * text rendered as readers would see it, when the admin asked for a preview.
     */
    public record EditPage(Viewer viewer, AdminEssayRow essay, EssayForm form, Map<String, String> problems,
                           EssayDocument preview, String notice) {
        public boolean creating() {
            return essay == null;
        }

        public String action() {
            return creating() ? "/admin/essays" : "/admin/essays/" + essay.slug();
        }

        public String problem(String field) {
            return problems.get(field);
        }

        public String describedBy(String field) {
            return field + "-hint" + (problems.containsKey(field) ? " " + field + "-error" : "");
        }
    }

    public record RevisionsPage(Viewer viewer, AdminEssayRow essay, List<RevisionSummary> revisions) {
    }

    public record RevisionPage(Viewer viewer, AdminEssayRow essay, EssayRevision revision, EssayDocument document) {
        public boolean latest() {
            return revision.revision() == essay.revision();
        }
    }

    /** The live preview's answer: the rendered blocks, or why the text cannot be shown. */
    public record PreviewFragment(EssayDocument document, String problem) {
    }

    /** An unpublished essay at its public address, as only admins see it. */
    public record UnpublishedPage(Viewer viewer, Essay essay, AdminEssayRow row, EssayDocument document) {
    }

    private final EssayEditing editing;
    private final Pages pages;
    private final Access access;
    private final Clock clock;

    public EssayAdminController(EssayEditing editing, Pages pages, Access access, Clock clock) {
        this.editing = editing;
        this.pages = pages;
        this.access = access;
        this.clock = clock;
    }

    /** GET /admin/essays */
    public void list(Context ctx) {
        access.requireAdmin(ctx);
        pages.render(ctx, "essay/admin/list.jte", new ListPage(pages.viewer(ctx), editing.all()));
    }

    /** GET /admin/essays/new */
    public void newForm(Context ctx) {
        access.requireAdmin(ctx);
        EssayForm blank = EssayForm.blank(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        pages.render(ctx, "essay/admin/edit.jte", new EditPage(pages.viewer(ctx), null, blank, Map.of(), null, null));
    }

    /** POST /admin/essays: a new draft, or (intent=preview) the form again with a preview. */
    public void create(Context ctx) {
        Account admin = access.requireAdmin(ctx);
        EssayForm form = EssayForm.from(ctx);
        if (previewRequested(ctx)) {
            showPreview(ctx, null, form, "/admin/essays/new");
            return;
        }
        EssayEditing.Outcome outcome = editing.create(admin, form);
        if (outcome.kind() != EssayEditing.Kind.SAVED) {
            reshow(ctx, HttpStatus.UNPROCESSABLE_CONTENT, null, form, outcome.problems(), null, "/admin/essays/new");
            return;
        }
        ctx.redirect("/admin/essays/" + form.valid().slug() + "/edit?done=created", HttpStatus.SEE_OTHER);
    }

    /** GET /admin/essays/{slug}/edit */
    public void editForm(Context ctx) {
        access.requireAdmin(ctx);
        AdminEssayRow row = row(ctx);
        Essay essay = editing.essay(row.slug()).orElseThrow(() -> notFound(row.slug()));
        EssayForm form = new EssayForm(essay.slug(), essay.title(), essay.publishedOn().toString(), essay.markdown(),
                String.valueOf(essay.revision()));
        pages.render(ctx, "essay/admin/edit.jte",
                new EditPage(pages.viewer(ctx), row, form, Map.of(), null, notice(ctx.queryParam("done"), row)));
    }

    /** POST /admin/essays/{slug}: a new revision by this admin, or (intent=preview) a preview. */
    public void revise(Context ctx) {
        Account admin = access.requireAdmin(ctx);
        AdminEssayRow row = row(ctx);
        EssayForm form = EssayForm.from(ctx).withSlug(row.slug());
        if (previewRequested(ctx)) {
            showPreview(ctx, row, form, row.editPath());
            return;
        }
        EssayEditing.Outcome outcome = editing.revise(admin, row.slug(), form);
        switch (outcome.kind()) {
            case SAVED -> ctx.redirect(row.editPath() + "?done=revised", HttpStatus.SEE_OTHER);
            case UNCHANGED -> ctx.redirect(row.editPath() + "?done=unchanged", HttpStatus.SEE_OTHER);
            case CONFLICT -> {
                AdminEssayRow now = editing.row(row.slug()).orElse(row);
                String problem = "While you were editing, " + now.editorDisplayName() + " (@" + now.editorHandle()
                        + ") saved revision " + now.revision() + ". Nothing of yours was saved: your text is below. "
                        + "Compare it with the latest revision, then save again to make it the next revision.";
                reshow(ctx, HttpStatus.CONFLICT, now, form.withBaseRevision(outcome.revision()),
                        Map.of("markdown", problem), null, row.editPath());
            }
            case INVALID -> reshow(ctx, HttpStatus.UNPROCESSABLE_CONTENT, row, form, outcome.problems(), null, row.editPath());
        }
    }

    /** POST /admin/essays/{slug}/publish */
    public void publish(Context ctx) {
        setPublished(ctx, true);
    }

    /** POST /admin/essays/{slug}/unpublish */
    public void unpublish(Context ctx) {
        setPublished(ctx, false);
    }

    /** POST /admin/preview: the sanitised HTML of the posted Markdown, for the live preview. */
    public void preview(Context ctx) {
        access.requireAdmin(ctx);
        String markdown = EssayForm.from(ctx).markdown();
        String problem = EssayForm.markdownProblem(markdown);
        if (problem != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.render("essay/admin/preview.jte",
                Map.of("page", new PreviewFragment(problem == null ? EssayDocument.render(markdown) : null, problem)));
    }

    /** GET /admin/essays/{slug}/revisions */
    public void revisions(Context ctx) {
        access.requireAdmin(ctx);
        AdminEssayRow row = row(ctx);
        pages.render(ctx, "essay/admin/revisions.jte",
                new RevisionsPage(pages.viewer(ctx), row, editing.revisions(row.slug())));
    }

    /** GET /admin/essays/{slug}/revisions/{revision} */
    public void revision(Context ctx) {
        access.requireAdmin(ctx);
        AdminEssayRow row = row(ctx);
        int number;
        try {
            number = Integer.parseInt(ctx.pathParam("revision"));
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("There is no such revision of \"" + row.slug() + "\".");
        }
        EssayRevision revision = editing.revision(row.slug(), number)
                .orElseThrow(() -> HttpProblem.notFound("\"" + row.slug() + "\" has no revision " + number + "."));
        pages.render(ctx, "essay/admin/revision.jte", new RevisionPage(pages.viewer(ctx), row, revision,
                EssayDocument.render(revision.markdown())));
    }

    /**
     * Before GET /essays/{slug}: readers get 404 for an unpublished essay (the essay pages only find
     * published ones); an admin instead sees it, under a banner saying it is unpublished.
     */
    public void showUnpublishedToAdmins(Context ctx) {
        if (!ctx.method().name().equals("GET") || ctx.cookie(Sessions.COOKIE) == null) {
            return; // readers without a session pay nothing for this check
        }
        Viewer viewer = pages.viewer(ctx);
        if (!viewer.isAdmin()) {
            return;
        }
        Essay essay = editing.essay(ctx.pathParam("slug")).orElse(null);
        if (essay == null || essay.published()) {
            return;
        }
        AdminEssayRow row = editing.row(essay.slug()).orElseThrow(() -> notFound(essay.slug()));
        pages.render(ctx, "essay/admin/unpublished.jte",
                new UnpublishedPage(viewer, essay, row, EssayDocument.render(essay.markdown())));
        ctx.skipRemainingHandlers();
    }

    private void setPublished(Context ctx, boolean publish) {
        Account admin = access.requireAdmin(ctx);
        AdminEssayRow row = row(ctx);
        boolean changed = editing.setPublished(admin, row.id(), publish);
        String done = (changed ? "" : "already-") + (publish ? "published" : "unpublished");
        ctx.redirect(row.editPath() + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private void showPreview(Context ctx, AdminEssayRow row, EssayForm form, String returnTo) {
        String problem = EssayForm.markdownProblem(form.markdown());
        if (problem != null) {
            reshow(ctx, HttpStatus.UNPROCESSABLE_CONTENT, row, form, Map.of("markdown", problem), null, returnTo);
            return;
        }
        reshow(ctx, HttpStatus.OK, row, form, Map.of(), EssayDocument.render(form.markdown()), returnTo);
    }

    private void reshow(Context ctx, HttpStatus status, AdminEssayRow row, EssayForm form, Map<String, String> problems,
                        EssayDocument preview, String returnTo) {
        ctx.status(status);
        ErrorPages.keepRendered(ctx);
        pages.render(ctx, "essay/admin/edit.jte",
                new EditPage(pages.viewer(ctx, returnTo), row, form, new LinkedHashMap<>(problems), preview, null));
    }

    private AdminEssayRow row(Context ctx) {
        String slug = ctx.pathParam("slug");
        return editing.row(slug).orElseThrow(() -> notFound(slug));
    }

    private static HttpProblem notFound(String slug) {
        return HttpProblem.notFound("There is no essay called \"" + slug + "\".");
    }

    private static boolean previewRequested(Context ctx) {
        return "preview".equals(ctx.formParam("intent"));
    }

    /** The message after a redirect: fixed sentences chosen by the {@code done} parameter, never its text. */
    static String notice(String done, AdminEssayRow row) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "Saved as a draft (revision 1). Readers cannot see it until you publish it.";
            case "revised" -> "Saved as revision " + row.revision() + ", attributed to you. Earlier revisions are kept.";
            case "unchanged" -> "Nothing changed since revision " + row.revision() + ", so no new revision was made.";
            case "published" -> "Published: the essay is on the index and anyone can read it.";
            case "unpublished" -> "Unpublished: readers now get \"not found\"; only admins can see it.";
            case "already-published" -> "The essay was already published; nothing changed.";
            case "already-unpublished" -> "The essay was already unpublished; nothing changed.";
            default -> null;
        };
    }
}
