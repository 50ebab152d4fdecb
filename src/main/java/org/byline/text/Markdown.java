package org.byline.text;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Markdown to HTML that is safe to insert into a page: commonmark renders (escaping any raw HTML),
 * then an allowlist sanitiser keeps only harmless tags, and links only to http, https and mailto.
 */
public final class Markdown {
    /** Deeper nesting (lists in lists, quotes in quotes) is refused: the renderer recurses per level. */
    public static final int MAX_NESTING = 16;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private static final Safelist STATEMENT_TAGS = new Safelist()
            .addTags("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr", "del")
            .addAttributes("a", "href")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow ugc noopener");

    private static final Safelist ESSAY_TAGS = new Safelist(STATEMENT_TAGS)
            .removeEnforcedAttribute("a", "rel")
            .addEnforcedAttribute("a", "rel", "noopener")
            .addTags("h2", "h3", "h4", "img", "figure", "figcaption", "sup", "sub")
            .addAttributes("img", "src", "alt")
            .addProtocols("img", "src", "https");

    /** Statements never change once written, so their HTML is kept, up to a bounded number of characters. */
    private static final long CACHE_CHARS = 20_000_000;
    private static final Map<String, String> STATEMENT_CACHE = new LinkedHashMap<>(1024, 0.75f, true);
    private static long cachedChars;

    private Markdown() {
    }

    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** How deeply the parsed document nests (counted without recursion, so any input is safe to measure). */
    public static int nestingDepth(String markdown) {
        return depth(PARSER.parse(markdown));
    }

    /** HTML for a person's statement: nothing but text formatting and safe links survives. */
    public static String statementHtml(String markdown) {
        synchronized (STATEMENT_CACHE) {
            String cached = STATEMENT_CACHE.get(markdown);
            if (cached != null) {
                return cached;
            }
        }
        Node document = PARSER.parse(markdown);
        String html = depth(document) > MAX_NESTING
                ? "<p>" + Entities.escape(markdown) + "</p>" // refused at posting; kept readable if it got in another way
                : clean(RENDERER.render(document), STATEMENT_TAGS);
        synchronized (STATEMENT_CACHE) {
            if (STATEMENT_CACHE.put(markdown, html) == null) {
                cachedChars += markdown.length() + html.length();
            }
            var oldest = STATEMENT_CACHE.entrySet().iterator();
            while (cachedChars > CACHE_CHARS && oldest.hasNext()) {
                var entry = oldest.next();
                cachedChars -= entry.getKey().length() + entry.getValue().length();
                oldest.remove();
            }
        }
        return html;
    }

    /** The text a reader sees in a statement's Markdown (formatting marks removed). */
    public static String plainText(String markdown) {
        return Jsoup.parseBodyFragment(statementHtml(markdown)).text();
    }

    /** The text a reader sees in one parsed node. */
    public static String plainTextOf(Node node) {
        return Jsoup.parseBodyFragment(clean(RENDERER.render(node), STATEMENT_TAGS)).text();
    }

    /** HTML for one block of an essay (trusted authors, still sanitised before it reaches a page). */
    public static String essayBlockHtml(Node block) {
        return clean(RENDERER.render(block), ESSAY_TAGS);
    }

    private static String clean(String html, Safelist safelist) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    private static int depth(Node root) {
        int max = 0;
        Deque<Map.Entry<Node, Integer>> stack = new ArrayDeque<>();
        stack.push(Map.entry(root, 0));
        while (!stack.isEmpty()) {
            var top = stack.pop();
            max = Math.max(max, top.getValue());
            for (Node child = top.getKey().getFirstChild(); child != null; child = child.getNext()) {
                stack.push(Map.entry(child, top.getValue() + 1));
            }
        }
        return max;
    }
}
