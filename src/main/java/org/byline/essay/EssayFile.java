package org.byline.essay;

import org.byline.web.Tokens;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An essay as it arrives on disk: Markdown with front matter naming its slug, title and date. */
public record EssayFile(String slug, String title, LocalDate publishedOn, String body, String contentHash) {
    private static final Parser FRONT_MATTER = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create())).build();
    private static final Pattern FRONT_MATTER_BLOCK = Pattern.compile("\\A---\\R.*?\\R---\\R?", Pattern.DOTALL);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static EssayFile parse(String fileName, String source) {
        String text = source.replace("\r\n", "\n");
        Node document = FRONT_MATTER.parse(text);
        YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
        document.accept(visitor);
        Map<String, List<String>> data = visitor.getData();
        String slug = single(fileName, data, "slug");
        if (!SLUG.matcher(slug).matches() || slug.length() > 120) {
            throw new IllegalArgumentException(fileName + ": slug must be lower-case words joined by '-', got " + slug);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(single(fileName, data, "date"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(fileName + ": date must be YYYY-MM-DD", e);
        }
        String body = FRONT_MATTER_BLOCK.matcher(text).replaceFirst("").strip() + "\n";
        // The hash covers everything a reader sees, so any change to the file makes a new revision.
        return new EssayFile(slug, single(fileName, data, "title"), date, body, Tokens.sha256Hex(text));
    }

    /** An essay as a file in db/essays would hold it (front matter, a blank line, the body). */
    public static String text(String slug, String title, LocalDate publishedOn, String body) {
        return "---\nslug: " + slug + "\ntitle: " + title + "\ndate: " + publishedOn + "\n---\n\n" + body;
    }

    /** The hash of {@link #text}: what a browser revision stores as its content hash. */
    public static String hash(String slug, String title, LocalDate publishedOn, String body) {
        return Tokens.sha256Hex(text(slug, title, publishedOn, body));
    }

    private static String single(String fileName, Map<String, List<String>> data, String key) {
        List<String> values = data.get(key);
        if (values == null || values.size() != 1 || values.get(0).isBlank()) {
            throw new IllegalArgumentException(fileName + ": front matter needs exactly one '" + key + "'");
        }
        return values.get(0).strip();
    }
}
