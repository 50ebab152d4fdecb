package org.byline.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for a handle: 3-30 of a-z, 0-9, '_' and '-', unique whatever the letter case. */
public final class Handles {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{3,30}");

    private Handles() {
    }

    public static boolean isValid(String handle) {
        return handle != null && VALID.matcher(handle).matches();
    }

    /** The form under which uniqueness is checked and people are looked up. */
    public static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
