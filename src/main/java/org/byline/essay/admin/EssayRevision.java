package org.byline.essay.admin;

import java.time.Instant;
import java.time.LocalDate;

/** One revision of an essay with its full text. Revisions are never changed or deleted. */
public record EssayRevision(String slug, int revision, String title, LocalDate publishedOn, String markdown,
                            String contentHash, String source, Instant createdAt,
                            String authorHandle, String authorDisplayName) {

    public RevisionSummary summary() {
        return new RevisionSummary(revision, title, publishedOn, source, createdAt, authorHandle, authorDisplayName);
    }
}
