package org.byline.simulation;

import io.javalin.http.Context;
import org.byline.web.Pages;
import org.byline.web.Viewer;

/** The full simulation tool; all of its work happens in the browser. */
public final class SimulationController {
    public record SimulationPage(Viewer viewer) {
    }

    private final Pages pages;

    public SimulationController(Pages pages) {
        this.pages = pages;
    }

    public void show(Context ctx) {
        pages.render(ctx, "simulation/simulation.jte", new SimulationPage(pages.viewer(ctx)));
    }
}
