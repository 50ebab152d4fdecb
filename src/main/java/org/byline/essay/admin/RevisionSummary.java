package org.byline.essay.admin;

import java.time.Instant;
import java.time.LocalDate;

/** One revision of an essay, without its text: who made it, when, and from where. */
public record RevisionSummary(int revision, String title, LocalDate publishedOn, String source, Instant createdAt,
                              String authorHandle, String authorDisplayName) {

    public boolean fromBrowser() {
        return EssayEditing.SOURCE_BROWSER.equals(source);
    }

    /** How the revision was made, in words. */
    public String sourceLabel() {
        return fromBrowser() ? "written in the browser" : "imported from the file";
    }

    public String authorPath() {
        return "/people/" + authorHandle;
    }
}
