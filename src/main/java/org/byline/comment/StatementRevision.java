package org.byline.comment;

import java.time.Instant;

/** One revision of a statement's text; {@code body} is null only after an erasure on legal request. */
public record StatementRevision(long statementId, int revision, String body, String contentHash, Instant createdAt) {
}
