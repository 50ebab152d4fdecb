package org.byline.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;

import java.util.Map;

/** Renders the templates that jte-maven-plugin precompiled from src/main/jte. */
public final class JteRenderer implements FileRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        StringOutput output = new StringOutput(8192);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) model;
        engine.render(filePath, params, output);
        return output.toString();
    }
}
