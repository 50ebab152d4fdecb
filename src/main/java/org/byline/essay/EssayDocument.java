package org.byline.essay;

import org.byline.text.Markdown;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An essay revision rendered once into blocks. Paragraphs are numbered p-1, p-2, ... in reading
 * order so they can be linked, quoted and commented on; figure markers become live figures.
 */
public final class EssayDocument {
    /** A paragraph that is only {@code [[figure:NAME|Caption]]} marks where a live figure goes. */
    private static final Pattern FIGURE_MARKER = Pattern.compile("\\[\\[figure:([a-z0-9-]+)\\|([^\\]]+)]]");
    public static final Set<String> KNOWN_FIGURES = Set.of("miss-ranges", "confidence");

    public enum Kind { PARAGRAPH, FIGURE, OTHER }

    /**
     * One block of the essay. For a paragraph {@code html} is its inner HTML (the page wraps it in
     * {@code <p id=...>}); for a figure {@code id} is the figure's name and {@code text} its caption.
     */
    public record Block(Kind kind, String id, int number, String html, String text) {
    }

    private final List<Block> blocks;
    private final int paragraphCount;

    private EssayDocument(List<Block> blocks, int paragraphCount) {
        this.blocks = List.copyOf(blocks);
        this.paragraphCount = paragraphCount;
    }

    public static EssayDocument render(String markdown) {
        List<Block> blocks = new ArrayList<>();
        int paragraphs = 0;
        Node node = Markdown.parse(markdown).getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            String html = Markdown.essayBlockHtml(node);
            if (node instanceof Paragraph) {
                Element p = Jsoup.parseBodyFragment(html).body().selectFirst("p");
                String text = p == null ? "" : p.text();
                Matcher figure = FIGURE_MARKER.matcher(text.strip());
                if (figure.matches() && KNOWN_FIGURES.contains(figure.group(1))) {
                    blocks.add(new Block(Kind.FIGURE, figure.group(1), 0, "", figure.group(2).strip()));
                } else if (!text.isBlank()) {
                    paragraphs++;
                    blocks.add(new Block(Kind.PARAGRAPH, "p-" + paragraphs, paragraphs, p.html(), text));
                }
            } else {
                blocks.add(new Block(Kind.OTHER, "", 0, html, ""));
            }
            node = next;
        }
        return new EssayDocument(blocks, paragraphs);
    }

    public List<Block> blocks() {
        return blocks;
    }

    public int paragraphCount() {
        return paragraphCount;
    }

    public boolean hasParagraph(String id) {
        return paragraphText(id) != null;
    }

    public String paragraphText(String id) {
        return blocks.stream().filter(b -> b.kind() == Kind.PARAGRAPH && b.id().equals(id))
                .map(Block::text).findFirst().orElse(null);
    }

    public String paragraphWithText(String text) {
        return blocks.stream().filter(b -> b.kind() == Kind.PARAGRAPH && b.text().equals(text))
                .map(Block::id).findFirst().orElse(null);
    }

    public boolean hasFigures() {
        return blocks.stream().anyMatch(b -> b.kind() == Kind.FIGURE);
    }

    /** The opening of the first paragraph, cut at a word boundary. */
    public String excerpt(int maxChars) {
        String first = blocks.stream().filter(b -> b.kind() == Kind.PARAGRAPH).map(Block::text).findFirst().orElse("");
        if (first.length() <= maxChars) {
            return first;
        }
        int cut = first.lastIndexOf(' ', maxChars);
        return first.substring(0, cut > maxChars / 2 ? cut : maxChars).strip() + "…";
    }
}
