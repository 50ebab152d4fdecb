package org.byline.moderation;

import java.time.Instant;

/**
 * One line of the public moderation log: who (a moderator's handle, or for automatic holds only the
 * rule that held the statement), what, to which target, when and why.
 */
public record ModerationEntry(long id, Instant createdAt, String moderatorHandle, String rule, String action,
                              String targetKind, long targetId, String targetName, String reason, Instant endsAt) {

    public String actor() {
        return moderatorHandle != null ? "@" + moderatorHandle : "rule: " + rule;
    }

    public String path() {
        return "/moderation/log/" + id;
    }

    /** Where the target lives: a statement's permalink, a person's page, an essay. */
    public String targetPath() {
        return switch (targetKind) {
            case ModerationActions.STATEMENT -> "/statements/" + targetId;
            case ModerationActions.ACCOUNT -> "/people/" + targetName;
            case ModerationActions.ESSAY -> "/essays/" + targetName;
            default -> path();
        };
    }

    /** The target as a reader would name it: "statement #12", "@alice", "essay loss-of-attribution". */
    public String targetLabel() {
        return switch (targetKind) {
            case ModerationActions.STATEMENT -> "statement #" + targetId;
            case ModerationActions.ACCOUNT -> "@" + targetName;
            case ModerationActions.ESSAY -> "essay " + targetName;
            default -> targetKind + " " + targetId;
        };
    }
}
