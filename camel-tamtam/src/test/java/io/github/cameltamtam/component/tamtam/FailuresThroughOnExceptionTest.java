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

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.cameltamtam.component.tamtam.model.Credits;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route's error handler decides on the component's failures by type and by what {@link TamtamApiException} exposes:
 * {@code onException(TamtamApiException).onWhen(retrySafe)} redelivers a 503 and a store failure until they pass, and
 * never a 401; every failure, {@code tamtam:credits} through a broken pacer store included, is a
 * {@link TamtamException} with its cause. The component's own retries are off ({@code maxRetries=0}) so that each
 * failed attempt reaches the route.
 */
class FailuresThroughOnExceptionTest extends TamtamTestSupport {

    private static final String STORE_KEY = "key-of-the-broken-store-component";

    private final AtomicInteger storeRedeliveries = new AtomicInteger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // a second component whose shared pacer's store (PostgreSQL) cannot be reached: nothing listens on the port
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setServerNames(new String[] {"127.0.0.1"});
        try (ServerSocket socket = new ServerSocket(0)) {
            unreachable.setPortNumbers(new int[] {socket.getLocalPort()});
        }
        unreachable.setConnectTimeout(2);
        TamtamComponent broken = new TamtamComponent();
        configure(broken.getConfiguration());
        // a key of its own: the pacer is per key and base URL, and the demo key's is the local one of "tamtam"
        simulator.createAccount(STORE_KEY, 10, TamtamSimulator.DEMO_USER_EMAIL);
        broken.getConfiguration().setApiKey(STORE_KEY);
        broken.setPacerProxyManager(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(unreachable)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).build());
        // by default a replica paces on its own while its store is down; this component fails instead
        broken.setFailOnPacerStoreFailure(true);
        context.addComponent("tamtam-broken-store", broken);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(TamtamApiException.class)
                        .onWhen(e -> e.getException(TamtamApiException.class).isRetrySafe())
                        .maximumRedeliveries(2).redeliveryDelay(0)
                        .handled(true).to("mock:gave-up");
                onException(TamtamPacerStoreException.class)
                        .maximumRedeliveries(1).redeliveryDelay(0)
                        .onRedelivery(e -> storeRedeliveries.incrementAndGet())
                        .handled(true).to("mock:store-failed");
                onException(TamtamException.class)
                        .handled(true).to("mock:not-redelivered");
                onException(Exception.class)
                        .handled(true).to("mock:not-a-tamtam-exception");

                from("direct:credits").to("tamtam:credits?maxRetries=0");
                from("direct:add").to("tamtam:keyAccounts?maxRetries=0");
                from("direct:credits-wrong-key").to("tamtam:credits?maxRetries=0&apiKey=RAW(not-a-key)");
                from("direct:credits-broken-store").to("tamtam-broken-store:credits?maxRetries=0");
                from("direct:add-broken-store").to("tamtam-broken-store:keyAccounts?maxRetries=0");
            }
        };
    }

    @Test
    void a503IsRedeliveredByTheRouteUntilItPasses() {
        simulator.faults().enqueue("/api/v2/credits", Fault.status(503));

        Exchange out = template.request("direct:credits", e -> {
        });

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertInstanceOf(Credits.class, out.getMessage().getBody());
        assertEquals(1, out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER));
        assertEquals(2, simulator.requests("GET", "/api/v2/credits").size());
    }

    @Test
    void whenRedeliveriesRunOutTheExceptionCarriesStatusRetryAfterAndTheResult() {
        for (int i = 0; i < 3; i++) {
            simulator.faults().enqueue("/api/v2/key-accounts", Fault.status(503).header("Retry-After", "7"));
        }

        Exchange out = requestTo("direct:add", List.of("11", "12"));

        TamtamApiException e = assertInstanceOf(TamtamApiException.class,
                out.getProperty(Exchange.EXCEPTION_CAUGHT),
                () -> "caught " + out.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(503, e.getStatusCode());
        assertEquals(Duration.ofSeconds(7), e.getRetryAfter());
        assertTrue(e.isRetrySafe());
        assertEquals(List.of("11", "12"), e.getResult().getFailedCompanyLinkedinIds());
        assertEquals(3, simulator.requests("POST", "/api/v2/key-accounts").size(), "first attempt and 2 redeliveries");
        assertEquals(1, getMockEndpoint("mock:gave-up").getReceivedCounter());
    }

    @Test
    void a401IsNotRedelivered() {
        Exchange out = template.request("direct:credits-wrong-key", e -> {
        });

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(401, e.getStatusCode());
        assertFalse(e.isRetrySafe());
        assertEquals(1, simulator.requests("GET", "/api/v2/credits").size());
        assertEquals(1, getMockEndpoint("mock:not-redelivered").getReceivedCounter());
        assertEquals(0, getMockEndpoint("mock:gave-up").getReceivedCounter());
    }

    @Test
    void creditsThroughABrokenPacerStoreFailWithTheStoreFailureTypeAndItsCause() {
        Exchange out = template.request("direct:credits-broken-store", e -> {
        });

        TamtamPacerStoreException e = assertInstanceOf(TamtamPacerStoreException.class,
                out.getProperty(Exchange.EXCEPTION_CAUGHT),
                () -> "caught " + out.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertNotNull(e.getCause(), "the store's own failure");
        assertTrue(e.getMessage().contains("store failed"), e.getMessage());
        assertEquals(1, storeRedeliveries.get(), "redelivered once, then given up");
        assertEquals(1, getMockEndpoint("mock:store-failed").getReceivedCounter());
        assertEquals(0, getMockEndpoint("mock:not-a-tamtam-exception").getReceivedCounter());
        assertTrue(simulator.requests().isEmpty(), "nothing sent without a slot");
    }

    @Test
    void keyAccountsThroughABrokenPacerStoreReportEveryIdAsFailed() {
        Exchange out = requestTo("direct:add-broken-store", List.of("21", "22"));

        TamtamPacerStoreException e = assertInstanceOf(TamtamPacerStoreException.class,
                out.getProperty(Exchange.EXCEPTION_CAUGHT),
                () -> "caught " + out.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertNotNull(e.getCause());
        assertEquals(List.of("21", "22"), e.getResult().getFailedCompanyLinkedinIds());
        assertTrue(simulator.requests().isEmpty(), "nothing sent without a slot");
    }
}
