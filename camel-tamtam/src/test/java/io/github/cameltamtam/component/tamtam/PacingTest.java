/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameltamtam.component.tamtam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client-side pacing keeps every key under the API's 10 requests per second, across endpoints and exchanges; the
 * simulator enforces the same limit and counts what it saw. The slot arithmetic itself is tested on a moved clock in
 * {@code pacing.PacerSlotsTest}.
 */
class PacingTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithCamelDefaults()
                .route("direct:add", "tamtam:keyAccounts")
                // a second endpoint (other options, same key): it must share the first one's pacer
                .route("direct:other", "tamtam:keyAccounts?batchSize=40&tierLevel=2");
    }

    @Test
    void thirtyBatchesAtTheDefaultRateNeverHitTheRateLimit() {
        simulator.demoAccount().setCredits(5000);
        List<String> ids = ids(10_000, 1500);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(ids, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(30, simulator.requests("POST", ADD_PATH).size(), this::statuses);
        assertEquals(0, simulator.stats().rateLimited(), simulator.stats()::toString);
        int max = simulator.stats().maxRequestsInAnyOneSecondWindow(TamtamSimulator.DEMO_API_KEY);
        assertTrue(max <= 10, () -> max + " requests arrived within one second");
    }

    @Test
    void twoEndpointsWithTheSameKeyShareOnePacer() throws Exception {
        simulator.demoAccount().setCredits(5000);
        List<String> first = ids(20_000, 600); // 12 requests of 50
        List<String> second = ids(30_000, 600); // 15 requests of 40

        CompletableFuture<Exchange> a = template.asyncSend("direct:add", e -> e.getMessage().setBody(first));
        CompletableFuture<Exchange> b = template.asyncSend("direct:other", e -> e.getMessage().setBody(second));
        Exchange outA = a.get(60, TimeUnit.SECONDS);
        Exchange outB = b.get(60, TimeUnit.SECONDS);

        assertNull(outA.getException(), () -> String.valueOf(outA.getException()));
        assertNull(outB.getException(), () -> String.valueOf(outB.getException()));
        assertEquals(first, outA.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(second, outB.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(27, simulator.requests("POST", ADD_PATH).size(), this::statuses);
        assertEquals(0, simulator.stats().rateLimited(), simulator.stats()::toString);
        int max = simulator.stats().maxRequestsInAnyOneSecondWindow(TamtamSimulator.DEMO_API_KEY);
        assertTrue(max <= 10, () -> max + " requests arrived within one second");
    }

    @Test
    void twoComponentInstancesWithTheSameKeyShareOnePacer() throws Exception {
        TamtamComponent second = new TamtamComponent();
        configure(second.getConfiguration());
        context.addComponent("tamtam2", second);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:secondComponent").to("tamtam2:keyAccounts");
            }
        });
        simulator.demoAccount().setCredits(5000);
        List<String> a = ids(40_000, 500); // 10 requests
        List<String> b = ids(50_000, 500); // 10 requests

        CompletableFuture<Exchange> viaFirst = template.asyncSend("direct:add", e -> e.getMessage().setBody(a));
        CompletableFuture<Exchange> viaSecond =
                template.asyncSend("direct:secondComponent", e -> e.getMessage().setBody(b));
        Exchange outA = viaFirst.get(60, TimeUnit.SECONDS);
        Exchange outB = viaSecond.get(60, TimeUnit.SECONDS);

        assertNull(outA.getException(), () -> String.valueOf(outA.getException()));
        assertNull(outB.getException(), () -> String.valueOf(outB.getException()));
        assertEquals(20, simulator.requests("POST", ADD_PATH).size(), this::statuses);
        assertEquals(0, simulator.stats().rateLimited(), simulator.stats()::toString);
        int max = simulator.stats().maxRequestsInAnyOneSecondWindow(TamtamSimulator.DEMO_API_KEY);
        assertTrue(max <= 10, () -> max + " requests arrived within one second");
    }

    @Test
    void twoConcurrentExchangesOnOneEndpointShareOnePacer() throws Exception {
        simulator.demoAccount().setCredits(5000);
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> ids = ids(40_000 + i * 1000L, 400); // 8 requests each
            futures.add(template.asyncSend("direct:add", e -> e.getMessage().setBody(ids)));
        }
        for (CompletableFuture<Exchange> future : futures) {
            Exchange out = future.get(60, TimeUnit.SECONDS);
            assertNull(out.getException(), () -> String.valueOf(out.getException()));
        }

        assertEquals(24, simulator.requests("POST", ADD_PATH).size(), this::statuses);
        assertEquals(0, simulator.stats().rateLimited(), simulator.stats()::toString);
        int max = simulator.stats().maxRequestsInAnyOneSecondWindow(TamtamSimulator.DEMO_API_KEY);
        assertTrue(max <= 10, () -> max + " requests arrived within one second");
    }

    private String statuses() {
        return simulator.requests("POST", ADD_PATH).stream()
                .map(r -> r.status() + "@" + TimeUnit.NANOSECONDS.toMillis(r.arrivalNanos()) + "/c" + r.connectionId())
                .toList() + " " + simulator.stats();
    }

    @Test
    void aLateAnswerHoldsBackTheRequestOneWindowLater() {
        // request 1 is answered 400 ms later than the others: it may have arrived that late, so request 11 may only
        // go one window (1 s) plus that excess after request 1 started — no jitter can put 11 requests into a second
        simulator.faults().enqueue("/v2/key-accounts", Fault.delay(Duration.ofMillis(400)));
        List<String> ids = ids(50_000, 550); // 11 requests

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        List<RecordedRequest> requests = simulator.requests("POST", ADD_PATH);
        assertEquals(11, requests.size(), this::statuses);
        long gap = requests.get(10).arrivalNanos() - requests.get(0).arrivalNanos();
        assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(1300),
                () -> "request 11 arrived " + gap / 1_000_000 + " ms after request 1, whose answer came 400 ms late");
        assertEquals(0, simulator.stats().rateLimited(), simulator.stats()::toString);
    }
}
