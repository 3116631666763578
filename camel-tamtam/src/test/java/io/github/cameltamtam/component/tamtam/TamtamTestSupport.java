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

import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Base of the route tests: a fresh TamTam simulator on a free loopback port per test, and a {@code tamtam} component
 * pointed at it with the simulator's demo key and user (set on the component, never in a URI). Retries wait 10 ms
 * instead of 1 s so tests stay fast; the pacing rate is the API's real 10 requests/s unless a test changes it.
 */
public abstract class TamtamTestSupport extends CamelTestSupport {

    protected TamtamSimulator simulator;

    /** The simulator for this test; override to change its settings. */
    protected TamtamSimulator startSimulator() {
        return TamtamSimulator.start();
    }

    @Override
    protected void setupResources() throws Exception {
        super.setupResources();
        simulator = startSimulator();
    }

    @Override
    protected void cleanupResources() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
        super.cleanupResources();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TamtamComponent tamtam = new TamtamComponent();
        configure(tamtam.getConfiguration());
        context.addComponent("tamtam", tamtam);
        return context;
    }

    /** The company IDs the simulator received in {@code POST /v2/key-accounts} requests, in arrival order. */
    protected List<String> receivedIds() {
        List<String> ids = new ArrayList<>();
        for (RecordedRequest request : simulator.requests("POST", "/api/v2/key-accounts")) {
            ids.addAll(request.companyLinkedinIds());
        }
        return ids;
    }

    /** Sends {@code body} to {@code uri} and returns the exchange, failed or not. */
    protected Exchange requestTo(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    /** The exchange succeeded, the simulator received exactly {@code ids} and the result reports them added. */
    protected void assertReceived(Exchange out, List<String> ids) {
        assertNull(out.getException(), () -> "exchange failed: " + out.getException());
        assertEquals(ids, receivedIds(), "IDs the simulator received");
        assertEquals(ids, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids, out.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
    }

    /** The exchange failed on its input, with a message holding every one of {@code parts}, before any request. */
    protected TamtamInvalidInputException assertInvalidInput(Exchange out, String... parts) {
        TamtamInvalidInputException e = assertInstanceOf(TamtamInvalidInputException.class, out.getException(),
                () -> "expected TamtamInvalidInputException but got " + out.getException() + ", received "
                        + receivedIds());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing from: " + e.getMessage());
        }
        assertEquals(0, simulator.requests().size(), "no request at all");
        return e;
    }

    /** The component's options for this test class. */
    protected void configure(TamtamConfiguration configuration) {
        configuration.setApiKey(TamtamSimulator.DEMO_API_KEY);
        configuration.setBaseUrl(simulator.baseUrl().toString());
        configuration.setUserEmail(TamtamSimulator.DEMO_USER_EMAIL);
        configuration.setRetryDelay(10);
    }
}
