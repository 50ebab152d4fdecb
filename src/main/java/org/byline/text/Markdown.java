package org.byline.text;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown to HTML that is safe to insert into a page: commonmark renders (escaping any raw HTML),
 * then an allowlist sanitiser keeps only harmless tags, and links only to http, https and mailto.
 */
public final class Markdown {
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

    private Markdown() {
    }

    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** HTML for a person's statement: nothing but text formatting and safe links survives. */
    public static String statementHtml(String markdown) {
        return clean(RENDERER.render(PARSER.parse(markdown)), STATEMENT_TAGS);
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

    /** The plain text of a Markdown fragment, for excerpts and quotes. */
    public static String plainText(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }
}
