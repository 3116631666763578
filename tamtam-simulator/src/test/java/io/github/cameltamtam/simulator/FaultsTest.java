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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.simulator.TestClient.EMAIL;
import static io.github.cameltamtam.simulator.TestClient.KEY;
import static io.github.cameltamtam.simulator.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {

    private TamtamSimulator sim;
    private TestClient client;

    @BeforeEach
    void start() {
        sim = TamtamSimulator.builder().rateLimit(0).start();
        client = new TestClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void statusFaultWithRetryAfterHeader() throws Exception {
        sim.faults().enqueue("/api/v2/key-accounts", Fault.status(429).header("Retry-After", "0"));
        assertEquals(1, sim.faults().pending());
        assertEquals(200, client.get("/v2/credits", KEY).statusCode(), "other paths are not affected");

        HttpResponse<String> r = client.add("1");
        assertEquals(429, r.statusCode());
        assertEquals("0", r.headers().firstValue("Retry-After").orElse(null));
        assertEquals("{\"Message\": \"Too Many Requests\"}", r.body());
        assertTrue(sim.demoAccount().keyAccounts(EMAIL).isEmpty());
        assertEquals(1, sim.stats().rateLimited());
        assertEquals(0, sim.faults().pending());

        assertEquals(200, client.add("1").statusCode(), "consumed once");
    }

    @Test
    void serverErrorFaultsAreProblemJsonAndChangeNothingUnlessAfterProcessing() throws Exception {
        sim.faults().enqueue(Fault.status(503)).enqueue(Fault.status(504).afterProcessing())
                .enqueue(Fault.status(500).body("text/plain", "boom"));
        HttpResponse<String> r = client.add("1");
        assertEquals(503, r.statusCode());
        assertEquals("application/problem+json", TestClient.contentType(r));
        assertEquals(503, json(r).get("status").intValue());
        assertTrue(sim.demoAccount().keyAccounts(EMAIL).isEmpty());

        assertEquals(504, client.add("2").statusCode());
        assertTrue(sim.demoAccount().keyAccounts(EMAIL).containsKey("2"), "processed before the 504");

        HttpResponse<String> custom = client.add("3");
        assertEquals(500, custom.statusCode());
        assertEquals("boom", custom.body());
        assertEquals("text/plain", TestClient.contentType(custom));
        assertEquals(1, sim.stats().byStatus(503));
    }

    @Test
    void delayFaultDelaysThenAnswersNormally() throws Exception {
        sim.faults().enqueue(Fault.delay(Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.add("1");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode());
        assertTrue(elapsedMs >= 300, "took " + elapsedMs + " ms");
        assertTrue(sim.demoAccount().keyAccounts(EMAIL).containsKey("1"));
    }

    @Test
    void resetGivesTheClientAnIOExceptionAndChangesNothing() throws Exception {
        sim.faults().enqueue(Fault.reset());
        assertThrows(IOException.class, () -> client.add("1"));
        assertTrue(sim.demoAccount().keyAccounts(EMAIL).isEmpty());
        assertEquals(1000, sim.demoAccount().credits());
        assertEquals(1, sim.stats().resets());
        RecordedRequest recorded = sim.requests("POST", "/api/v2/key-accounts").get(0);
        assertEquals(0, recorded.status());
        assertEquals(List.of("1"), recorded.companyLinkedinIds());

        assertEquals(200, client.add("1").statusCode(), "a new connection works");
    }

    @Test
    void resetAfterProcessingChangesState() throws Exception {
        sim.faults().enqueue(Fault.resetAfterProcessing());
        assertThrows(IOException.class, () -> client.add("1", "2"));
        assertEquals(List.of("1", "2"), List.copyOf(sim.demoAccount().keyAccounts(EMAIL).keySet()));
        assertEquals(998, sim.demoAccount().credits());
        // the retry finds them present and is charged nothing
        HttpResponse<String> retry = client.add("1", "2");
        assertEquals(2, json(retry).get("already_in_key_accounts_linkedin_ids").size());
        assertEquals(998, sim.demoAccount().credits());
    }

    @Test
    void malformedBodyIsInvalidJsonButTheRequestWasProcessed() throws Exception {
        sim.faults().enqueue(Fault.malformedBody());
        HttpResponse<String> r = client.add("1");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", TestClient.contentType(r));
        assertThrows(JsonProcessingException.class, () -> TestClient.MAPPER.readTree(r.body()));
        assertTrue(sim.demoAccount().keyAccounts(EMAIL).containsKey("1"));
        assertEquals(1, sim.stats().malformed());
        assertEquals(1, sim.stats().byStatus(200));
    }

    @Test
    void randomFaultsAreReproducibleFromTheSeed() throws Exception {
        RandomFaults mix = RandomFaults.none().rateLimited(0.2).serverError(0.2).reset(0.1)
                .resetAfterProcessing(0.1).malformedBody(0.1).slow(0.1, Duration.ofMillis(1));
        List<Integer> first = runRandom(mix);
        long faulted = first.stream().filter(s -> s != 200).count();
        assertTrue(faulted > 5, "faults drawn: " + first);
        assertEquals(sim.stats().resets(), first.stream().filter(s -> s == 0).count());
        assertEquals(sim.stats().rateLimited(), first.stream().filter(s -> s == 429).count());

        sim.close();
        sim = TamtamSimulator.builder().rateLimit(0).start();
        client = new TestClient(sim);
        assertEquals(first, runRandom(mix));

        sim.faults().clear();
        assertEquals(200, client.add("999").statusCode());
        assertEquals(200, client.get("/v2/credits", KEY).statusCode());
    }

    private List<Integer> runRandom(RandomFaults mix) throws Exception {
        sim.faults().random(42, mix);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            try {
                statuses.add(client.add(String.valueOf(i)).statusCode());
            } catch (IOException e) {
                statuses.add(0);
            }
        }
        // GETs never get random faults
        assertEquals(200, client.get("/v2/credits", KEY).statusCode());
        return statuses;
    }

    @Test
    void oneFaultCanBeEnqueuedTwiceAndIsCopiedWhenQueued() throws Exception {
        Fault unavailable = Fault.status(503);
        unavailable.header("Retry-After", "1");
        sim.faults().enqueue(unavailable).enqueue("/v2/key-accounts", unavailable);
        unavailable.header("X-Late", "ignored");
        HttpResponse<String> first = client.get("/v2/credits", KEY);
        HttpResponse<String> second = client.add("1");
        for (HttpResponse<String> r : List.of(first, second)) {
            assertEquals(503, r.statusCode());
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
            assertTrue(r.headers().firstValue("X-Late").isEmpty());
        }
        assertEquals(200, client.add("1").statusCode());
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Fault.status(99));
        assertThrows(IllegalStateException.class, () -> Fault.reset().header("A", "b"));
        assertThrows(IllegalArgumentException.class, () -> Fault.status(500).header("A", "b\r\nX: y"));
        assertThrows(IllegalArgumentException.class, () -> RandomFaults.none().reset(0.6).serverError(0.6));
    }
}
