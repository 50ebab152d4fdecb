package org.byline.comment;

import org.byline.text.Markdown;

import java.time.Instant;

/** One comment: a statement by exactly one person, shown under their display name and @handle. */
public record Statement(long id, long essayId, String essaySlug, String essayTitle, Long parentId, String paragraph,
                        String authorHandle, String authorDisplayName, String body, Instant createdAt) {

    public String path() {
        return "/statements/" + id;
    }

    public String contextPath() {
        return "/essays/" + essaySlug + "#s-" + id;
    }

    /** Sanitised HTML of the body (the only HTML a template may insert unescaped for a statement). */
    public String html() {
        return Markdown.statementHtml(body);
    }

    public String paragraphNumber() {
        return paragraph == null ? "" : paragraph.substring(2);
    }
}
