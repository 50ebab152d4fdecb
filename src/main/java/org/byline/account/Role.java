package org.byline.account;

import java.util.Locale;

/** What an account may do. Roles never appear in bylines: a moderator's statements read like anyone's. */
public enum Role {
    MEMBER, MODERATOR, ADMIN;

    public boolean canModerate() {
        return this == MODERATOR || this == ADMIN;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
