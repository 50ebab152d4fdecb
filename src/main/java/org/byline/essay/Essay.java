package org.byline.essay;

import java.time.LocalDate;

/**
 * The latest revision of an essay, with the person whose byline it carries (the essay's author, not
 * necessarily the admin who made the latest revision). {@code published} is false for a draft or an
 * unpublished essay, which only admins can see.
 */
public record Essay(long id, String slug, int revision, String title, LocalDate publishedOn, String markdown,
                    String contentHash, String authorHandle, String authorDisplayName, Long lockEntryId,
                    boolean published) {

    public String path() {
        return "/essays/" + slug;
    }

    public String authorPath() {
        return "/people/" + authorHandle;
    }

    /** Locked by a moderator: no new statements anywhere on this essay. */
    public boolean isLocked() {
        return lockEntryId != null;
    }
}
