package org.byline.web;

/** Checks on free text typed by a person, shared by every form. */
public final class TextInput {
    private TextInput() {
    }

    /** Line endings normalised to \n; other text is kept exactly as typed. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** True when the text has something a reader can see: not only spaces and invisible format characters. */
    public static boolean hasVisibleText(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && !isInvisibleFiller(c));
    }

    /** Characters that render as blank space without being classed as such (Hangul fillers, braille blank). */
    private static boolean isInvisibleFiller(int c) {
        return c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x2800;
    }

    /** At most 40 characters of {@code value}, for quoting bad input back in a message. */
    public static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * The name of the first character that cannot be stored or shown as text (NUL, other control
     * characters, unpaired surrogates), or null when there is none.
     */
    public static String forbiddenCharacter(String text, boolean allowNewlines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "an unpaired surrogate";
            }
            boolean newline = c == '\n' || c == '\t';
            if (newline && allowNewlines) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
                return String.format("the control character U+%04X", (int) c);
            }
        }
        return null;
    }
}
