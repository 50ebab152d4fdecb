package org.byline.comment;

import org.byline.text.Markdown;

import java.time.Instant;

/**
 * One comment: a statement by exactly one person, shown under their display name and @handle.
 * {@code status} is visible, pending (held for review), hidden or rejected; the {@code status*}
 * fields describe the moderation log entry that set it (who, or which rule, when and why).
 */
public record Statement(long id, long essayId, String essaySlug, int essayRevision, Long parentId, String paragraph,
                        long authorId, String authorHandle, String authorDisplayName, String body, Instant createdAt,
                        String status, Long statusEntryId, String statusModerator, String statusRule,
                        String statusReason, Instant statusAt, Long lockEntryId, int revision, Instant withdrawnAt,
                        String quoteParagraph, Integer quoteEssayRevision, Long quoteStatement, Integer quoteStatementRevision,
                        String quoteStatementAuthor, Integer quoteStatementCurrentRevision) {

    public static final String VISIBLE = "visible";
    public static final String PENDING = "pending";
    public static final String HIDDEN = "hidden";
    public static final String REJECTED = "rejected";
    public static final String WITHDRAWN = "withdrawn";
    public static final String ERASED = "erased";

    public String path() {
        return "/statements/" + id;
    }

    public String contextPath() {
        return "/essays/" + essaySlug + "#s-" + id;
    }

    public String authorPath() {
        return "/people/" + authorHandle;
    }

    /** Sanitised HTML of the body (the only HTML a template may insert unescaped for a statement). */
    public String html() {
        return body == null ? "" : Markdown.statementHtml(body);
    }

    public boolean isWithdrawn() {
        return WITHDRAWN.equals(status);
    }

    public boolean isErased() {
        return ERASED.equals(status);
    }

    /** Shown to readers (visible, or kept in place as a tombstone), as opposed to held or rejected. */
    public boolean isPublished() {
        return !PENDING.equals(status) && !REJECTED.equals(status);
    }

    /** Its place stays in the thread, but its words are not shown. */
    public boolean isTombstone() {
        return isHidden() || isWithdrawn() || isErased();
    }

    /** This revision carries a quote the server checked against its source. */
    public boolean hasVerifiedQuote() {
        return quoteParagraph != null || quoteStatement != null;
    }

    /** "— @alice, statement #12, revision 2" or "— essay, paragraph 4". */
    public String quoteAttribution() {
        if (quoteStatement != null) {
            return "— @" + quoteStatementAuthor + ", statement #" + quoteStatement + ", revision " + quoteStatementRevision;
        }
        return quoteParagraph == null ? "" : "— essay, paragraph " + quoteParagraph.substring(2);
    }

    public String quoteSourcePath() {
        if (quoteStatement != null) {
            return "/statements/" + quoteStatement + "/history#revision-" + quoteStatementRevision;
        }
        return "/essays/" + essaySlug + "#" + quoteParagraph;
    }

    /** The quoted statement has been edited since; the quote still shows the revision it quoted. */
    public boolean quoteSourceChanged() {
        return quoteStatement != null && !quoteStatementRevision.equals(quoteStatementCurrentRevision);
    }

    public int timesEdited() {
        return revision - 1;
    }

    public String paragraphNumber() {
        return paragraph == null ? "" : paragraph.substring(2);
    }

    public boolean isVisible() {
        return VISIBLE.equals(status);
    }

    public boolean isHidden() {
        return HIDDEN.equals(status);
    }

    public boolean isPending() {
        return PENDING.equals(status);
    }

    public boolean isRejected() {
        return REJECTED.equals(status);
    }

    public boolean isLocked() {
        return lockEntryId != null;
    }

    /** Who set the current status: "@handle" of the moderator, or the rule that held it. */
    public String statusActor() {
        return statusModerator != null ? "@" + statusModerator : statusRule;
    }
}
