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

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code requestsPerSecond} is the rate of an API key's pacer, which every endpoint of the key shares: two endpoints
 * of one key asking different rates stop the CamelContext from starting, with a message naming both endpoints (their
 * key masked), instead of one of them silently changing the pace of the other. Endpoints of different keys keep their
 * own rates.
 */
class RequestsPerSecondPerKeyTest {

    private static final String OTHER_KEY = "second-key-4242";

    private TamtamSimulator simulator;
    private CamelContext context;

    @BeforeEach
    void start() {
        simulator = TamtamSimulator.start();
        simulator.createAccount(OTHER_KEY, 100, TamtamSimulator.DEMO_USER_EMAIL);
        context = new DefaultCamelContext();
        TamtamComponent tamtam = new TamtamComponent();
        tamtam.getConfiguration().setBaseUrl(simulator.baseUrl().toString());
        tamtam.getConfiguration().setUserEmail(TamtamSimulator.DEMO_USER_EMAIL);
        context.addComponent("tamtam", tamtam);
    }

    @AfterEach
    void stop() {
        context.stop();
        simulator.close();
    }

    @Test
    void twoEndpointsOfOneKeyWithDifferentRatesFailTheStartNamingBoth() throws Exception {
        routes("tamtam:keyAccounts?apiKey=RAW(" + TamtamSimulator.DEMO_API_KEY + ")&requestsPerSecond=2",
                "tamtam:credits?apiKey=RAW(" + TamtamSimulator.DEMO_API_KEY + ")");

        FailedToStartRouteException e;
        try (LogCapture ignored = LogCapture.start(Level.ERROR, "org.apache.camel.impl.engine.AbstractCamelContext")) {
            e = assertThrows(FailedToStartRouteException.class, context::start);
        }
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        assertTrue(message.contains("tamtam://keyAccounts?apiKey=xxxxxx&requestsPerSecond=2"), message);
        assertTrue(message.contains("tamtam://credits?apiKey=xxxxxx"), message);
        assertTrue(message.contains("requestsPerSecond=2.0") && message.contains("requestsPerSecond=10.0"), message);
        assertFalse(message.contains(TamtamSimulator.DEMO_API_KEY), message);
        assertTrue(simulator.requests().isEmpty());
    }

    @Test
    void endpointsOfDifferentKeysKeepTheirOwnRates() throws Exception {
        routes("tamtam:keyAccounts?apiKey=RAW(" + TamtamSimulator.DEMO_API_KEY + ")&requestsPerSecond=2",
                "tamtam:keyAccounts?apiKey=RAW(" + OTHER_KEY + ")");
        context.start();
        ProducerTemplate template = context.createProducerTemplate();

        KeyAccountsResult first = template.requestBody("direct:first", List.of("1"), KeyAccountsResult.class);
        KeyAccountsResult second = template.requestBody("direct:second", List.of("2"), KeyAccountsResult.class);

        assertEquals(List.of("1"), first.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("2"), second.getNewlyAddedCompanyLinkedinIds());
        List<TamtamEndpoint> endpoints = context.getEndpoints().stream()
                .filter(TamtamEndpoint.class::isInstance).map(TamtamEndpoint.class::cast).toList();
        assertEquals(List.of(2.0, 10.0), endpoints.stream().map(TamtamEndpoint::getPacerRate).sorted().toList());
    }

    private void routes(String first, String second) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:first").to(first);
                from("direct:second").to(second);
            }
        });
    }
}
