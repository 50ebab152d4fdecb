package org.byline.essay.admin;

import io.javalin.http.Context;
import org.byline.web.TextInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The essay form exactly as typed (so it can be shown again), and its checks. {@code baseRevision}
 * is the revision the admin started from, so a revision made meanwhile by someone else is not lost.
 */
public record EssayForm(String slug, String title, String date, String markdown, String baseRevision) {
    public static final int MAX_SLUG = 120;
    public static final int MAX_TITLE = 300;
    public static final int MAX_MARKDOWN = 1_000_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A([ \\t]*\\n)+");

    /** The checked values, ready to store. */
    public record Valid(String slug, String title, LocalDate publishedOn, String markdown) {
    }

    public static EssayForm blank(LocalDate today) {
        return new EssayForm("", "", today.toString(), "", "");
    }

    public static EssayForm from(Context ctx) {
        return new EssayForm(orEmpty(ctx.formParam("slug")), orEmpty(ctx.formParam("title")),
                orEmpty(ctx.formParam("date")), TextInput.normalise(ctx.formParam("markdown")),
                orEmpty(ctx.formParam("baseRevision")));
    }

    public EssayForm withSlug(String fixedSlug) {
        return new EssayForm(fixedSlug, title, date, markdown, baseRevision);
    }

    public EssayForm withBaseRevision(int revision) {
        return new EssayForm(slug, title, date, markdown, String.valueOf(revision));
    }

    /** The base revision as a number, or -1 when the form did not carry a valid one. */
    public int baseRevisionNumber() {
        try {
            return Integer.parseInt(baseRevision);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Every problem with the form, keyed by field id, in the order of the form; empty when it can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        String slugProblem = slugProblem(slug.strip());
        if (slugProblem != null) {
            problems.put("slug", slugProblem);
        }
        String title = this.title.strip();
        String badInTitle = TextInput.forbiddenCharacter(title, false);
        if (title.isEmpty()) {
            problems.put("title", "Give the essay a title.");
        } else if (title.length() > MAX_TITLE) {
            problems.put("title", "A title is at most " + MAX_TITLE + " characters; this one has " + title.length() + ".");
        } else if (badInTitle != null) {
            problems.put("title", "The title contains " + badInTitle + ".");
        }
        if (parseDate(date.strip()) == null) {
            problems.put("date", "Give the date as YYYY-MM-DD, for example 2024-05-01.");
        }
        String markdownProblem = markdownProblem(markdown);
        if (markdownProblem != null) {
            problems.put("markdown", markdownProblem);
        }
        return problems;
    }

    /** The stored form of the checked values; call only when {@link #problems()} is empty. */
    public Valid valid() {
        return new Valid(slug.strip(), title.strip(), parseDate(date.strip()), storedMarkdown(markdown));
    }

    public static String slugProblem(String slug) {
        if (slug.isEmpty()) {
            return "Give the essay a slug: the last part of its address, like my-first-essay.";
        }
        if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
            return "A slug is lower-case letters and digits, words joined by single '-' (like my-first-essay), at most "
                    + MAX_SLUG + " characters. \"" + TextInput.shorten(slug) + "\" is not.";
        }
        return null;
    }

    /** The problem with an essay's Markdown as typed, or null; shared with the live preview. */
    public static String markdownProblem(String markdown) {
        if (markdown.isBlank()) {
            return "Write the essay: the text cannot be empty.";
        }
        if (markdown.length() > MAX_MARKDOWN) {
            return "An essay is at most 1,000,000 characters; this one has " + String.format("%,d", markdown.length()) + ".";
        }
        String bad = TextInput.forbiddenCharacter(markdown, true);
        return bad == null ? null : "The text contains " + bad + ", which cannot be stored; remove it.";
    }

    /** Line endings already normalised; leading blank lines and trailing white space dropped, one final newline. */
    public static String storedMarkdown(String markdown) {
        return LEADING_BLANK_LINES.matcher(markdown).replaceFirst("").stripTrailing() + "\n";
    }

    private static LocalDate parseDate(String value) {
        if (!DATE.matcher(value).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
