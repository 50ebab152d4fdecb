package org.byline.essay.admin;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One essay as admins see it in the list: its state, its latest revision and who made it, how many
 * revisions it has, and who last published or unpublished it.
 */
public record AdminEssayRow(long id, String slug, boolean published, Instant publishedChangedAt,
                            String publishedChangedByHandle, String publishedChangedByDisplayName,
                            int revision, String title, LocalDate publishedOn, String source, Instant revisedAt,
                            String editorHandle, String editorDisplayName,
                            String authorHandle, String authorDisplayName, long revisionCount) {

    /** "Published", "Draft" (never published) or "Unpublished" (taken down by an admin). */
    public String status() {
        if (published) {
            return "Published";
        }
        return publishedChangedAt == null ? "Draft" : "Unpublished";
    }

    public String path() {
        return "/essays/" + slug;
    }

    public String editPath() {
        return "/admin/essays/" + slug + "/edit";
    }

    public String revisionsPath() {
        return "/admin/essays/" + slug + "/revisions";
    }

    public String actionPath(String action) {
        return "/admin/essays/" + slug + "/" + action;
    }
}
