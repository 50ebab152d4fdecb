package org.byline.essay;

import io.javalin.http.Context;
import org.byline.comment.Statement;
import org.byline.comment.Statements;
import org.byline.comment.ThreadNode;
import org.byline.web.Pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only JSON: the essays, and each essay's statements as a tree. */
public final class EssayApi {
    /** Deeper replies are attached flat under their ancestor at this depth (parentId stays exact). */
    private static final int MAX_JSON_DEPTH = 32;

    private final EssayController essays;
    private final EssayPages essayPages;
    private final Statements statements;
    private final Pages pages;

    public EssayApi(EssayController essays, EssayPages essayPages, Statements statements, Pages pages) {
        this.essays = essays;
        this.essayPages = essayPages;
        this.statements = statements;
        this.pages = pages;
    }

    public void list(Context ctx) {
        ctx.json(essays.summaries().stream().map(s -> Map.of(
                "slug", s.slug(),
                "title", s.title(),
                "date", s.publishedOn().toString(),
                "excerpt", s.excerpt(),
                "commentCount", s.commentCount(),
                "author", Map.of("handle", s.authorHandle(), "displayName", s.authorDisplayName()),
                "url", s.path())).toList());
    }

    public void comments(Context ctx) {
        Essay essay = essayPages.find(ctx.pathParam("slug"));
        var viewer = pages.viewer(ctx).account();
        List<ThreadNode> threads = ThreadNode.capDepth(
                ThreadNode.forest(Statements.visibleTo(viewer, statements.onEssay(essay))), MAX_JSON_DEPTH);
        ctx.json(Map.of("essay", essay.slug(), "revision", essay.revision(), "locked", essay.isLocked(),
                "comments", threads.stream().map(EssayApi::json).toList()));
    }

    /** A statement as JSON; a hidden one keeps its place and byline but not its text. */
    static Map<String, Object> json(ThreadNode node) {
        Statement s = node.statement();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("author", Map.of("handle", s.authorHandle(), "displayName", s.authorDisplayName()));
        out.put("createdAt", s.createdAt().toString());
        out.put("essayRevision", s.essayRevision());
        out.put("paragraph", s.paragraph());
        out.put("parentId", s.parentId());
        out.put("status", s.status());
        out.put("revision", s.revision());
        if (s.isWithdrawn()) {
            out.put("withdrawn", Map.of("by", "@" + s.authorHandle(), "at", String.valueOf(s.withdrawnAt())));
        } else if (s.isTombstone()) {
            Map<String, Object> tombstone = new LinkedHashMap<>();
            tombstone.put("by", s.statusActor());
            tombstone.put("at", String.valueOf(s.statusAt()));
            tombstone.put("reason", s.statusReason());
            tombstone.put("logEntry", s.statusEntryId());
            out.put(s.isErased() ? "erased" : "hidden", tombstone);
        } else {
            out.put("body", s.body());
            out.put("html", s.html());
        }
        out.put("url", s.path());
        out.put("replies", node.replies().stream().map(EssayApi::json).toList());
        return out;
    }
}
