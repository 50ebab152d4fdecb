package org.byline.support;

import io.javalin.Javalin;
import org.byline.App;
import org.byline.Config;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One app for a whole test class, for tables of many small cases where a start per case would cost
 * minutes (route tables, property tests' hundreds of tries):
 * {@code @RegisterExtension static final SharedApp APP = new SharedApp();}, then {@code APP.app()}.
 * It is started before the class's own {@code @BeforeAll} methods and stopped after the last test.
 */
public final class SharedApp implements BeforeAllCallback, AfterAllCallback {
    private TestApp.Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        Config config = TestApp.config(TestApp.freshDataDir(), env -> { });
        Javalin javalin = App.create(config).start(0);
        running = new TestApp.Running(javalin, config, "http://localhost:" + javalin.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            try {
                running.javalin().stop();
            } finally {
                TestDatabase.drop(running.config().dbUrl());
            }
        }
    }

    public TestApp.Running app() {
        return running;
    }
}
