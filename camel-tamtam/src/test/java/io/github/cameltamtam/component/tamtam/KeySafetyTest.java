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
import java.util.List;

import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key never leaks through what others say: a server echoing it (401 problem detail, 5xx, malformed 200) or a
 * JDK message quoting it. Echoes are redacted from exceptions, the error handler's ERROR log and the TRACE lines; a
 * key the JDK would refuse in a header (control character) is refused when the endpoint is created.
 */
class KeySafetyTest extends TamtamTestSupport {

    private static final String KEY = "sk-live-ECHOED-4242";

    @Override
    protected TamtamSimulator startSimulator() {
        TamtamSimulator simulator = TamtamSimulator.builder().rateLimit(0).start();
        simulator.createAccount(KEY, 1000, TamtamSimulator.DEMO_USER_EMAIL);
        return simulator;
    }

    @Override
    protected void configure(TamtamConfiguration configuration) {
        super.configure(configuration);
        configuration.setApiKey(KEY);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        // Camel's default error handler logs the exhausted failure at ERROR: part of the check
        return directRoutesWithCamelDefaults().route("direct:add", "tamtam:keyAccounts");
    }

    @Test
    void aKeyEchoedByTheServerIsRedactedFromExceptionsAndEveryLogLine() throws Exception {
        String problem = "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"invalid API key " + KEY + "\","
                + "\"errors\":[{\"location\":\"header.Authorization\",\"message\":\"unknown\",\"value\":\""
                + KEY + "\"}]}";
        Exchange unauthorized;
        Exchange retried;
        List<LogCapture.Captured> events;
        try (LogCapture capture = LogCapture.start(Level.TRACE, "io.github.cameltamtam", "org.apache.camel")) {
            // a 503 and a malformed 200 echoing the key, retried, then a success
            simulator.faults().enqueue(ADD_PATH, Fault.status(503).body("application/problem+json",
                    "{\"detail\":\"overloaded while serving " + KEY + "\"}"));
            simulator.faults().enqueue(ADD_PATH, Fault.malformedBody().body("application/json", "{\"key\":\"" + KEY));
            retried = template.request("direct:add", e -> e.getMessage().setBody(ids(2000, 2)));
            simulator.faults().enqueue(ADD_PATH, Fault.status(401).body("application/problem+json", problem));
            unauthorized = template.request("direct:add", e -> e.getMessage().setBody(ids(2100, 2)));
            events = capture.events();
        }
        assertEquals(null, retried.getException());
        TamtamApiException e = assertInstanceOf(TamtamApiException.class, unauthorized.getException());
        assertEquals(401, e.getStatusCode());
        assertTrue(e.getMessage().contains("invalid API key xxxxxx"), e::getMessage);
        assertFalse(e.getDetail().contains(KEY));
        assertFalse(e.getErrors().get(0).value().toString().contains(KEY));
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(KEY), trace::toString);

        assertTrue(
                events.stream().anyMatch(ev -> Level.TRACE.equals(ev.level()) && ev.message().contains("answer 401")),
                "the TRACE answer line was captured");
        assertTrue(events.stream().anyMatch(ev -> Level.ERROR.equals(ev.level())), "the ERROR line was captured");
        for (LogCapture.Captured event : events) {
            assertFalse(event.text().contains(KEY), event::text);
        }
        // the key itself was sent where it belongs
        assertTrue(simulator.requests("POST", ADD_PATH).stream().allMatch(r -> KEY.equals(r.header("authorization"))));
    }

    /** Camel core loggers that print resolved placeholder values, unmasked, at DEBUG or TRACE (Camel 4.22). */
    private static final String[] PLACEHOLDER_LOGGERS = {
            "org.apache.camel.component.properties", "org.apache.camel.impl.engine.DefaultCamelContextExtension"};

    @Test
    void onlyCamelsPlaceholderLoggersShowAResolvedKeyAndAtInfoNothingDoes() throws Exception {
        String property = "tamtam.keysafety.key";
        System.setProperty(property, KEY);
        try {
            List<LogCapture.Captured> atTrace = sendWithPlaceholderKey(Level.TRACE);
            List<LogCapture.Captured> leaks = atTrace.stream().filter(ev -> ev.text().contains(KEY)).toList();
            assertFalse(leaks.isEmpty(), "Camel core shows resolved placeholder values at DEBUG/TRACE");
            assertTrue(leaks.stream().allMatch(ev -> ev.logger().startsWith(PLACEHOLDER_LOGGERS[0])
                    || ev.logger().equals(PLACEHOLDER_LOGGERS[1])),
                    () -> leaks.stream().map(LogCapture.Captured::text).toList().toString());

            List<LogCapture.Captured> atInfo = sendWithPlaceholderKey(Level.INFO);
            assertTrue(atInfo.size() > 10, "TRACE events were captured: " + atInfo.size());
            for (LogCapture.Captured event : atInfo) {
                assertFalse(event.text().contains(KEY), event::text);
            }
        } finally {
            System.clearProperty(property);
        }
    }

    /** One exchange with the component's key from {@code {{sys:...}}}; all at TRACE but the placeholder loggers. */
    private List<LogCapture.Captured> sendWithPlaceholderKey(Level placeholderLevel) throws Exception {
        try (LogCapture all = LogCapture.start(Level.TRACE, "io.github.cameltamtam", "org.apache.camel");
                LogCapture placeholders = LogCapture.start(placeholderLevel, PLACEHOLDER_LOGGERS);
                CamelContext context = TamtamContexts.create(simulator.baseUrl().toString(),
                        tamtam -> tamtam.getConfiguration().setApiKey(null), "")) {
            // as camel.component.tamtam.api-key={{sys:...}} does in Camel Main
            org.apache.camel.support.PropertyBindingSupport.build()
                    .withCamelContext(context).withTarget(context.getComponent("tamtam"))
                    .withProperty("configuration.apiKey", "{{sys:tamtam.keysafety.key}}").bind();
            context.start();
            Exchange out =
                    context.createProducerTemplate().request("direct:add", e -> e.getMessage().setBody(ids(2200, 1)));
            assertEquals(null, out.getException());
            assertEquals(KEY, simulator.requests().get(simulator.requests().size() - 1).header("authorization"));
            List<LogCapture.Captured> events = new java.util.ArrayList<>(all.events());
            events.addAll(placeholders.events());
            return events;
        }
    }

    @Test
    void aKeyWithATrailingNewlineIsRefusedWhenTheEndpointIsCreatedWithoutShowingIt() throws Exception {
        try (CamelContext context = TamtamContexts.create(simulator.baseUrl().toString(),
                tamtam -> tamtam.getConfiguration().setApiKey(KEY + "\n"), "")) { // a file's or a badly quoted variable's
            Exception e;
            try (LogCapture quiet = LogCapture.start(Level.ERROR, "org.apache.camel")) {
                e = assertThrows(Exception.class, context::start);
            }
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertTrue(trace.toString().contains("apiKey contains a control or non-ASCII character"), trace::toString);
            assertFalse(trace.toString().contains(KEY), trace::toString);
        }
        assertEquals(0, simulator.requests().size());
    }
}
