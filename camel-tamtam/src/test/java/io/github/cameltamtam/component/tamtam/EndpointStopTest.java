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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.github.cameltamtam.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointStopTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutes().route("direct:add", "tamtam:keyAccounts");
    }

    @Test
    void stoppingTheContextCompletesAnExchangeWaitingForARetry() throws Exception {
        simulator.faults().enqueue("/v2/key-accounts", Fault.status(503).header("Retry-After", "20"));
        CompletableFuture<Exchange> pending =
                template.asyncSend("direct:add", e -> e.getMessage().setBody(ids(7000, 3)));
        waitUntil(() -> simulator.requests("POST", "/api/v2/key-accounts").stream().anyMatch(r -> r.status() == 503),
                Duration.ofSeconds(10));

        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        Exchange out = pending.get(30, TimeUnit.SECONDS);
        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        assertTrue(e.getMessage().contains("stopped"), e::getMessage);
        assertEquals(ids(7000, 3), e.getResult().getFailedCompanyLinkedinIds());
    }

    /** Waits for a condition, checking every 10 ms, failing after {@code limit}. */
    private static void waitUntil(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
