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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.github.cameltamtam.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultThreadPoolFactory;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never hang on a lost task: an {@code OutOfMemoryError} can kill a task of the exchange's asynchronous path, and what
 * the task should have done then never happens. Here the component's scheduler loses one chosen task, as such an Error
 * would: the exchange still ends, failed, with every ID accounted for, a few seconds after the task was due, and the
 * key goes on serving the next exchange. (A real full heap: {@code keyaccounts.ErrorInTheAsyncPathTest}.)
 */
class LostTaskTest extends TamtamTestSupport {

    /** Which one-shot task of the component's scheduler to lose; the first that matches is lost, once. */
    private final AtomicReference<Predicate<Runnable>> toLose = new AtomicReference<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getExecutorServiceManager().setThreadPoolFactory(new LosingThreadPoolFactory());
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutes().route("direct:add", "tamtam:keyAccounts")
                .route("direct:addStalled", "tamtam:keyAccounts?maxRetries=0&requestTimeout=1s");
    }

    @Test
    void aLostWaitBeforeTheFirstRequestFailsTheExchangeAndTheKeyGoesOn() throws Exception {
        toLose.set(task -> task.getClass().getName().startsWith(
                "io.github.cameltamtam.component.tamtam.client.ApiCall$$Lambda"));

        Exchange out;
        try (LogCapture log = LogCapture.start(Level.WARN, "io.github.cameltamtam.component.tamtam")) {
            out = send("direct:add", List.of("2045", "1035"));
            assertTrue(log.events().stream().anyMatch(e -> Level.WARN.equals(e.level())
                    && e.message().contains("POST /v2/key-accounts (2 IDs) was failed")),
                    "the WARN says what was done");
        }

        TamtamException failure = assertInstanceOf(TamtamException.class, out.getException());
        assertTrue(failure.getMessage().contains("a task it waited on was lost"), failure.getMessage());
        assertEquals(List.of("2045", "1035"), out.getMessage().getHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS));
        assertEquals(List.of(), receivedIds(), "the lost task was the one that would have sent the request");

        Exchange next = send("direct:add", List.of("3001"));
        assertNull(next.getException(), "the key's pacer is not stuck on the lost request");
        assertEquals(List.of("3001"), receivedIds());
    }

    @Test
    void aLostCutOfAStalledAnswerIsMadeByTheWatchdog() throws Exception {
        toLose.set(task -> task.getClass().getName().endsWith("ApiTransport$Cut"));
        simulator.faults().enqueue(ADD_PATH, Fault.stalledBody());

        Exchange out;
        try (LogCapture log = LogCapture.start(Level.WARN, "io.github.cameltamtam.component.tamtam")) {
            out = send("direct:addStalled", List.of("2045"));
            assertTrue(log.events().stream().anyMatch(e -> Level.WARN.equals(e.level())
                    && e.message().contains("stalled answer was not cut in time")), "the WARN says what was done");
        }

        TamtamException failure = assertInstanceOf(TamtamException.class, out.getException());
        assertTrue(failure.getMessage().contains("no complete answer in time"), failure.getMessage());
        assertEquals(List.of("2045"), out.getMessage().getHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS));
        assertEquals(List.of("2045"), receivedIds(), "sent once: the stalled answer is not retried (maxRetries=0)");
    }

    private Exchange send(String direct, List<String> ids) throws Exception {
        CompletableFuture<Exchange> future = template.asyncSend(direct, e -> e.getMessage().setBody(ids));
        return future.get(60, TimeUnit.SECONDS); // ends within seconds: the watchdog's grace, not this bound
    }

    /** Builds the component's scheduler as one that loses the task {@link #toLose} names. */
    private final class LosingThreadPoolFactory extends DefaultThreadPoolFactory {

        @Override
        public ScheduledExecutorService newScheduledThreadPool(ThreadPoolProfile profile, ThreadFactory factory) {
            if (!"TamtamScheduler".equals(profile.getId())) {
                return super.newScheduledThreadPool(profile, factory);
            }
            return new ScheduledThreadPoolExecutor(1, factory) {
                @Override
                public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                    Predicate<Runnable> lose = toLose.get();
                    if (lose != null && lose.test(command) && toLose.compareAndSet(lose, null)) {
                        return super.schedule(() -> {
                        }, delay, unit); // what a task killed by an Error does: nothing
                    }
                    return super.schedule(command, delay, unit);
                }
            };
        }
    }
}
