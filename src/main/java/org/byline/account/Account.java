package org.byline.account;

import java.time.Instant;

/**
 * One person. The byline of everything they say is their display name and @handle, nothing else.
 * The password hash is deliberately not here, so no page model or JSON can carry it.
 */
public record Account(long id, String handle, String displayName, Instant createdAt, String role, Long suspensionEntryId) {

    public Role roleEnum() {
        return Role.fromKey(role);
    }

    public boolean canModerate() {
        return roleEnum().canModerate();
    }

    public boolean isAdmin() {
        return roleEnum() == Role.ADMIN;
    }

    public String profilePath() {
        return "/people/" + handle;
    }
}
