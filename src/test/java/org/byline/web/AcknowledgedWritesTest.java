package org.byline.web;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.testtools.JavalinTest;
import org.byline.Config;
import org.byline.account.Sessions;
import org.byline.db.Database;
import org.byline.db.SiteSecrets;
import org.byline.moderation.Suspensions;
import org.byline.support.TestApp;
import org.byline.support.TestDatabase;
import org.byline.support.WebClient;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer to a write waits for its commit to be made durable, and when that fails after the handler
 * has answered (H2 closed by its shutdown hook in between, as its own exception arrives here), the
 * handler's redirect or page is not sent as if all was well.
 */
class AcknowledgedWritesTest {

    private static final RuntimeException DATABASE_CLOSED =
            new ConnectionException(DbException.get(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN).getSQLException());

    private interface Body {
        void run(WebClient client) throws Exception;
    }

    /** POST /probe answers as a form handler does, 303 to the next page; the persist step is the test's. */
    private static void withProbe(Runnable persist, Body body) {
        Config config = TestApp.config(TestApp.freshDataDir(), env -> { });
        try (Database database = Database.open(config)) {
            var jdbi = database.jdbi();
            Cookies cookies = new Cookies(false);
            Csrf csrf = new Csrf(SiteSecrets.getOrCreate(jdbi, "csrf"), cookies, Sessions.COOKIE);
            Pages pages = new Pages(new Sessions(jdbi, cookies, csrf, Clock.systemUTC()), csrf,
                    new Suspensions(jdbi, Clock.systemUTC()));
            ErrorPages errorPages = new ErrorPages(pages);
            Javalin app = Javalin.create(cfg -> {
                cfg.fileRenderer(new JteRenderer());
                errorPages.register(cfg.routes);
                new AcknowledgedWrites(persist, errorPages).register(cfg.routes);
                cfg.routes.post("/probe", ctx -> ctx.redirect("/next", HttpStatus.SEE_OTHER));
                cfg.routes.post("/refused", ctx -> {
                    throw new HttpProblem(409, "You already reported this statement.");
                });
                cfg.routes.get("/probe", ctx -> ctx.result("read"));
            });
            JavalinTest.test(app, (server, unused) -> body.run(new WebClient("http://localhost:" + server.port())));
        } finally {
            TestDatabase.drop(config.dbUrl());
        }
    }

    @Test
    void aWriteIsPersistedBeforeItsAnswer() {
        AtomicInteger persisted = new AtomicInteger();
        withProbe(persisted::incrementAndGet, client -> {
            assertThat(client.postRaw("/probe", Map.of()).status()).isEqualTo(303);
            assertThat(persisted).hasValue(1);
        });
    }

    @Test
    void aRefusedWriteKeepsItsOwnAnswerWhenPersistingFails() {
        withProbe(() -> { throw DATABASE_CLOSED; }, client -> {
            WebClient.Page answer = client.postRaw("/refused", Map.of());
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.html().text()).contains("You already reported this statement.").doesNotContain("could not confirm");
        });
    }

    @Test
    void aReadIsNotPersisted() {
        AtomicInteger persisted = new AtomicInteger();
        withProbe(persisted::incrementAndGet, client -> {
            assertThat(client.get("/probe").status()).isEqualTo(200);
            assertThat(persisted).hasValue(0);
        });
    }

    @Test
    void aWriteThatCannotBeConfirmedSays503AndMayHaveBeenSaved() {
        withProbe(() -> { throw DATABASE_CLOSED; }, client -> {
            WebClient.Page answer = client.postRaw("/probe", Map.of());
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Location")).isNull();
            assertThat(answer.header("Retry-After")).isEqualTo("5");
            assertThat(answer.html().text()).contains("could not confirm that your change was stored")
                    .contains("before sending it again")
                    .doesNotContain("Nothing you sent was saved");
        });
    }
}
