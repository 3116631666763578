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
package io.github.cameltamtam.simulator;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.simulator.TestClient.EMAIL;
import static io.github.cameltamtam.simulator.TestClient.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {

    private TamtamSimulator sim;
    private TestClient client;

    @BeforeEach
    void start() {
        sim = TamtamSimulator.start(); // default limit: 10 per second per key
        client = new TestClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void eleventhRequestWithinOneSecondIsRejectedWithTheExactBody() throws Exception {
        assertEquals(401, client.get("/v2/credits", "warm-up").statusCode()); // client initialised, other key
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            futures.add(client.postAsync("/v2/key-accounts", KEY, TestClient.addBody(EMAIL, String.valueOf(100 + i))));
        }
        List<HttpResponse<String>> limited = new ArrayList<>();
        int ok = 0;
        for (CompletableFuture<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.join();
            if (r.statusCode() == 429) {
                limited.add(r);
            } else {
                assertEquals(200, r.statusCode(), r.body());
                ok++;
            }
        }
        // every answer is the one a sliding log over the recorded arrivals predicts
        List<RecordedRequest> recorded = sim.requests("POST", "/api/v2/key-accounts");
        ArrayDeque<Long> admitted = new ArrayDeque<>();
        for (RecordedRequest r : recorded) {
            while (!admitted.isEmpty() && r.arrivalNanos() - admitted.peekFirst() >= 1_000_000_000L) {
                admitted.pollFirst();
            }
            boolean admit = admitted.size() < 10;
            if (admit) {
                admitted.addLast(r.arrivalNanos());
            }
            assertEquals(admit ? 200 : 429, r.status());
        }
        if (sim.stats().maxRequestsInAnyOneSecondWindow(KEY) == 15) { // all arrived within one second (usual)
            assertEquals(10, ok);
        }
        assertTrue(ok >= 10);
        assertEquals(15 - ok, limited.size());
        assertTrue(limited.size() > 0 || sim.stats().maxRequestsInAnyOneSecondWindow(KEY) <= 10);
        for (HttpResponse<String> r : limited) {
            assertEquals("{\"Message\": \"Too Many Requests\"}", r.body());
            assertEquals("application/json", TestClient.contentType(r));
            assertFalse(r.headers().firstValue("retry-after").isPresent());
        }
        assertEquals(limited.size(), sim.stats().rateLimited());
        assertEquals(limited.size(), sim.stats().byStatus(429));
        assertEquals(ok, sim.stats().byStatus(200));
        assertEquals(16, sim.stats().total());
        assertEquals(ok, sim.demoAccount().usedCredits(), "rejected requests change nothing");
    }

    @Test
    void limitIsPerKeyAndCoversAllEndpoints() throws Exception {
        sim.createAccount("other-key", 10, "o@example.com");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, client.get(i % 2 == 0 ? "/v2/credits" : "/v2/key-accounts", KEY).statusCode());
        }
        assertEquals(429, client.get("/v2/credits", KEY).statusCode());
        assertEquals(429, client.add("1").statusCode());
        assertEquals(200, client.get("/v2/credits", "other-key").statusCode());
        assertTrue(sim.stats().maxRequestsInAnyOneSecondWindow(KEY) >= 12);
        assertEquals(1, sim.stats().maxRequestsInAnyOneSecondWindow("other-key"));
        assertEquals(0, sim.stats().maxRequestsInAnyOneSecondWindow("nobody"));
    }

    @Test
    void zeroMeansUnlimitedAndTheLimitCanChangeAtRuntime() throws Exception {
        sim.setRateLimit(0);
        for (int i = 0; i < 30; i++) {
            assertEquals(200, client.get("/v2/credits", KEY).statusCode());
        }
        sim.setRateLimit(2);
        assertEquals(200, client.get("/v2/credits", KEY).statusCode());
        assertEquals(200, client.get("/v2/credits", KEY).statusCode());
        assertEquals(429, client.get("/v2/credits", KEY).statusCode());
        assertEquals(2, sim.rateLimit());
    }
}
