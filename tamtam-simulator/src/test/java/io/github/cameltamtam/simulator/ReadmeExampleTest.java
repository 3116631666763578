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

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded use the module's README shows, run as it is written there. */
class ReadmeExampleTest {

    @Test
    void readmeExampleScriptsFaultsAndRecordsWhatArrived() throws Exception {
        // tag::embedded[]
        try (TamtamSimulator sim = TamtamSimulator.start()) {      // free port, 10 req/s, demo account, 1000 credits
            URI base = sim.baseUrl();                               // http://127.0.0.1:PORT/api
            sim.demoAccount().setCredits(3);
            sim.faults().enqueue("/v2/key-accounts", Fault.status(429).header("Retry-After", "0"));
            sim.faults().enqueue(Fault.resetAfterProcessing());
            // ... exercise the client with TamtamSimulator.DEMO_API_KEY / DEMO_USER_EMAIL ...
            // end::embedded[]
            TestClient client = new TestClient(sim);
            assertTrue(base.toString().startsWith("http://127.0.0.1:"), base.toString());
            HttpResponse<String> throttled = client.add("1035");
            assertEquals(429, throttled.statusCode());
            assertEquals("0", throttled.headers().firstValue("Retry-After").orElseThrow());
            assertThrows(java.io.IOException.class, () -> client.add("1441"), "processed, then reset");
            // tag::embedded[]
            sim.requests("POST", "/api/v2/key-accounts");           // what arrived, with status answered
            sim.stats().maxRequestsInAnyOneSecondWindow(TamtamSimulator.DEMO_API_KEY);
            // end::embedded[]
            assertEquals(List.of(429, 0), sim.requests("POST", "/api/v2/key-accounts").stream()
                    .map(RecordedRequest::status).toList());
            assertEquals(2, sim.demoAccount().credits(), "the reset request was processed: one credit spent");
            // tag::embedded[]
        }
        // end::embedded[]
    }
}
