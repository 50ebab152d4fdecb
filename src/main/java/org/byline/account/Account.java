package org.byline.account;

import java.time.Instant;

/** One person. The byline of everything they say is their display name and @handle, nothing else. */
public record Account(long id, String handle, String displayName, String passwordHash, Instant createdAt) {

    public String profilePath() {
        return "/people/" + handle;
    }
}
