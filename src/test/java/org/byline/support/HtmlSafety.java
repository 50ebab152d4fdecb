package org.byline.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds anything in a page that could run script: what an XSS payload would have to produce. */
public final class HtmlSafety {
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster", "background", "lowsrc", "dynsrc", "cite");
    private static final Set<String> FORBIDDEN_TAGS = Set.of("iframe", "object", "embed", "base", "frame", "frameset", "applet", "svg", "math");

    private HtmlSafety() {
    }

    /** Every problem found; empty when the page is safe. */
    public static List<String> problems(String html) {
        Document doc = Jsoup.parse(html);
        List<String> found = new ArrayList<>();
        for (Element el : doc.getAllElements()) {
            String tag = el.normalName();
            if (tag.equals("script") && !(el.attr("src").startsWith("/static/js/") && el.data().isBlank())) {
                found.add("script element: " + el.outerHtml());
            }
            if (FORBIDDEN_TAGS.contains(tag)) {
                found.add("forbidden element: " + el.outerHtml());
            }
            if (tag.equals("meta") && el.hasAttr("http-equiv")) {
                found.add("meta http-equiv: " + el.outerHtml());
            }
            for (Attribute attribute : el.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    found.add("event handler attribute " + name + " on <" + tag + ">");
                }
                if (name.equals("style")) {
                    found.add("inline style attribute on <" + tag + ">");
                }
                if (URL_ATTRIBUTES.contains(name)) {
                    String url = attribute.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                    if (url.startsWith("javascript:") || url.startsWith("data:") || url.startsWith("vbscript:")) {
                        found.add("dangerous URL in " + name + " on <" + tag + ">: " + attribute.getValue());
                    }
                }
            }
        }
        return found;
    }
}
