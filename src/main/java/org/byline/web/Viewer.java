package org.byline.web;

import org.byline.account.Account;

/** Who is looking at a page, and the token their forms must carry. Every page model has one. */
public record Viewer(Account account, String csrfToken, String path) {

    public boolean signedIn() {
        return account != null;
    }
}
