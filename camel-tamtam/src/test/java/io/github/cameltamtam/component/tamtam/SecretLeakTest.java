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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The API key is sent raw in {@code Authorization} and nowhere else: not in any log event at any level (the component
 * and Camel core logging at TRACE), not in exceptions, not in {@code toString()}s, and masked in endpoint URIs.
 */
class SecretLeakTest extends TamtamTestSupport {

    private static final String KEY = "sk-live-SECRET-123";
    private static final String WRONG_KEY = "sk-live-WRONG-456";

    @Override
    protected TamtamSimulator startSimulator() {
        TamtamSimulator simulator = TamtamSimulator.start();
        simulator.createAccount(KEY, 1000, TamtamSimulator.DEMO_USER_EMAIL);
        return simulator;
    }

    @Override
    protected void configure(TamtamConfiguration configuration) {
        super.configure(configuration);
        configuration.setApiKey(KEY); // on the component, as documented: never in a URI
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        // Camel's default error handler logs exhausted failures with their stack traces: part of the check
        return directRoutesWithCamelDefaults().route("direct:add", "tamtam:keyAccounts");
    }

    @Test
    void apiKeyAppearsInNoLogEventAtAnyLevelNorInAnyException() throws Exception {
        List<Exception> errors = new ArrayList<>();
        List<LogCapture.Captured> events;
        try (LogCapture capture = LogCapture.start(Level.TRACE, "io.github.cameltamtam", "org.apache.camel")) {
            Exchange ok = template.request("direct:add", e -> e.getMessage().setBody(ids(100, 60)));
            assertNull(ok.getException(), () -> String.valueOf(ok.getException()));

            simulator.faults().enqueue(ADD_PATH, Fault.status(503));
            Exchange retried = template.request("direct:add", e -> e.getMessage().setBody(ids(200, 5)));
            assertNull(retried.getException(), () -> String.valueOf(retried.getException()));

            Exchange unprocessable = template.request("direct:add", e -> {
                e.getMessage().setBody(ids(300, 5));
                e.getMessage().setHeader(TamtamConstants.USER_EMAIL, "nobody@example.com");
            });
            assertEquals(422, assertInstanceOf(TamtamApiException.class, unprocessable.getException()).getStatusCode());
            errors.add(unprocessable.getException());

            context.getComponent("tamtam", TamtamComponent.class).getConfiguration().setApiKey(WRONG_KEY);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:wrongKey").to("tamtam:keyAccounts?batchSize=49");
                }
            });
            Exchange unauthorized = template.request("direct:wrongKey", e -> e.getMessage().setBody(ids(400, 5)));
            assertEquals(401, assertInstanceOf(TamtamApiException.class, unauthorized.getException()).getStatusCode());
            errors.add(unauthorized.getException());

            events = capture.events();
        }

        // the capture really saw the component's and Camel's detailed logging, including the retry
        assertTrue(events.stream().anyMatch(e -> e.logger().startsWith("io.github.cameltamtam")
                && Level.TRACE.equals(e.level())), "no TRACE event of the component");
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.logger().startsWith("org.apache.camel") && Level.TRACE.equals(e.level())),
                "no TRACE event of Camel");
        assertTrue(events.stream().anyMatch(e -> e.message() != null && e.message().startsWith("Retrying POST")),
                "the retry was not logged");
        assertTrue(events.stream().anyMatch(e -> e.thrown() != null), "no failure was logged with its stack trace");
        for (LogCapture.Captured event : events) {
            String text = event.text();
            if (text.contains(KEY) || text.contains(WRONG_KEY)) {
                fail("an API key was logged by " + event.logger() + " at " + event.level() + ": " + text);
            }
        }
        for (Exception error : errors) {
            assertNoKey("exception message", error.getMessage());
            assertNoKey("exception", error.toString());
            assertNoKey("stack trace", stackTrace(error));
        }
        // what the API received: the raw keys, no "Bearer "
        List<RecordedRequest> requests = simulator.requests("POST", ADD_PATH);
        assertTrue(requests.stream().filter(r -> !r.companyLinkedinIds().contains("400"))
                .allMatch(r -> KEY.equals(r.header("Authorization"))));
        assertEquals(WRONG_KEY, requests.get(requests.size() - 1).header("Authorization"));
    }

    @Test
    void authorizationHeaderIsTheRawKeyWithoutBearer() {
        KeyAccountsResult result = template.requestBody("direct:add", ids(500, 3), KeyAccountsResult.class);

        assertEquals(3, result.getNewlyAddedCompanyLinkedinIds().size());
        RecordedRequest request = simulator.requests("POST", ADD_PATH).get(0);
        assertEquals(KEY, request.header("Authorization"));
        assertFalse(request.header("Authorization").startsWith("Bearer"));
    }

    @Test
    void toStringsNeverShowTheKey() {
        TamtamEndpoint endpoint = context.getEndpoint("tamtam:keyAccounts", TamtamEndpoint.class);
        TamtamComponent component = context.getComponent("tamtam", TamtamComponent.class);

        assertEquals(KEY, endpoint.getConfiguration().getApiKey());
        assertNoKey("endpoint", endpoint.toString());
        assertNoKey("endpoint URI", endpoint.getEndpointUri());
        assertNoKey("endpoint configuration", endpoint.getConfiguration().toString());
        assertNoKey("component configuration", component.getConfiguration().toString());
        assertNoKey("component", component.toString());
    }

    @Test
    void apiKeyInAnEndpointUriIsMasked() throws Exception {
        TamtamEndpoint endpoint = context.getEndpoint("tamtam:keyAccounts?batchSize=47&apiKey=" + KEY,
                TamtamEndpoint.class);

        assertEquals(KEY, endpoint.getConfiguration().getApiKey(), "the URI's key is used");
        assertNoKey("sanitized endpoint URI", URISupport.sanitizeUri(endpoint.getEndpointUri()));
        assertNoKey("endpoint", endpoint.toString());
        assertNoKey("endpoint configuration", endpoint.getConfiguration().toString());
    }

    @Test
    void apiKeyInAnEndpointUriIsNotLoggedWhenItsExchangeFails() throws Exception {
        // at the levels a deployment runs at (INFO and above), Camel prints endpoint URIs sanitized
        List<LogCapture.Captured> events;
        Exchange out;
        try (LogCapture capture = LogCapture.start(Level.INFO, "io.github.cameltamtam", "org.apache.camel")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:keyInUri").to("tamtam:keyAccounts?batchSize=46&apiKey=" + WRONG_KEY);
                }
            });
            out = template.request("direct:keyInUri", e -> e.getMessage().setBody(ids(600, 5)));
            events = capture.events();
        }

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(401, error.getStatusCode());
        assertNoKey("stack trace", stackTrace(error));
        assertTrue(events.stream().anyMatch(e -> e.thrown() != null), "the failure was not logged");
        for (LogCapture.Captured event : events) {
            if (event.text().contains(WRONG_KEY)) {
                fail("the API key of an endpoint URI was logged by " + event.logger() + " at " + event.level() + ": "
                        + event.text());
            }
        }
    }

    private static void assertNoKey(String what, String text) {
        assertNotNull(text, what);
        assertFalse(text.contains(KEY), () -> what + " shows the API key: " + text);
        assertFalse(text.contains(WRONG_KEY), () -> what + " shows the API key: " + text);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
