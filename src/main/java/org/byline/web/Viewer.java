package org.byline.web;

import org.byline.account.Account;
import org.byline.moderation.ModerationEntry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Who is looking at a page, the token their forms must carry, the address to come back to after
 * signing in, and their suspension if one is in force. Every page model has one.
 */
public record Viewer(Account account, String csrfToken, String returnTo, ModerationEntry suspension) {

    public boolean signedIn() {
        return account != null;
    }

    public boolean suspended() {
        return suspension != null;
    }

    public boolean canModerate() {
        return account != null && account.canModerate();
    }

    public boolean isAdmin() {
        return account != null && account.isAdmin();
    }

    public boolean is(long accountId) {
        return account != null && account.id() == accountId;
    }

    /** {@code returnTo} encoded for a {@code ?next=} query parameter. */
    public String next() {
        return URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
    }
}
