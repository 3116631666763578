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

import java.net.http.HttpClient;

import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 3xx never carries the key to another host: the built-in client does not follow redirects, and a supplied
 * httpClient that would (or that has an Authenticator, which drops the key) is refused when the endpoint starts.
 */
class RedirectTest extends TamtamTestSupport {

    /** Where a hostile 3xx points: records whatever reaches it. */
    private final TamtamSimulator elsewhere = TamtamSimulator.builder().demoAccount(false).start();

    @AfterEach
    void stopElsewhere() {
        elsewhere.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithErrorHandler().route("direct:add", "tamtam:keyAccounts");
    }

    @Test
    void theBuiltInClientNeverFollowsARedirect() {
        simulator.faults().enqueue(ADD_PATH,
                Fault.status(307).header("Location", elsewhere.baseUrl() + "/v2/key-accounts"));
        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids(3000, 2)));

        assertEquals(307, assertInstanceOf(TamtamApiException.class, out.getException()).getStatusCode());
        assertEquals(0, elsewhere.requests().size());
    }

    @Test
    void aSuppliedClientThatFollowsRedirectsIsRefusedAtStart() throws Exception {
        simulator.faults().enqueue(ADD_PATH,
                Fault.status(307).header("Location", elsewhere.baseUrl() + "/v2/key-accounts"));
        try (CamelContext context = contextWithClient(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL).build())) {
            Exception e;
            try (LogCapture quiet = LogCapture.start(Level.ERROR, "org.apache.camel")) {
                e = assertThrows(Exception.class, () -> {
                    context.start();
                    context.createProducerTemplate().requestBody("direct:add", ids(3100, 2));
                });
            }
            assertTrue(messages(e).contains("follows redirects"), () -> messages(e));
        }
        assertEquals(0, simulator.requests().size());
        assertEquals(0, elsewhere.requests().size());
    }

    @Test
    void aSuppliedClientWithAnAuthenticatorIsRefusedAtStart() throws Exception {
        try (CamelContext context = contextWithClient(HttpClient.newBuilder()
                .authenticator(new java.net.Authenticator() {
                }).build())) {
            Exception e;
            try (LogCapture quiet = LogCapture.start(Level.ERROR, "org.apache.camel")) {
                e = assertThrows(Exception.class, context::start);
            }
            assertTrue(messages(e).contains("Authenticator"), () -> messages(e));
        }
    }

    private CamelContext contextWithClient(HttpClient client) throws Exception {
        CamelContext context =
                TamtamContexts.create(simulator.baseUrl().toString(), tamtam -> tamtam.setHttpClient(client), "");
        return context;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
