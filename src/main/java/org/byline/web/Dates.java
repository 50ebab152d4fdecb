package org.byline.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times appear on pages: unambiguous, in UTC, with a machine-readable twin for {@code <time>}. */
public final class Dates {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private Dates() {
    }

    public static String human(Instant instant) {
        return HUMAN.format(instant);
    }

    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }
}
