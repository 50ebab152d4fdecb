package org.byline.moderation;

import java.time.Instant;

/** A member's report of a statement, open until a moderator's action resolves it. */
public record Report(long id, long statementId, String reporterHandle, String reason, String details, Instant createdAt,
                     Long resolvedEntryId) {
}
