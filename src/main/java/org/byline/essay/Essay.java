package org.byline.essay;

import java.time.LocalDate;

/** The latest revision of an essay, with the person whose byline it carries. */
public record Essay(long id, String slug, int revision, String title, LocalDate publishedOn, String markdown,
                    String contentHash, String authorHandle, String authorDisplayName) {

    public String path() {
        return "/essays/" + slug;
    }
}
