package org.byline.ledger;

import org.byline.support.Cli;
import org.byline.support.Db;
import org.byline.support.TestApp;
import org.byline.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Many people posting and editing at once still make one gapless chain. */
class LedgerConcurrencyTest {
    static final String ESSAY = "loss-of-attribution";
    static final int THREADS = 8;
    static final int EVENTS_PER_THREAD = 130; // 8 x 130 = 1,040 events, plus the two essay imports

    @Test
    void eightPeoplePostingAndEditingAtOnceMakeOneGaplessChain() {
        String[] measured = new String[1];
        TestApp.run(app -> {
            List<WebClient> people = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                people.add(app.client().signedUp("writer" + t));
            }
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (WebClient person : people) {
                done.add(pool.submit(() -> {
                    String token = person.csrfToken();
                    long current = 0;
                    for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                        WebClient.Page page;
                        if (i % 2 == 0) {
                            page = person.postRaw("/essays/" + ESSAY + "/comments", form(token, "Statement " + i));
                            if (page.status() == 303) {
                                current = WebClient.postedId(page);
                            }
                        } else {
                            page = person.postRaw("/statements/" + current + "/edit", form(token, "Statement " + i + ", revised"));
                        }
                        if (page.status() != 303) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            long httpMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(failures.get()).isZero();
            long entries = Db.count(app.config(), "ledger");
            assertThat(entries).isEqualTo(2 + THREADS * EVENTS_PER_THREAD);
            // no fork: every prev_hash is used once, and seq runs 1..N
            long distinctPrev = Db.of(app.config()).withHandle(h -> h.createQuery(
                    "SELECT COUNT(DISTINCT prev_hash) FROM ledger").mapTo(Long.class).one());
            long maxSeq = Db.of(app.config()).withHandle(h -> h.createQuery("SELECT MAX(seq) FROM ledger").mapTo(Long.class).one());
            assertThat(distinctPrev).isEqualTo(entries);
            assertThat(maxSeq).isEqualTo(entries);

            Cli result = Cli.verify(app.config());
            assertThat(result.exit()).as(result.all()).isZero();
            measured[0] = "[ledger] " + entries + " events over HTTP from " + THREADS + " threads in " + httpMillis
                    + " ms; " + result.out().strip();
        });
        System.out.println(measured[0]); // after the run: JavalinTest captures output while the app runs
    }

    private static Map<String, String> form(String token, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", body);
        fields.put("_csrf", token);
        return fields;
    }
}
