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

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.SynchronizationAdapter;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer is asynchronous: on every path, success or failure, it completes the exchange exactly once and never
 * leaves it hanging. Each case sends with {@code template.asyncSend} and waits a bounded time; then counts the
 * exchange's completions three ways (its own on-completion callback, Camel's completed/failed events, and the route's
 * error handler), again after a later exchange has gone through the same context.
 */
class AsyncCallbackTest extends TamtamTestSupport {

    private final Map<String, AtomicInteger> doneEvents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errorHandled = new ConcurrentHashMap<>();
    private int deadPort;
    /** POST requests the simulator had seen when the exchange under test completed. */
    private int requestsOfExchange;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        CamelContext context = super.createCamelContext();
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent
                        || event instanceof CamelEvent.ExchangeFailedEvent) {
                    Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
                    doneEvents.computeIfAbsent(exchange.getExchangeId(), k -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                onException(Exception.class).handled(false)
                        .process(e -> errorHandled.computeIfAbsent(e.getExchangeId(), k -> new AtomicInteger())
                                .incrementAndGet());
                from("direct:add").to("tamtam:keyAccounts?maxRetries=1");
                from("direct:timeout").to("tamtam:keyAccounts?maxRetries=1&requestTimeout=200ms");
                from("direct:deadPort")
                        .to("tamtam:keyAccounts?maxRetries=1&baseUrl=http://127.0.0.1:" + deadPort + "/api");
            }
        };
    }

    @Test
    void successCompletesTheExchangeOnce() throws Exception {
        Exchange out = sendAndCount("direct:add", ids(100, 60));

        assertNull(out.getException());
        assertEquals(60, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds().size());
    }

    @Test
    void httpErrorAfterRetriesCompletesTheExchangeOnce() throws Exception {
        simulator.faults().enqueue(ADD_PATH, Fault.status(500)).enqueue(ADD_PATH, Fault.status(500));

        Exchange out = sendAndCount("direct:add", ids(200, 5));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(500, error.getStatusCode());
        assertEquals(2, requestsOfExchange);
    }

    @Test
    void httpErrorNotRetriedCompletesTheExchangeOnce() throws Exception {
        Exchange out = sendAndCount("direct:add", ids(250, 5), Map.of(TamtamConstants.USER_EMAIL, "who@example.com"));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(422, error.getStatusCode());
    }

    @Test
    void connectFailureCompletesTheExchangeOnce() throws Exception {
        Exchange out = sendAndCount("direct:deadPort", ids(300, 5));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(0, error.getStatusCode());
        assertInstanceOf(ConnectException.class, error.getCause());
    }

    @Test
    void timeoutCompletesTheExchangeOnce() throws Exception {
        simulator.faults().enqueue(ADD_PATH, Fault.delay(Duration.ofSeconds(2)))
                .enqueue(ADD_PATH, Fault.delay(Duration.ofSeconds(2)));

        Exchange out = sendAndCount("direct:timeout", ids(400, 5));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertInstanceOf(HttpTimeoutException.class, error.getCause());
    }

    @Test
    void invalidInputFailsSynchronouslyAndCompletesTheExchangeOnce() throws Exception {
        Exchange out = sendAndCount("direct:add", List.of("123", "not-an-id"));

        TamtamInvalidInputException error = assertInstanceOf(TamtamInvalidInputException.class, out.getException());
        assertEquals("not-an-id", error.getValue());
        assertEquals(0, requestsOfExchange, "nothing is sent when any input is invalid");
    }

    @Test
    void malformedAnswerAfterRetriesCompletesTheExchangeOnce() throws Exception {
        simulator.faults().enqueue(ADD_PATH, Fault.malformedBody()).enqueue(ADD_PATH, Fault.malformedBody());

        Exchange out = sendAndCount("direct:add", ids(500, 5));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(200, error.getStatusCode());
        assertTrue(error.getMessage().contains("malformed"), error::getMessage);
        assertEquals(ids(500, 5), error.getResult().getFailedCompanyLinkedinIds());
    }

    @Test
    void failureInOneOfManyConcurrentBatchesCompletesTheExchangeOnce() throws Exception {
        // the third request of 6 batches fails for good (400 is not retried) while other batches are in flight
        simulator.faults().enqueue(ADD_PATH, Fault.delay(Duration.ZERO))
                .enqueue(ADD_PATH, Fault.delay(Duration.ZERO))
                .enqueue(ADD_PATH, Fault.status(400));

        Exchange out = sendAndCount("direct:add", ids(600, 300));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(400, error.getStatusCode());
        ResultInvariants.assertEveryIdInExactlyOneOutcome(ids(600, 300), error.getResult());
    }

    private Exchange sendAndCount(String uri, Object body) throws Exception {
        return sendAndCount(uri, body, Map.of());
    }

    /** Sends asynchronously, waits boundedly, and checks the exchange completed exactly once. */
    private Exchange sendAndCount(String uri, Object body, Map<String, Object> headers) throws Exception {
        AtomicInteger onDone = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Exchange> future = template.asyncSend(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
            e.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange exchange) {
                    onDone.incrementAndGet();
                    done.countDown();
                }
            });
        });

        Exchange out = future.get(30, TimeUnit.SECONDS);
        assertTrue(done.await(30, TimeUnit.SECONDS), "the on-completion callback never ran");
        String id = out.getExchangeId();
        requestsOfExchange = simulator.requests("POST", ADD_PATH).size();
        assertOnce(out, id, onDone);

        // a later exchange through the same context: a late second completion would have shown by its end
        Exchange later = template.request("direct:add", e -> e.getMessage().setBody(List.of("999999")));
        assertNull(later.getException(), () -> String.valueOf(later.getException()));
        assertOnce(out, id, onDone);
        return out;
    }

    private void assertOnce(Exchange out, String id, AtomicInteger onDone) {
        assertEquals(1, onDone.get(), "on-completion callbacks of " + id);
        assertEquals(1, doneEvents.getOrDefault(id, new AtomicInteger()).get(), "completed/failed events of " + id);
        int handled = errorHandled.getOrDefault(id, new AtomicInteger()).get();
        assertEquals(out.getException() == null ? 0 : 1, handled, "error handler runs for " + id);
    }
}
