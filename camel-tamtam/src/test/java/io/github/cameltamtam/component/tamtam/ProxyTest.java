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
import java.util.function.Consumer;

import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API through a real authenticating proxy on loopback (Jetty's CONNECT and forward proxy, Basic auth): the key
 * reaches the API on every request, over https (CONNECT tunnel) and plain http, the proxy credentials reach only the
 * proxy and no log line; wrong credentials fail with 407, not retried. The surefire JVM runs with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=} as the docs tell users to.
 */
class ProxyTest {

    private static final String USER = "proxy-user";
    private static final String PASSWORD = "proxy-PASS-31337";
    private static final String ADD_PATH = "/api/v2/key-accounts";

    private BasicAuthProxy proxy;

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new BasicAuthProxy(USER, PASSWORD);
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    void httpsThroughAnAuthenticatedProxyDeliversTheKeyOnEveryRequest() throws Exception {
        try (TamtamSimulator https = TamtamSimulator.builder().tls(TestTls.material().serverContext()).rateLimit(0)
                .start()) {
            List<LogCapture.Captured> events;
            Exchange out;
            try (LogCapture capture = LogCapture.start(Level.TRACE, "io.github.cameltamtam", "org.apache.camel")) {
                out = send(https, PASSWORD, c -> c.setSslContextParameters(TestTls.trusting()), ids(5000, 150));
                events = capture.events();
            }
            assertNull(out.getException(), () -> String.valueOf(out.getException()));
            List<RecordedRequest> requests = https.requests("POST", ADD_PATH);
            assertEquals(3, requests.size());
            for (RecordedRequest r : requests) {
                assertEquals(TamtamSimulator.DEMO_API_KEY, r.header("authorization"));
                assertNull(r.header("proxy-authorization"), "proxy credentials never reach the API");
            }
            List<BasicAuthProxy.Seen> seen = proxy.seen();
            assertFalse(seen.isEmpty());
            for (BasicAuthProxy.Seen s : seen) {
                assertEquals("CONNECT", s.method());
                assertEquals(proxy.expectedProxyAuthorization(), s.proxyAuthorization());
                assertNull(s.authorization(), "the key stays inside the tunnel");
            }
            assertNoSecretIn(events);
        }
    }

    @Test
    void plainHttpThroughAnAuthenticatedProxyDeliversTheKeyOnEveryRequest() throws Exception {
        try (TamtamSimulator http = TamtamSimulator.builder().rateLimit(0).start()) {
            List<LogCapture.Captured> events;
            Exchange out;
            try (LogCapture capture = LogCapture.start(Level.TRACE, "io.github.cameltamtam", "org.apache.camel")) {
                out = send(http, PASSWORD, c -> {
                }, ids(5100, 150));
                events = capture.events();
            }
            assertNull(out.getException(), () -> String.valueOf(out.getException()));
            List<BasicAuthProxy.Seen> seen = proxy.seen();
            assertEquals(3, seen.size());
            for (BasicAuthProxy.Seen s : seen) {
                assertEquals("POST", s.method());
                assertEquals(proxy.expectedProxyAuthorization(), s.proxyAuthorization());
                assertEquals(TamtamSimulator.DEMO_API_KEY, s.authorization());
            }
            List<RecordedRequest> requests = http.requests("POST", ADD_PATH);
            assertEquals(3, requests.size());
            assertTrue(requests.stream().allMatch(r -> TamtamSimulator.DEMO_API_KEY.equals(r.header("authorization"))));
            assertNoSecretIn(events);
        }
    }

    @Test
    void wrongProxyCredentialsFailWith407AndAreNotRetried() throws Exception {
        try (TamtamSimulator http = TamtamSimulator.builder().rateLimit(0).start()) {
            Exchange out = send(http, "wrong", c -> {
            }, ids(5200, 2));

            TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
            assertEquals(407, e.getStatusCode());
            assertTrue(e.getMessage().contains("Proxy Authentication Required"), e::getMessage);
            assertEquals(1, proxy.seen().size(), "not retried");
            assertEquals(0, http.requests().size());
        }
    }

    @Test
    void wrongProxyCredentialsOnAnHttpsTunnelFailWith407() throws Exception {
        try (TamtamSimulator https = TamtamSimulator.builder().tls(TestTls.material().serverContext()).rateLimit(0)
                .start()) {
            // the JDK hands the refused CONNECT's 407 over only after requestTimeout: keep it short here
            Exchange out = send(https, "wrong", c -> {
                c.setSslContextParameters(TestTls.trusting());
                c.setRequestTimeout(2000);
            }, ids(5300, 2));

            TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
            assertEquals(407, e.getStatusCode(), e::getMessage);
            assertEquals(1, proxy.seen().size(), "not retried");
            assertEquals(0, https.requests().size());
        }
    }

    @Test
    void aJvmDisablingBasicForTunnelsRefusesToStartWithAClearMessage() throws Exception {
        String property = "jdk.http.auth.tunneling.disabledSchemes";
        String previous = System.getProperty(property);
        System.setProperty(property, "Basic");
        try (TamtamSimulator https = TamtamSimulator.builder().tls(TestTls.material().serverContext()).start();
                LogCapture quiet = LogCapture.start(Level.ERROR, "org.apache.camel")) {
            Exception e = assertThrows(Exception.class, () -> send(https, PASSWORD, c -> {
            }, ids(5400, 2)));
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append(" | ");
            }
            assertTrue(messages.toString().contains("-D" + property + "= (empty)"), messages::toString);
            assertFalse(messages.toString().contains(PASSWORD));
            assertEquals(0, proxy.seen().size());
        } finally {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
    }

    private Exchange send(TamtamSimulator simulator, String password, Consumer<TamtamConfiguration> setup,
            List<String> ids) throws Exception {
        try (CamelContext context = TamtamContexts.create(simulator.baseUrl().toString(), tamtam -> {
            TamtamConfiguration c = tamtam.getConfiguration();
            c.setProxyHost("127.0.0.1");
            c.setProxyPort(proxy.port());
            c.setProxyUsername(USER);
            c.setProxyPassword(password);
            setup.accept(c);
        }, "")) {
            context.start();
            return context.createProducerTemplate().request("direct:add", e -> e.getMessage().setBody(ids));
        }
    }

    private void assertNoSecretIn(List<LogCapture.Captured> events) {
        assertFalse(events.isEmpty());
        String token = proxy.expectedProxyAuthorization().substring("Basic ".length());
        for (LogCapture.Captured event : events) {
            assertFalse(event.text().contains(PASSWORD), event::text);
            assertFalse(event.text().contains(token), event::text);
            assertFalse(event.text().contains(TamtamSimulator.DEMO_API_KEY), event::text);
        }
    }
}
