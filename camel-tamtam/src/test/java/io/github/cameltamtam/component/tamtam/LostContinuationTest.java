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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producers' asynchronous frame never leaves an exchange waiting when the continuation that should tell its callback
 * is lost (an {@code Error} killed it): the work completes, nothing hears of it, and the endpoint's watchdog tells the
 * callback, with the work's outcome, a few seconds later. The work here is the test's own future, on a real started
 * endpoint and its real watchdog.
 */
class LostContinuationTest extends TamtamTestSupport {

    @Test
    void anExchangeWhoseContinuationWasLostIsToldByTheWatchdogWithTheWorksOutcome() throws Exception {
        TamtamEndpoint endpoint = context.getEndpoint("tamtam:credits", TamtamEndpoint.class);
        ServiceHelper.startService(endpoint);
        LosingProducer producer = new LosingProducer(endpoint);
        ServiceHelper.startService(producer);
        Exchange exchange = endpoint.createExchange();
        CountDownLatch told = new CountDownLatch(1);

        try (LogCapture log = LogCapture.start(Level.WARN, "io.github.cameltamtam.component.tamtam")) {
            assertFalse(producer.process(exchange, doneSync -> told.countDown()), "asynchronous");
            producer.work.complete("the work's result");

            assertTrue(told.await(60, TimeUnit.SECONDS), "told, within seconds: the watchdog's grace, not this bound");
            assertTrue(log.events().stream().anyMatch(e -> Level.WARN.equals(e.level())
                    && e.message().contains("The outcome of exchange " + exchange.getExchangeId()
                            + " came, but what follows it never ran")),
                    "the WARN says what was done");
        } finally {
            ServiceHelper.stopService(producer);
        }
        assertEquals("the work's result", exchange.getMessage().getBody());
    }

    /** A producer whose work's continuations are lost, as when an Error kills them. */
    private static final class LosingProducer extends TamtamAsyncProducer<String> {

        final CompletableFuture<String> work = new CompletableFuture<>() {
            @Override
            public CompletableFuture<String> whenComplete(BiConsumer<? super String, ? super Throwable> action) {
                return new CompletableFuture<>(); // the action never runs
            }
        };

        LosingProducer(TamtamEndpoint endpoint) {
            super(endpoint);
        }

        @Override
        protected CompletableFuture<String> call(Exchange exchange) {
            return work;
        }

        @Override
        protected void complete(Exchange exchange, String value, Throwable error) {
            exchange.getMessage().setBody(value);
        }
    }
}
