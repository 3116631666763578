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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Stopping releases everything the component made: with a body stalled mid-answer on every context, stopping five
 * contexts leaves none of their threads (HTTP client executor, scheduler, the JDK client's selector) and no socket;
 * a retry waiting for a 20 s Retry-After keeps no thread alive after stop.
 */
class ResourceReleaseTest {

    private static final String ADD_PATH = "/api/v2/key-accounts";
    private static final String SELECTOR = "-SelectorManager";

    private final TamtamSimulator simulator = TamtamSimulator.builder().rateLimit(0).start();

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void stoppingContextsWithStalledAnswersReleasesEveryThreadAndSocket() throws Exception {
        Set<String> selectorsBefore = threadNames(SELECTOR);
        List<CamelContext> contexts = new ArrayList<>();
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            simulator.faults().enqueue(ADD_PATH, Fault.stalledBody());
            CamelContext context = context("release-" + i, "requestTimeout=60s");
            contexts.add(context);
            pending.add(context.createProducerTemplate().asyncSend("direct:add",
                    e -> e.getMessage().setBody(ids(6000, 2))));
        }
        Await.until("5 stalled answers", () -> simulator.openConnections() == 5, Duration.ofSeconds(30),
                () -> simulator.openConnections() + " connections");
        Set<String> selectors = threadNames(SELECTOR);
        selectors.removeAll(selectorsBefore);

        try (LogCapture quiet = LogCapture.start(Level.ERROR, "org.apache.camel")) {
            for (CamelContext context : contexts) {
                context.getShutdownStrategy().setTimeout(1);
                context.stop();
            }
        }
        for (CompletableFuture<Exchange> exchange : pending) {
            assertInstanceOf(TamtamApiException.class, exchange.get(30, TimeUnit.SECONDS).getException());
        }
        contexts.clear();
        Await.until("threads and sockets released", () -> {
            System.gc(); // Java 17: the JDK ends an unreferenced client's selector thread
            return simulator.openConnections() == 0 && threadNames("release-").isEmpty()
                    && threadNames(SELECTOR).stream().noneMatch(selectors::contains);
        }, Duration.ofSeconds(60), () -> simulator.openConnections() + " connections, threads "
                + threadNames("release-") + threadNames(SELECTOR));
    }

    @Test
    void noThreadWaitsForADelayedRetryAfterStop() throws Exception {
        simulator.faults().enqueue(ADD_PATH, Fault.status(503).header("Retry-After", "20"));
        CamelContext context = context("retry-after", "maxRetryWait=60s");
        CompletableFuture<Exchange> pending = context.createProducerTemplate().asyncSend("direct:add",
                e -> e.getMessage().setBody(ids(6100, 2)));
        Await.until("503 answered", () -> simulator.stats().byStatus(503) == 1, Duration.ofSeconds(30), () -> "");

        try (LogCapture quiet = LogCapture.start(Level.ERROR, "org.apache.camel")) {
            context.getShutdownStrategy().setTimeout(1);
            context.stop();
        }
        assertInstanceOf(TamtamApiException.class, pending.get(30, TimeUnit.SECONDS).getException());
        // well before the 20 s Retry-After: the scheduler was stopped at once
        Await.until("no thread of the stopped context", () -> threadNames("(retry-after)").isEmpty(),
                Duration.ofSeconds(10), () -> threadNames("(retry-after)").toString());
    }

    private CamelContext context(String name, String options) throws Exception {
        CamelContext context = TamtamContexts.create(simulator.baseUrl().toString(), tamtam -> {
        }, options);
        context.getCamelContextExtension().setName(name);
        context.start();
        return context;
    }

    private static Set<String> threadNames(String containing) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains(containing)).collect(Collectors.toSet());
    }
}
