package org.byline.comment;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word-level diff between two revisions of a text, as runs of unchanged, removed and added text. */
public final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    public enum Kind { SAME, REMOVED, ADDED }

    public record Segment(Kind kind, String text) {
        public boolean same() {
            return kind == Kind.SAME;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }

        public boolean added() {
            return kind == Kind.ADDED;
        }
    }

    private WordDiff() {
    }

    public static List<Segment> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Kind.SAME, a.subList(position, start));
            add(segments, Kind.REMOVED, delta.getSource().getLines());
            add(segments, Kind.ADDED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, Kind.SAME, a.subList(position, a.size()));
        return segments;
    }

    private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
        if (!tokens.isEmpty()) {
            segments.add(new Segment(kind, String.join("", tokens)));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
