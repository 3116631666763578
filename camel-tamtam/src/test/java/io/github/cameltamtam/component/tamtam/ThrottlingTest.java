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

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throttling is not failure: a 429 does not spend the maxRetries budget meant for 5xx and I/O errors, pauses the
 * key's requests (see AdaptiveKeyPacerTest for the slots already reserved), is counted in the result and the
 * TamtamThrottledRequestCount header, and only fails an exchange past maxThrottleWait.
 */
class ThrottlingTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithErrorHandler()
                .route("direct:noRetries", "tamtam:keyAccounts?maxRetries=0")
                .route("direct:shortThrottleWait", "tamtam:keyAccounts?maxRetries=0&maxThrottleWait=1s");
    }

    @Test
    void tooManyRequestsDoesNotSpendTheRetryBudget() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429)).enqueue(ADD_PATH, Fault.status(429))
                .enqueue(ADD_PATH, Fault.status(429));
        List<String> ids = ids(5000, 5);

        Exchange out = template.request("direct:noRetries", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(429, 429, 429, 200), statuses());
        assertEquals(3, result.getThrottledRequestCount());
        assertEquals(4, result.getRequestCount());
        assertEquals(3, out.getMessage().getHeader(TamtamConstants.THROTTLED_REQUEST_COUNT));
        assertEquals(4, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
    }

    @Test
    void anExchangeNotThrottledReportsNoThrottledRequest() {
        Exchange out = template.request("direct:noRetries", e -> e.getMessage().setBody(ids(5100, 3)));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(0, out.getMessage().getHeader(TamtamConstants.THROTTLED_REQUEST_COUNT));
        assertEquals(0, out.getMessage().getBody(KeyAccountsResult.class).getThrottledRequestCount());
    }

    @Test
    void throttlingBeyondMaxThrottleWaitFailsTheExchangeWithEveryIdAccounted() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429)).enqueue(ADD_PATH, Fault.status(429));
        List<String> ids = ids(5200, 5);

        Exchange out = template.request("direct:shortThrottleWait", e -> e.getMessage().setBody(ids));

        // the second 429 comes after the pause of at least 1 s: past maxThrottleWait=1s
        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(429, error.getStatusCode());
        assertTrue(error.getMessage().contains("maxThrottleWait 1000 ms"), error.getMessage());
        assertEquals(ids, error.getResult().getFailedCompanyLinkedinIds());
        assertEquals(2, error.getResult().getThrottledRequestCount());
        assertEquals(List.of(429, 429), statuses());
    }

    @Test
    void aThrottledRequestIsSentAgainOnlyAfterTheKeysOneSecondPause() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429)); // no Retry-After, like the API
        List<String> ids = ids(5300, 5);

        Exchange out = template.request("direct:noRetries", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        List<RecordedRequest> requests = simulator.requests("POST", ADD_PATH);
        assertEquals(List.of(429, 200), statuses());
        // sent again after the pause (at least the API's 1-second window), not after retryDelay (10 ms here)
        long gap = requests.get(1).arrivalNanos() - requests.get(0).arrivalNanos();
        assertTrue(gap >= TimeUnit.SECONDS.toNanos(1), () -> "sent again " + gap / 1_000_000 + " ms after the 429");
    }

    private List<Integer> statuses() {
        return simulator.requests("POST", ADD_PATH).stream().map(RecordedRequest::status).toList();
    }
}
