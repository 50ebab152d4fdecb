package org.byline.web;

import java.util.Optional;
import java.util.regex.Pattern;

/** Parses the positive numeric ids that appear in paths and forms; anything else is not an id. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private Ids() {
    }

    public static Optional<Long> parse(String raw) {
        return raw != null && ID.matcher(raw).matches() ? Optional.of(Long.parseLong(raw)) : Optional.empty();
    }
}
