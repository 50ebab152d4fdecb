package org.byline.moderation;

import java.util.List;

/** The names of actions and target kinds as they are stored and shown in the log. */
public final class ModerationActions {
    public static final String STATEMENT = "statement";
    public static final String ACCOUNT = "account";
    public static final String ESSAY = "essay";

    public static final String HOLD = "hold";
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String HIDE = "hide";
    public static final String RESTORE = "restore";
    public static final String DISMISS = "dismiss-reports";
    public static final String LOCK = "lock";
    public static final String UNLOCK = "unlock";
    public static final String SUSPEND = "suspend";
    public static final String UNSUSPEND = "lift-suspension";
    public static final String GRANT_MODERATOR = "grant-moderator";
    public static final String REVOKE_MODERATOR = "revoke-moderator";
    public static final String GRANT_ADMIN = "grant-admin";
    public static final String ERASE = "erase";

    /** What a moderator can do to a statement and to an essay: any other action in the address is refused. */
    public static final List<String> ON_STATEMENT = List.of(APPROVE, REJECT, HIDE, RESTORE, DISMISS, LOCK, UNLOCK, ERASE);
    public static final List<String> ON_ESSAY = List.of(LOCK, UNLOCK);

    public static final List<String> ALL = List.of(HOLD, APPROVE, REJECT, HIDE, RESTORE, DISMISS, LOCK, UNLOCK,
            SUSPEND, UNSUSPEND, GRANT_MODERATOR, REVOKE_MODERATOR, GRANT_ADMIN, ERASE);

    private ModerationActions() {
    }
}
