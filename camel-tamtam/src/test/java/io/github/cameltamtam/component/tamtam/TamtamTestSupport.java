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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
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

    /** The simulator's path of {@code POST /v2/key-accounts}, for its faults and recorded requests. */
    protected static final String ADD_PATH = "/api/v2/key-accounts";
    /** The simulator's path of {@code GET /v2/credits}. */
    protected static final String CREDITS_PATH = "/api/v2/credits";

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
        for (RecordedRequest request : simulator.requests("POST", ADD_PATH)) {
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

    /**
     * Routes from {@code direct:} endpoints straight to endpoints, without error handler: a failed exchange carries
     * the producer's exception as raised. Add them with {@link DirectRoutes#route}.
     */
    protected static DirectRoutes directRoutes() {
        return new DirectRoutes(ErrorHandling.NONE);
    }

    /**
     * Routes from {@code direct:} endpoints straight to endpoints through Camel's default error handler (no
     * redelivery), its log of exhausted exchanges turned off: a failed exchange carries its exception, quietly.
     */
    protected static DirectRoutes directRoutesWithErrorHandler() {
        return new DirectRoutes(ErrorHandling.QUIET);
    }

    /**
     * Routes from {@code direct:} endpoints straight to endpoints through Camel's default error handler as it comes:
     * an exhausted exchange is logged at ERROR with its stack trace.
     */
    protected static DirectRoutes directRoutesWithCamelDefaults() {
        return new DirectRoutes(ErrorHandling.CAMEL_DEFAULT);
    }

    /**
     * The input tests' routes, without error handler: {@code direct:add} to {@code tamtam:keyAccounts} and
     * {@code direct:skip} to the same with {@code skipInvalidIds=true}.
     */
    protected static DirectRoutes addAndSkipRoutes() {
        return directRoutes().route("direct:add", "tamtam:keyAccounts")
                .route("direct:skip", "tamtam:keyAccounts?skipInvalidIds=true");
    }

    /**
     * Imports {@code file} through a real {@code file:} consumer route: moves it atomically (the consumer never reads
     * it half-written) into a new {@code inbox} folder beside it, named {@code name}; the route
     * {@code file:inbox?noop=true&initialDelay=0&delay=20&<fileOptions>} to {@code tamtam:keyAccounts} to a mock
     * endpoint starts just before. Waits at most 60 s for the file's exchange to pass the component.
     *
     * @param  fileOptions more options of the file endpoint ({@code charset=UTF-16BE}), or empty
     * @return             the exchange that passed {@code tamtam:keyAccounts}
     */
    protected Exchange importFile(Path file, String name, String fileOptions) throws Exception {
        Path inbox = Files.createDirectories(file.resolveSibling("inbox"));
        MockEndpoint imported = getMockEndpoint("mock:imported");
        imported.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("file:" + inbox.toAbsolutePath() + "?noop=true&initialDelay=0&delay=20"
                        + (fileOptions.isEmpty() ? "" : "&" + fileOptions)).routeId("fileImport")
                        .to("tamtam:keyAccounts")
                        .to("mock:imported");
            }
        });
        Files.move(file, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        MockEndpoint.assertIsSatisfied(60, TimeUnit.SECONDS, imported);
        return imported.getReceivedExchanges().get(0);
    }

    /** The component's options for this test class. */
    protected void configure(TamtamConfiguration configuration) {
        configuration.setApiKey(TamtamSimulator.DEMO_API_KEY);
        configuration.setBaseUrl(simulator.baseUrl().toString());
        configuration.setUserEmail(TamtamSimulator.DEMO_USER_EMAIL);
        configuration.setRetryDelay(10);
    }

    /** Routes from {@code direct:} endpoints straight to endpoints, each {@code from("direct:x").to(uri)}. */
    protected static final class DirectRoutes extends RouteBuilder {

        private final ErrorHandling errorHandling;
        private final Map<String, String> routes = new LinkedHashMap<>();

        private DirectRoutes(ErrorHandling errorHandling) {
            this.errorHandling = errorHandling;
        }

        /** Adds the route from {@code direct} to {@code uri}. */
        public DirectRoutes route(String direct, String uri) {
            routes.put(direct, uri);
            return this;
        }

        @Override
        public void configure() {
            if (errorHandling == ErrorHandling.NONE) {
                errorHandler(noErrorHandler());
            } else if (errorHandling == ErrorHandling.QUIET) {
                errorHandler(defaultErrorHandler().logExhausted(false));
            }
            routes.forEach((direct, uri) -> from(direct).to(uri));
        }
    }

    private enum ErrorHandling {
        /** No error handler. */
        NONE,
        /** Camel's default error handler, its log of exhausted exchanges off. */
        QUIET,
        /** Camel's default error handler as it comes. */
        CAMEL_DEFAULT
    }
}
