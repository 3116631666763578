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
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * maxThrottleWait bounds every wait on throttling, a server's Retry-After included: a 429 asking for longer than what is
 * left of maxThrottleWait fails the batch at once (its IDs reported failed, the Retry-After in the exception), and the
 * key is paused no longer than maxThrottleWait, so the next exchange on the key is not held for the server's wait.
 */
@Timeout(60)
class RetryAfterWithinMaxThrottleWaitTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithErrorHandler()
                .route("direct:threeSeconds", "tamtam:keyAccounts?maxRetries=0&maxThrottleWait=3s")
                .route("direct:longRetryWait", "tamtam:keyAccounts?maxRetries=0&maxThrottleWait=3s&maxRetryWait=2d");
    }

    @Test
    void aRetryAfterBeyondMaxThrottleWaitFailsTheBatchAtOnceWithTheRetryAfter() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429).header("Retry-After", "20"));
        List<String> ids = ids(7000, 5);

        long start = System.nanoTime();
        Exchange out = requestTo("direct:threeSeconds", ids);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(429, error.getStatusCode());
        assertEquals(Duration.ofSeconds(20), error.getRetryAfter());
        assertTrue(error.getMessage().contains("Retry-After 20 s"), error.getMessage());
        assertTrue(error.getMessage().contains("maxThrottleWait 3000 ms"), error.getMessage());
        assertEquals(ids, error.getResult().getFailedCompanyLinkedinIds());
        assertTrue(millis < 3000, () -> "failed after " + millis + " ms, not at once");
    }

    @Test
    void aDayLongRetryAfterPausesTheKeyNoLongerThanMaxThrottleWait() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429).header("Retry-After", "86400"));
        assertInstanceOf(TamtamApiException.class, requestTo("direct:longRetryWait", ids(7100, 5)).getException());

        List<String> next = ids(7200, 5);
        long start = System.nanoTime();
        Exchange out = requestTo("direct:longRetryWait", next);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(next, out.getMessage().getBody(KeyAccountsResult.class)
                .getNewlyAddedCompanyLinkedinIds(), () -> String.valueOf(out.getException()));
        // the key's pause is capped at maxThrottleWait (3 s, plus its 10 % jitter), not the server's day
        assertTrue(millis < 6000, () -> "the next exchange waited " + millis + " ms");
    }
}
