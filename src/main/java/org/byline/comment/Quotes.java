package org.byline.comment;

import org.byline.essay.Essay;
import org.byline.essay.Essays;
import org.byline.text.Markdown;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Node;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verified quotes: a statement's Markdown "&gt;" quote is accepted with a source reference only when
 * the quoted words occur, whitespace aside, in exactly that source revision: a paragraph of the
 * essay revision the author is reading ("p-4"), or a revision of another statement ("12@2").
 */
public final class Quotes {
    private static final Pattern PARAGRAPH = Pattern.compile("p-[1-9][0-9]{0,4}");
    private static final Pattern STATEMENT = Pattern.compile("#?([1-9][0-9]{0,17})@([1-9][0-9]{0,8})");

    /** Where a quote comes from, as stored with the revision that quotes it. */
    public record Source(Long essayId, Integer essayRevision, String paragraph, Long statementId, Integer statementRevision) {
        public String reference() {
            return paragraph != null ? paragraph : statementId + "@" + statementRevision;
        }
    }

    /** The checked source, or the problem to show the author. */
    public record Check(Source source, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final Jdbi jdbi;
    private final Essays essays;

    public Quotes(Jdbi jdbi, Essays essays) {
        this.jdbi = jdbi;
        this.essays = essays;
    }

    /** Checks the quotes in {@code body} against {@code reference}; a blank reference means no verified quote. */
    public Check check(String body, String reference, Essay essay) {
        return check(body, reference, essay, essay.revision());
    }

    /** As {@link #check}, with a paragraph reference read in the given essay revision (kept across edits). */
    public Check check(String body, String reference, Essay essay, int essayRevision) {
        if (reference == null || reference.isBlank()) {
            return new Check(null, null);
        }
        String ref = reference.strip();
        List<String> quoted = blockQuotes(body);
        if (quoted.isEmpty()) {
            return problem("You named a source (" + shorten(ref) + ") but quoted nothing: put the quoted words on lines starting with \"> \".");
        }
        Source source;
        String sourceText;
        String sourceName;
        if (PARAGRAPH.matcher(ref).matches()) {
            sourceText = essays.document(essay, essayRevision).paragraphText(ref);
            if (sourceText == null) {
                return problem("The quote's source " + ref + " is not a paragraph of this essay (revision " + essayRevision + ").");
            }
            source = new Source(essay.id(), essayRevision, ref, null, null);
            sourceName = "paragraph " + ref.substring(2) + " of the essay";
        } else {
            Matcher m = STATEMENT.matcher(ref);
            if (!m.matches()) {
                return problem("A quote's source is a paragraph like p-4, or a statement and revision like 12@2; \""
                        + shorten(ref) + "\" is neither.");
            }
            long id = Long.parseLong(m.group(1));
            int revision = Integer.parseInt(m.group(2));
            Optional<Statement> quotedStatement = jdbi.withExtension(StatementDao.class, dao -> dao.findById(id))
                    .filter(Statement::isPublished)
                    .filter(st -> essays.bySlug(st.essaySlug()).isPresent());
            if (quotedStatement.isEmpty()) {
                return problem("Statement #" + id + ", the quote's source, does not exist.");
            }
            Optional<String> text = jdbi.withExtension(StatementDao.class, dao -> dao.revisionBody(id, revision));
            if (text.isEmpty() || quotedStatement.get().isTombstone()) {
                return problem("Statement #" + id + " has no readable revision " + revision
                        + " (it has revisions 1 to " + quotedStatement.get().revision() + ").");
            }
            sourceText = Markdown.plainText(text.get());
            source = new Source(null, null, null, id, revision);
            sourceName = "statement #" + id + ", revision " + revision;
        }
        String haystack = normalise(sourceText);
        for (String quote : quoted) {
            String needle = normalise(quote);
            if (!occurs(needle, haystack)) {
                return problem(mismatch(needle, haystack, sourceName));
            }
        }
        return new Check(source, null);
    }

    /** The plain text of each top-level "&gt;" quote in a statement. */
    static List<String> blockQuotes(String markdown) {
        List<String> quotes = new ArrayList<>();
        for (Node node = Markdown.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof BlockQuote) {
                String text = Markdown.plainTextOf(node);
                if (!text.isBlank()) {
                    quotes.add(text);
                }
            }
        }
        return quotes;
    }

    private static String mismatch(String needle, String haystack, String sourceName) {
        String[] words = needle.split(" ");
        int matched = 0;
        while (matched < words.length && occurs(String.join(" ", Arrays.copyOfRange(words, 0, matched + 1)), haystack)) {
            matched++;
        }
        if (matched == 0) {
            return "The quote does not occur in " + sourceName + ": its first words \"" + shorten(needle) + "\" are not there.";
        }
        String from = String.join(" ", Arrays.copyOfRange(words, matched, Math.min(words.length, matched + 6)));
        return "The quote matches " + sourceName + " up to \"" + shorten(String.join(" ", Arrays.copyOfRange(words, Math.max(0, matched - 6), matched)))
                + "\", but from \"" + shorten(from) + "\" on it differs from the source.";
    }

    /** Whole words only: "with" does not occur in "without". */
    private static boolean occurs(String needle, String haystack) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(needle) + "(?![\\p{L}\\p{N}])").matcher(haystack).find();
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static Check problem(String message) {
        return new Check(null, message);
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    /** A statement's text as a Markdown "&gt;" quote, to start a reply with. */
    public static String asMarkdownQuote(String markdown) {
        return quoteOf(Markdown.plainText(markdown));
    }

    /**
     * Text a reader saw, as a Markdown "&gt;" quote that shows that same text: what Markdown would read
     * as emphasis, code, an entity, a link or HTML anywhere, and as a block marker ("#", "-", "1.")
     * at the start, is escaped; so "&amp;amp;" or "*a*" in the source stays as it was shown and the
     * quote still matches its source.
     */
    public static String quoteOf(String plainText) {
        String line = INLINE_SIGN.matcher(plainText.replace("\n", " ")).replaceAll("\\\\$0");
        line = LEADING_SIGN.matcher(line).replaceFirst("\\\\$0");
        return "> " + LIST_NUMBER.matcher(line).replaceFirst("$1\\\\$2") + "\n\n";
    }

    private static final Pattern INLINE_SIGN = Pattern.compile("[\\\\`*_\\[\\]<&]");
    /** ASCII punctuation opening the line could start a heading, list, quote, fence or break. */
    private static final Pattern LEADING_SIGN = Pattern.compile("^[!-/:-@^{-~]");
    private static final Pattern LIST_NUMBER = Pattern.compile("^([0-9]{1,9})([.)])");

}
